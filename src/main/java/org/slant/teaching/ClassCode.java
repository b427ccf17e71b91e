package org.slant.teaching;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Class codes students type to join an exercise: {@value #LENGTH} characters from an alphabet without
 * the look-alikes 0/O, 1/I/L, so a code read off a projector is typed right the first time.
 */
public final class ClassCode {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;

    private ClassCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static String generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** What a student typed, as a code: upper case, without spaces or hyphens ("abc-23x" is "ABC23X"). */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    }
}
