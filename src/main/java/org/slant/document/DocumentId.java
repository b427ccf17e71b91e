package org.slant.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Document and annotator ids are slugs, because they become file names in the workspace:
 * lower-case ASCII letters, digits and single hyphens, so a path can never escape the workspace.
 */
public final class DocumentId {

    public static final int MAX_LENGTH = 64;

    private DocumentId() {
    }

    /** Same as matching {@code [a-z0-9]+(-[a-z0-9]+)*}, written out: it runs for every span read. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        char previous = '-';
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (c != '-' || previous == '-')) {
                return false;
            }
            previous = c;
        }
        return previous != '-';
    }

    /** Throws with a message naming what kind of id was wrong and why. */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " must be a slug (a-z, 0-9 and single hyphens, at most "
                    + MAX_LENGTH + " characters), got: " + (id == null ? "nothing" : '"' + id + '"'));
        }
        return id;
    }

    /** Makes a slug from any title: "Trump HUMILIATED the nation!" becomes "trump-humiliated-the-nation". */
    public static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 48) {
            ascii = ascii.substring(0, 48).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "document" : ascii;
    }
}
