package org.slant.exchange;

import java.util.List;
import java.util.Map;
import org.slant.document.Source;
import org.slant.label.AttributeValue;

/**
 * One document as a file states it. {@code id} is the file's id for it (null when it has none), by
 * which it is matched with a workspace document of that id or of that dataset id; {@code text} is null
 * when the format carries no text (a bare SemEval label file, CoNLL, W3C annotations), so the text must
 * come from the workspace document with that id. {@code file}/{@code line} locate the document itself.
 * {@code source} is what a document created from it records: the dataset's own id and file for it (so
 * an export gives it back under that name), and outlet, url and date when the format has them.
 * {@code links}, {@code sentences} and {@code answers} (document question to value, by the file's names)
 * are the layer's structure besides its spans.
 */
public record ImportedDocument(String id, String title, String text, Map<String, String> metadata,
                               List<ImportedSpan> spans, String file, int line, Source source,
                               List<ImportedLink> links, List<ImportedSentence> sentences,
                               Map<String, AttributeValue> answers) {

    public ImportedDocument {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        spans = List.copyOf(spans);
        source = source == null ? Source.UNKNOWN : source;
        links = links == null ? List.of() : List.copyOf(links);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        answers = answers == null || answers.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }

    public ImportedDocument(String id, String title, String text, Map<String, String> metadata,
                            List<ImportedSpan> spans, String file, int line, Source source) {
        this(id, title, text, metadata, spans, file, line, source, List.of(), List.of(), Map.of());
    }

    public ImportedDocument(String id, String title, String text, Map<String, String> metadata,
                            List<ImportedSpan> spans, String file, int line) {
        this(id, title, text, metadata, spans, file, line, null);
    }

    /** The fields the brief names; the document's position defaults to the start of {@code file}. */
    public ImportedDocument(String id, String title, String text, Map<String, String> metadata, List<ImportedSpan> spans) {
        this(id, title, text, metadata, spans, null, 0);
    }

    /** This document with a layer's structure besides its spans. */
    public ImportedDocument withStructure(List<ImportedLink> newLinks, List<ImportedSentence> newSentences,
                                          Map<String, AttributeValue> newAnswers) {
        return new ImportedDocument(id, title, text, metadata, spans, file, line, source, newLinks, newSentences, newAnswers);
    }
}
