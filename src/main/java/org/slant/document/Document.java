package org.slant.document;

import java.time.Instant;
import java.util.Objects;

/** An article to annotate. The text never changes once stored: span offsets point into it. */
public record Document(String id, String title, String text, Source source, Instant created) {

    public Document {
        DocumentId.require(id, "Document id");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("Document " + id + " has no text");
        }
        LoneSurrogates.refuse(text, "The text of document " + id);
        title = title == null || title.isBlank() ? id : title.strip();
        LoneSurrogates.refuse(title, "The title of document " + id);
        source = source == null ? Source.UNKNOWN : source;
        Objects.requireNonNull(created, "created");
    }

    /** Length in Unicode code points, the unit of every persisted offset. */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    public Document withTitle(String newTitle) {
        return new Document(id, newTitle, text, source, created);
    }
}
