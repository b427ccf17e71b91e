package org.slant.annotation;

/**
 * A span as the person changing it saw it on their screen (code point offsets and label). Sent with a
 * relabel or delete so that a change made meanwhile by someone else on the same layer (a second curator
 * on gold, a second tab) is not silently overwritten.
 */
public record SeenSpan(int start, int end, String label) {

    public SeenSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A seen span needs 0 <= start < end, not " + start + "-" + end);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A seen span needs a label");
        }
    }

    public static SeenSpan of(Span span) {
        return new SeenSpan(span.start(), span.end(), span.label());
    }

    public boolean matches(Span span) {
        return span.start() == start && span.end() == end && span.label().equals(label);
    }
}
