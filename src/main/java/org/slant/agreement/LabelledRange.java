package org.slant.agreement;

/**
 * The part of a span that agreement looks at: a code point range {@code [start, end)} and a label.
 * Ids, notes and timestamps do not matter for agreement, and dropping them lets several documents
 * be laid end to end (see {@link AnnotatedText#concat}).
 */
public record LabelledRange(int start, int end, String label) {

    public LabelledRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Not a range: [" + start + ", " + end + ")");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Range [" + start + ", " + end + ") has no label");
        }
    }

    public int length() {
        return end - start;
    }

    /** Number of code points both ranges cover (0 if they only touch or are apart). */
    public int overlap(LabelledRange other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    LabelledRange shiftedBy(int offset) {
        return new LabelledRange(start + offset, end + offset, label);
    }
}
