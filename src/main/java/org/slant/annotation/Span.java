package org.slant.annotation;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slant.document.DocumentId;
import org.slant.label.AttributeValue;

/**
 * One labelled stretch of a document. {@code start}/{@code end} are Unicode code point offsets,
 * end exclusive; {@code text} is the covered text, stored so an export can be checked on its own.
 * Checks that need the document (range, text, known label) live in {@link SpanRules}.
 */
public record Span(String id, int start, int end, String label, String text, String note,
                   String author, Instant created, Instant updated, Map<String, AttributeValue> attributes) {

    public Span {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Span has no id");
        }
        if (start < 0) {
            throw new IllegalArgumentException("Span " + id + " starts before the text: start " + start);
        }
        if (end <= start) {
            throw new IllegalArgumentException("Span " + id + " is empty: start " + start + ", end " + end);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Span " + id + " has no label");
        }
        Objects.requireNonNull(text, "text");
        DocumentId.require(author, "Span author");
        note = note == null || note.isBlank() ? null : note.strip();
        org.slant.document.LoneSurrogates.refuse(text, "The text of span " + id);
        org.slant.document.LoneSurrogates.refuse(note, "The note of span " + id);
        Objects.requireNonNull(created, "created");
        updated = updated == null ? created : updated;
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        for (Map.Entry<String, AttributeValue> a : attributes.entrySet()) {
            DocumentId.require(a.getKey(), "Attribute id of span " + id);
            Objects.requireNonNull(a.getValue(), "value of attribute " + a.getKey());
        }
    }

    /** A span without attributes. */
    public Span(String id, int start, int end, String label, String text, String note,
                String author, Instant created, Instant updated) {
        this(id, start, end, label, text, note, author, created, updated, Map.of());
    }

    public int length() {
        return end - start;
    }

    public boolean sameRangeAndLabel(Span other) {
        return start == other.start && end == other.end && label.equals(other.label);
    }

    /** Relabelled; attributes the new label does not have are the caller's to drop ({@link #withAttributes}). */
    public Span withLabel(String newLabel, Instant when) {
        return new Span(id, start, end, newLabel, text, note, author, created, when, attributes);
    }

    public Span withNote(String newNote, Instant when) {
        return new Span(id, start, end, label, text, newNote, author, created, when, attributes);
    }

    public Span withAttributes(Map<String, AttributeValue> newAttributes, Instant when) {
        return new Span(id, start, end, label, text, note, author, created, when, newAttributes);
    }

    /** With {@code attributeId} set to {@code value}, or removed when {@code value} is null. */
    public Span withAttribute(String attributeId, AttributeValue value, Instant when) {
        Map<String, AttributeValue> changed = new TreeMap<>(attributes);
        if (value == null) {
            changed.remove(attributeId);
        } else {
            changed.put(attributeId, value);
        }
        return withAttributes(changed, when);
    }

    /** The same span at a new range (a curator moving a boundary), attributes and note kept. */
    public Span withRange(int newStart, int newEnd, String newText, Instant when) {
        return new Span(id, newStart, newEnd, label, newText, note, author, created, when, attributes);
    }
}
