package org.slant.teaching;

import java.util.Objects;
import org.slant.annotation.Link;

/**
 * How a link compares with the reference's links, with the comparison in plain words. A student's link and a
 * reference link match when they have the same type and each end of the student's is the passage matched to
 * that end of the reference's (the one-to-one span matching of {@link Grading}).
 *
 * @param yours     the student's link; null for MISSED
 * @param reference the reference's link; null for NOT_IN_REFERENCE
 */
public record LinkVerdict(Kind kind, String type, Link yours, Link reference, String sentence) {

    public enum Kind {
        /** The same link as the reference's. */
        MATCH,
        /** From the passage the reference links, with the same type, but to another passage than the reference's. */
        OTHER_END,
        /** A reference link the student did not make. */
        MISSED,
        /** A student's link the reference does not have. */
        NOT_IN_REFERENCE
    }

    public LinkVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentence, "sentence");
        if ((yours == null) != (kind == Kind.MISSED) || (reference == null) != (kind == Kind.NOT_IN_REFERENCE)) {
            throw new IllegalArgumentException(kind + " link verdict of " + type + ": yours " + yours + ", reference " + reference);
        }
    }
}
