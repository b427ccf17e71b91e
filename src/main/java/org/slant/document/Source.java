package org.slant.document;

import java.time.LocalDate;

/** Where an article came from. Every field is optional (null when unknown). */
public record Source(String outlet, String url, LocalDate published) {

    public static final Source UNKNOWN = new Source(null, null, null);

    public Source {
        outlet = blankToNull(outlet);
        url = blankToNull(url);
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("Source URL must start with http:// or https://, got: " + url);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
