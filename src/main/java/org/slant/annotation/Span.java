package org.slant.annotation;

import java.time.Instant;
import java.util.Objects;
import org.slant.document.DocumentId;

/**
 * One labelled stretch of a document. {@code start}/{@code end} are Unicode code point offsets,
 * end exclusive; {@code text} is the covered text, stored so an export can be checked on its own.
 * Checks that need the document (range, text, known label) live in {@link SpanRules}.
 */
public record Span(String id, int start, int end, String label, String text, String note,
                   String author, Instant created, Instant updated) {

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
    }

    public int length() {
        return end - start;
    }

    public boolean sameRangeAndLabel(Span other) {
        return start == other.start && end == other.end && label.equals(other.label);
    }

    public Span withLabel(String newLabel, Instant when) {
        return new Span(id, start, end, newLabel, text, note, author, created, when);
    }

    public Span withNote(String newNote, Instant when) {
        return new Span(id, start, end, label, text, newNote, author, created, when);
    }
}
