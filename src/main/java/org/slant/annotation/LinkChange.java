package org.slant.annotation;

/** A link added ({@code before} null), removed ({@code after} null) or given another type. */
public record LinkChange(Layer layer, Link before, Link after) implements LayerChange {

    public LinkChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs a link before or after");
        }
    }
}
