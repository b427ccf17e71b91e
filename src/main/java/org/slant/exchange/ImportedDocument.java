package org.slant.exchange;

import java.util.List;
import java.util.Map;

/**
 * One document as a file states it. {@code id} is the file's id for it (null when it has none);
 * {@code text} is null when the format carries no text (a bare SemEval label file), so the text must
 * come from the workspace document with that id. {@code file}/{@code line} locate the document itself.
 */
public record ImportedDocument(String id, String title, String text, Map<String, String> metadata,
                               List<ImportedSpan> spans, String file, int line) {

    public ImportedDocument {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        spans = List.copyOf(spans);
    }

    /** The fields the brief names; the document's position defaults to the start of {@code file}. */
    public ImportedDocument(String id, String title, String text, Map<String, String> metadata, List<ImportedSpan> spans) {
        this(id, title, text, metadata, spans, null, 0);
    }
}
