package org.slant.document;

import java.util.Locale;

/**
 * Finds a lone surrogate: half of a UTF-16 pair without its other half (U+D800 to U+DFFF on its own). JSON
 * can carry one ({@code "\ud800"}) though no UTF-8 file can; it is not a character, so no offset can
 * point at it faithfully and every export would write it as {@code ?}. Text holding one is refused.
 */
public final class LoneSurrogates {

    private LoneSurrogates() {
    }

    /** The UTF-16 index of the first lone surrogate in {@code s}, or -1 when there is none. */
    public static int first(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @throws IllegalArgumentException naming {@code what}, the surrogate, its code point offset and its line
     */
    public static void refuse(String s, String what) {
        String problem = describe(s, what);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Null when {@code s} is well formed, else a message naming the first lone surrogate and where it is. */
    public static String describe(String s, String what) {
        int at = s == null ? -1 : first(s);
        if (at < 0) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return what + " holds a lone surrogate (U+" + Integer.toHexString(s.charAt(at)).toUpperCase(Locale.ROOT)
                + ", half of a UTF-16 pair without its other half) at offset " + s.codePointCount(0, at)
                + " (line " + line + ", column " + (s.codePointCount(lineStart, at) + 1) + "); it is not a character."
                + " Remove it or send the whole character";
    }
}
