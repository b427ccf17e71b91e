package org.slant.annotation;

import org.slant.label.Scheme;

/** {@link StructuredAnnotationTest}'s BASIL/PARC-like scheme and text, for tests of other packages. */
public final class StructuredFixture {

    /** Bias (polarity, target, intensity, frames), Attribution with Source and Cue roles, "biased" per sentence, "tone". */
    public static final Scheme SCHEME = StructuredAnnotationTest.SCHEME;
    /** Three sentences, the first starting with an emoji (one code point, two UTF-16 units). */
    public static final String TEXT = StructuredAnnotationTest.TEXT;

    /** Code point offsets {start, end} of the first occurrence of {@code part} in {@link #TEXT}. */
    public static int[] at(String part) {
        return AnnotationServiceTest.at(TEXT, part);
    }

    private StructuredFixture() {
    }
}
