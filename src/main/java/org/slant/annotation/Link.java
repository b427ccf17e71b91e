package org.slant.annotation;

import java.time.Instant;
import java.util.Objects;
import org.slant.document.DocumentId;

/**
 * A directed link of {@code type} from span {@code from} to span {@code to}, both in the same layer. Whether the
 * type exists and fits the two spans' labels is {@link SchemeRules}' business.
 */
public record Link(String id, String type, String from, String to, String author, Instant created) {

    public Link {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Link has no id");
        }
        DocumentId.require(type, "Type of link " + id);
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new IllegalArgumentException("Link " + id + " needs a span at both ends");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("Link " + id + " goes from span " + from + " to itself");
        }
        DocumentId.require(author, "Author of link " + id);
        Objects.requireNonNull(created, "created");
    }

    public boolean touches(String spanId) {
        return from.equals(spanId) || to.equals(spanId);
    }

    /** Same type between the same two spans. */
    public boolean sameAs(Link other) {
        return type.equals(other.type) && from.equals(other.from) && to.equals(other.to);
    }

    public Link withType(String newType) {
        return new Link(id, newType, from, to, author, created);
    }
}
