package org.slant.teaching;

import java.util.Objects;

/**
 * A part of the structure scored on its own, beside the span score: {@code part} is one of "attributes", "links",
 * "sentences", "answers"; {@code right} how many of the student's agree with the reference; {@code reference}
 * and {@code yours} how many the reference and the student gave; {@code sentence} it all in plain words.
 */
public record StructureScore(String part, int right, int reference, int yours, String sentence) {

    public StructureScore {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(sentence, "sentence");
    }
}
