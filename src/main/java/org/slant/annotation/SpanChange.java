package org.slant.annotation;

/**
 * One saved edit of a layer: {@code before} is null for a created span, {@code after} is null for a
 * deleted one. Enough to undo the edit and to update a view without resending the layer.
 */
public record SpanChange(Layer layer, Span before, Span after) {

    public SpanChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs a span before or after");
        }
    }

    public String spanId() {
        return after != null ? after.id() : before.id();
    }
}
