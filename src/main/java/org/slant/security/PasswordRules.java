package org.slant.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * What a new password must be, after NIST SP 800-63B: long enough, not one of the passwords attackers try
 * first, and not the account's own name. No rules about character classes, which only make passwords
 * harder to remember and not harder to guess. Existing passwords are not re-checked: the rules apply
 * where a password is set.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72; // bcrypt reads no further

    /**
     * The 100,000 most common passwords from leaked lists, as nbvcxz ships them, lower case. Only those
     * long enough to pass the length rule are kept: the rest are refused by length anyway.
     */
    private static final Set<String> COMMON = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet()
            .stream().filter(p -> p.codePointCount(0, p.length()) >= MIN_LENGTH)
            .map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private PasswordRules() {
    }

    /** Why the password may not be set for this account, or empty when it may. */
    static Optional<String> problem(String password, String userName, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("A password may have at most " + MAX_BYTES + " bytes (a bcrypt limit)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is on the list of the most common passwords, which attackers try "
                    + "first; choose another (a few unrelated words make a good one)");
        }
        if (lower.codePoints().distinct().count() == 1) {
            return Optional.of("A password of one character repeated is guessed at once; choose another");
        }
        String letters = lettersOf(lower);
        if (!letters.isEmpty() && (letters.equals(lettersOf(userName)) || letters.equals(lettersOf(displayName)))) {
            return Optional.of("A password may not be the user's own name (with or without digits or symbols)");
        }
        return Optional.empty();
    }

    /** Only the letters, lower case: "Alice-2026!" and "alice" are the same name. */
    private static String lettersOf(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }
}
