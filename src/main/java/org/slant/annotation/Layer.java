package org.slant.annotation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slant.document.DocumentId;

/**
 * One annotator's spans on one document. Stored as its own file, so two annotators never share a file.
 * {@code revision} grows by one with every saved change; {@code saved} is when the last one was saved
 * (null for a layer never saved, or written before Slant recorded it). It is the only trace a delete
 * leaves, so "last change" reads it rather than the spans' own times.
 */
public record Layer(String documentId, String annotator, long revision, List<Span> spans, Instant saved) {

    /** The curated layer of a document. */
    public static final String GOLD = "gold";
    /** The layer an export derives from the annotators' agreement. */
    public static final String MAJORITY = "majority";
    /** Layer names that are not someone's own annotation: agreement and curation leave them out. */
    public static final java.util.Set<String> DERIVED = java.util.Set.of(GOLD, MAJORITY);
    /** The layer of machine pre-annotations; {@code model-…} names more than one (e.g. {@code model-bert}). */
    public static final String MODEL = "model";

    /**
     * Whether the name is reserved for a layer of machine pre-annotations ({@code model}, {@code model-…}).
     * Such a layer is nobody's: no account may take the name, so a curator's import into it never becomes
     * someone's own layer later.
     */
    public static boolean isModelLayer(String name) {
        return name.equals(MODEL) || name.startsWith(MODEL + "-");
    }

    public static final Comparator<Span> READING_ORDER =
            Comparator.comparingInt(Span::start).thenComparing(Span::end, Comparator.reverseOrder())
                    .thenComparing(Span::label).thenComparing(Span::id);

    public Layer {
        DocumentId.require(documentId, "Document id");
        DocumentId.require(annotator, "Annotator");
        if (revision < 0) {
            throw new IllegalArgumentException("Layer revision must not be negative");
        }
        spans = spans.stream().map(Objects::requireNonNull).sorted(READING_ORDER).toList();
    }

    public Layer(String documentId, String annotator, long revision, List<Span> spans) {
        this(documentId, annotator, revision, spans, null);
    }

    public static Layer empty(String documentId, String annotator) {
        return new Layer(documentId, annotator, 0, List.of());
    }

    /** True for gold and majority: layers made from the annotators' work, not one person's reading. */
    public boolean isDerived() {
        return DERIVED.contains(annotator);
    }

    /** When this layer last changed: its save time, or (for older files) its newest span's. */
    public Optional<Instant> lastChange() {
        Instant last = saved;
        for (Span s : spans) {
            if (last == null || s.updated().isAfter(last)) {
                last = s.updated();
            }
        }
        return Optional.ofNullable(last);
    }

    public Optional<Span> find(String spanId) {
        return spans.stream().filter(s -> s.id().equals(spanId)).findFirst();
    }
}
