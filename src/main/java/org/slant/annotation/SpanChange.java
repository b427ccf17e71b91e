package org.slant.annotation;

import java.util.List;

/**
 * A span created ({@code before} null), deleted ({@code after} null) or changed. {@code removedLinks} are the
 * links that went with it (a deleted span's links, the links a relabelled span no longer fits), so undo
 * restores them too; {@code addedLinks} are links put back with the span (the undo of a delete).
 */
public record SpanChange(Layer layer, Span before, Span after, List<Link> removedLinks, List<Link> addedLinks)
        implements LayerChange {

    public SpanChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs a span before or after");
        }
        removedLinks = removedLinks == null ? List.of() : List.copyOf(removedLinks);
        addedLinks = addedLinks == null ? List.of() : List.copyOf(addedLinks);
    }

    public SpanChange(Layer layer, Span before, Span after) {
        this(layer, before, after, List.of(), List.of());
    }

    SpanChange saved(Layer savedLayer) {
        return new SpanChange(savedLayer, before, after, removedLinks, addedLinks);
    }

    public String spanId() {
        return after != null ? after.id() : before.id();
    }
}
