package org.slant.annotation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import org.slant.document.DocumentId;
import org.slant.label.AttributeValue;

/**
 * One annotator's work on one document: spans (with their attributes), the links between them, sentence
 * labels and answers to the document questions. Stored as its own file, so two annotators never share a file.
 * {@code revision} grows by one with every saved change; {@code saved} is when the last one was saved
 * (null for a layer never saved, or written before Slant recorded it). It is the only trace a delete
 * leaves, so "last change" reads it rather than the spans' own times.
 */
public record Layer(String documentId, String annotator, long revision, List<Span> spans, List<Link> links,
                    List<SentenceAnnotation> sentences, Map<String, AttributeValue> answers, Instant saved) {

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
        links = links == null ? List.of() : List.copyOf(links);
        if (!links.isEmpty()) {
            Set<String> spanIds = new HashSet<>(spans.size() * 2);
            spans.forEach(s -> spanIds.add(s.id()));
            Set<String> linkIds = new HashSet<>();
            for (Link link : links) {
                if (!linkIds.add(link.id())) {
                    throw new IllegalArgumentException("Link id " + link.id() + " is used twice in the layer of "
                            + annotator + " on " + documentId);
                }
                for (String end : List.of(link.from(), link.to())) {
                    if (!spanIds.contains(end)) {
                        throw new IllegalArgumentException("Link " + link.id() + " (" + link.type() + ") joins span " + end
                                + ", which is not in the layer of " + annotator + " on " + documentId);
                    }
                }
            }
        }
        sentences = sentences == null ? List.of() : sentences.stream().map(Objects::requireNonNull)
                .filter(s -> !s.values().isEmpty())
                .sorted(java.util.Comparator.comparingInt(SentenceAnnotation::start)).toList();
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).start() < sentences.get(i - 1).end()) {
                throw new IllegalArgumentException("Sentences " + sentences.get(i - 1).start() + "-" + sentences.get(i - 1).end()
                        + " and " + sentences.get(i).start() + "-" + sentences.get(i).end() + " overlap in the layer of "
                        + annotator + " on " + documentId);
            }
        }
        answers = answers == null || answers.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(answers));
        answers.forEach((question, value) -> {
            DocumentId.require(question, "Document question id");
            Objects.requireNonNull(value, "answer to " + question);
        });
    }

    /** A layer of spans only. */
    public Layer(String documentId, String annotator, long revision, List<Span> spans, Instant saved) {
        this(documentId, annotator, revision, spans, List.of(), List.of(), Map.of(), saved);
    }

    public Layer(String documentId, String annotator, long revision, List<Span> spans) {
        this(documentId, annotator, revision, spans, null);
    }

    /**
     * The next revision of this layer with new spans and links; its sentences and answers stay. Links must
     * only join spans in {@code newSpans}.
     */
    public Layer next(List<Span> newSpans, List<Link> newLinks, Instant when) {
        return new Layer(documentId, annotator, revision + 1, newSpans, newLinks, sentences, answers, when);
    }

    /** The next revision with new sentence labels and answers; spans and links stay. */
    public Layer nextLabels(List<SentenceAnnotation> newSentences, Map<String, AttributeValue> newAnswers, Instant when) {
        return new Layer(documentId, annotator, revision + 1, spans, links, newSentences, newAnswers, when);
    }

    /** This layer's content at another revision (a store writing what it was given). */
    public Layer atRevision(long newRevision, Instant when) {
        return new Layer(documentId, annotator, newRevision, spans, links, sentences, answers, when);
    }

    /** The links that start or end at the span. */
    public List<Link> linksOf(String spanId) {
        return links.stream().filter(l -> l.touches(spanId)).toList();
    }

    public Optional<Link> findLink(String linkId) {
        return links.stream().filter(l -> l.id().equals(linkId)).findFirst();
    }

    public Optional<SentenceAnnotation> sentenceAt(int start) {
        return sentences.stream().filter(s -> s.start() == start).findFirst();
    }

    /** Whether the layer holds nothing at all. */
    public boolean isBlank() {
        return spans.isEmpty() && links.isEmpty() && sentences.isEmpty() && answers.isEmpty();
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
