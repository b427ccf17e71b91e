package org.slant.teaching;

/** How one of a student's spans compares with the reference; see {@link Grading} for the exact rule. */
public enum Verdict {
    /** Paired with a reference span of the same label in the one-to-one overlap matching. */
    MATCH,
    /** Not paired, but shares a character with a reference span of another label in play. */
    WRONG_LABEL,
    /** Not paired and shares no character with a reference span of another label. */
    NOT_IN_REFERENCE
}
