package org.slant.annotation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slant.document.DocumentId;
import org.slant.document.DocumentService;
import org.slant.document.DocumentService.OpenDocument;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import org.springframework.stereotype.Service;

/**
 * The rules for editing a layer: every edit is checked against the document and the label set,
 * saved durably, and returned as a {@link SpanChange} that can be undone. Edits to one layer are
 * serialised; edits to different layers (other annotators, other documents) run in parallel.
 *
 * <p>Every save is a compare-and-set on the revision the layer had when read ({@link LayerStore#save}),
 * so a layer changed behind this service's back (another service, an import) is never overwritten:
 * a one-span edit is applied again to the layer as stored now, a whole-layer replace is refused.
 */
@Service
public class AnnotationService {

    private final DocumentService documents;
    private final LabelService labels;
    private final LayerStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    /**
     * Layers as last read or saved here, to spare re-reading a layer on every edit. Used only while the
     * store still holds the same revision: whatever changed it elsewhere, the store is what counts.
     */
    private final ConcurrentHashMap<String, Layer> known = new ConcurrentHashMap<>();
    /** How often a one-span edit is applied again after someone else saved the layer in between. */
    private static final int EDIT_ATTEMPTS = 3;
    private final AtomicLong idSequence = new AtomicLong();

    private final LayerEvents events;
    private final Limits limits;

    /** For batch jobs and tests: nobody is watching. */
    public AnnotationService(DocumentService documents, LabelService labels, LayerStore store, Clock clock) {
        this(documents, labels, store, clock, new LayerEvents());
    }

    public AnnotationService(DocumentService documents, LabelService labels, LayerStore store, Clock clock,
                             LayerEvents events) {
        this(documents, labels, store, clock, events, Limits.DEFAULTS);
    }

    /** {@code limits}: spans per layer and note length. */
    @org.springframework.beans.factory.annotation.Autowired
    public AnnotationService(DocumentService documents, LabelService labels, LayerStore store, Clock clock,
                             LayerEvents events, Limits limits) {
        this.documents = documents;
        this.labels = labels;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.limits = limits;
    }

    public Layer layer(String documentId, String annotator) {
        DocumentId.require(annotator, "Annotator");
        documents.open(documentId);
        return current(documentId, annotator);
    }

    /** The layers of a document the caller already holds (exports): no second read, nothing cached. */
    public List<Layer> layersOf(org.slant.document.Document document) {
        return store.findAll(document);
    }

    public List<Layer> layers(String documentId) {
        documents.open(documentId);
        return store.findAll(documentId);
    }

    /**
     * The readable layers of a document and a message naming each layer file that cannot be read: for
     * what can go on without one annotator's layer (curation, agreement, export), saying what was left out.
     */
    public LayerStore.LayerListing readableLayers(String documentId) {
        documents.open(documentId);
        return store.readAll(documentId);
    }

    /** The same for a document the caller already holds (exports): no second read. */
    public LayerStore.LayerListing readableLayersOf(org.slant.document.Document document) {
        return store.readAll(document);
    }

    /**
     * One row per document. A document with a layer that cannot be read still gets a row, counting the
     * readable layers and carrying the problem, so one broken file never hides the rest of the workspace.
     */
    public List<DocumentOverview> overview(List<org.slant.document.Document> docs) {
        return overview(docs, ClassWork.NONE);
    }

    /** The same, counting only the team's layers: students' exercise layers ({@code classWork}) are the class's. */
    public List<DocumentOverview> overview(List<org.slant.document.Document> docs, ClassWork classWork) {
        java.util.function.Function<String, java.util.Set<String>> students =
                classWork.studentsLookup(docs.stream().map(org.slant.document.Document::id).toList());
        List<DocumentOverview> rows = new ArrayList<>();
        for (var doc : docs) {
            List<Layer> all;
            String problem;
            try {
                java.util.Set<String> classOf = students.apply(doc.id());
                LayerStore.LayerListing listing = store.readAll(doc);
                all = listing.layers().stream().filter(l -> !classOf.contains(l.annotator())).toList();
                problem = listing.problems().isEmpty() ? null : String.join("; ", listing.problems());
            } catch (RuntimeException e) {
                rows.add(new DocumentOverview(doc, 0, 0, doc.created(), e.getMessage()));
                continue;
            }
            int spans = 0;
            Instant last = doc.created();
            for (Layer layer : all) {
                spans += layer.spans().size();
                Instant changed = layer.lastChange().orElse(last);
                if (changed.isAfter(last)) {
                    last = changed;
                }
            }
            rows.add(new DocumentOverview(doc, spans, all.size(), last, problem));
        }
        return rows;
    }

    /** Deletes a document with all its layers (to the workspace's trash) and forgets their cached state. */
    public String deleteDocument(String documentId) {
        String where = documents.delete(documentId);
        known.keySet().removeIf(key -> key.startsWith(documentId + "/"));
        return where;
    }

    /**
     * Replaces a whole layer (the API's PUT), refusing with a message if someone saved it since
     * {@code expectedRevision}, if any span does not fit the document or labels, or if two spans have
     * the same range and label. Saved once.
     */
    public Layer replaceLayer(String documentId, String annotator, long expectedRevision, List<Span> spans) {
        return replaceLayer(documentId, annotator, expectedRevision, spans, null, null, null);
    }

    /**
     * The same with the layer's structure: links, sentence labels and document answers, each checked against
     * the scheme ({@link SchemeRules#checkLayer}). A null part keeps what the layer has: its sentence labels and
     * answers, and those of its links whose two spans are still there and still fit the link's type (so a
     * curator's or a label edit's new spans never lose the links of the spans they keep).
     */
    public Layer replaceLayer(String documentId, String annotator, long expectedRevision, List<Span> spans,
                              List<Link> links, List<SentenceAnnotation> sentences,
                              java.util.Map<String, org.slant.label.AttributeValue> answers) {
        requireRoomFor(spans.size(), documentId, annotator);
        spans.forEach(this::requireNoteWithinLimit);
        OpenDocument doc = documents.open(documentId);
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Map<String, String> ranges = new java.util.HashMap<>();
        Scheme labelSet = labels.labelsFor(documentId);
        for (Span span : spans) {
            SpanRules.check(span, doc.document(), doc.index(), labelSet);
            if (!ids.add(span.id())) {
                throw new SpanRejectedException("Span id " + span.id() + " is used twice");
            }
            String earlier = ranges.putIfAbsent(span.start() + ":" + span.end() + ":" + span.label(), span.id());
            if (earlier != null) {
                throw new SpanRejectedException("Spans " + earlier + " and " + span.id() + " have the same range and label");
            }
        }
        DocumentId.require(annotator, "Annotator");
        synchronized (locks.computeIfAbsent(key(documentId, annotator), k -> new Object())) {
            Layer current = current(documentId, annotator);
            if (current.revision() != expectedRevision) {
                throw StaleLayerException.of(documentId, annotator, current.revision(), expectedRevision);
            }
            java.util.Map<String, Span> byId = SchemeRules.byId(spans);
            List<Link> newLinks = links != null ? links : current.links().stream()
                    .filter(l -> byId.containsKey(l.from()) && byId.containsKey(l.to()) && fits(l, byId, labelSet)).toList();
            Layer replaced;
            try {
                replaced = new Layer(documentId, annotator, expectedRevision + 1, spans, newLinks,
                        sentences != null ? sentences : current.sentences(), answers != null ? answers : current.answers(),
                        clock.instant());
            } catch (IllegalArgumentException e) {
                throw new SpanRejectedException(e.getMessage());
            }
            SchemeRules.checkLayer(replaced, doc, labelSet);
            saveOrForget(replaced, expectedRevision);
            java.util.Set<String> kept = new java.util.HashSet<>();
            spans.forEach(s -> kept.add(s.id()));
            events.publish(new LayerEvents.LayerChanged(replaced, spans,
                    current.spans().stream().map(Span::id).filter(id -> !kept.contains(id)).toList()));
            return replaced;
        }
    }

    /** Everyone who has a layer on any of these documents, sorted; unreadable layers are passed over. */
    public List<String> annotators(List<String> documentIds) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (String id : documentIds) {
            try {
                store.readAll(id).layers().forEach(layer -> names.add(layer.annotator()));
            } catch (RuntimeException e) {
                // the document itself cannot be read: the document list already reports the broken file
            }
        }
        return List.copyOf(names);
    }

    /**
     * Labels a selection. Offsets are code points; white space at the ends is trimmed and, with
     * {@code snapToWords}, a cut through a word is widened to the whole word.
     */
    public SpanChange create(String documentId, String annotator, int start, int end, String label, boolean snapToWords) {
        return create(documentId, annotator, annotator, start, end, label, snapToWords);
    }

    /**
     * The same into {@code layer} with {@code author} as the span's author: only gold holds spans by
     * someone other than the layer's owner (the curator who put them there).
     */
    public SpanChange create(String documentId, String layer, String author, int start, int end, String label,
                             boolean snapToWords) {
        String annotator = layer;
        OpenDocument doc = documents.open(documentId);
        int[] range = SpanRules.tidySelection(doc.document().text(), doc.index(), start, end, snapToWords);
        if (range[0] >= range[1]) {
            throw new SpanRejectedException("The selection " + start + "-" + end + " holds only white space; nothing to label");
        }
        Instant now = clock.instant();
        Span span = new Span(newSpanId(now), range[0], range[1], label,
                doc.index().slice(doc.document().text(), range[0], range[1]), null, author, now, now);
        return add(documentId, annotator, span);
    }

    /** Adds a fully formed span (import, undo of a delete). */
    public SpanChange add(String documentId, String annotator, Span span) {
        return restore(documentId, annotator, span, List.of());
    }

    /** Adds a span with links of the layer that end at it (undo of a delete puts both back). */
    private SpanChange restore(String documentId, String annotator, Span span, List<Link> links) {
        requireNoteWithinLimit(span);
        OpenDocument doc = documents.open(documentId);
        Scheme scheme = labels.labelsFor(documentId);
        SpanRules.check(span, doc.document(), doc.index(), scheme);
        SchemeRules.checkAttributes(span, scheme);
        if (!span.author().equals(annotator) && !annotator.equals(Layer.GOLD)) {
            throw new SpanRejectedException("Span " + span.id() + " is by " + span.author() + ", not " + annotator);
        }
        return edit(documentId, annotator, layer -> {
            requireRoomFor(layer.spans().size() + 1, documentId, annotator);
            for (Span other : layer.spans()) {
                if (other.id().equals(span.id())) {
                    throw new SpanRejectedException("Span id " + span.id() + " is already in the layer");
                }
                if (other.sameRangeAndLabel(span)) {
                    throw new SpanRejectedException("\"" + SpanRules.abbreviate(span.text()) + "\" is already labelled "
                            + labelName(documentId, span.label()));
                }
            }
            if (!links.isEmpty()) {
                java.util.Map<String, Span> byId = SchemeRules.byId(layer.spans());
                byId.put(span.id(), span);
                List<Link> all = new ArrayList<>(layer.links());
                for (Link link : links) {
                    SchemeRules.checkLink(link, byId, all, scheme);
                    all.add(link);
                }
            }
            return new SpanChange(null, null, span, List.of(), links);
        });
    }

    /**
     * Adds many fully formed spans to one layer in a single save (import). Each span is checked like
     * {@link #add}; one with the same range and label as a span already in the layer, or earlier in
     * {@code spans}, is skipped. If any span is refused nothing is saved.
     *
     * @return the spans added, in the order given
     */
    public List<Span> addAll(String documentId, String annotator, List<Span> spans) {
        requireAddable(documentId, annotator, spans, labels.labelsFor(documentId));
        synchronized (locks.computeIfAbsent(key(documentId, annotator), k -> new Object())) {
            return onStoredLayer(documentId, annotator, layer -> addAllTo(layer, spans));
        }
    }

    private List<Span> addAllTo(Layer layer, List<Span> spans) {
        String documentId = layer.documentId();
        String annotator = layer.annotator();
        List<Span> all = new ArrayList<>(layer.spans());
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> ranges = new java.util.HashSet<>();
        for (Span s : layer.spans()) {
            ids.add(s.id());
            ranges.add(s.start() + ":" + s.end() + ":" + s.label());
        }
        List<Span> added = new ArrayList<>();
        for (Span span : spans) {
            if (!ranges.add(span.start() + ":" + span.end() + ":" + span.label())) {
                continue;
            }
            if (!ids.add(span.id())) {
                throw new SpanRejectedException("Span id " + span.id() + " is already in the layer");
            }
            all.add(span);
            added.add(span);
        }
        if (added.isEmpty()) {
            return List.of();
        }
        requireRoomFor(all.size(), documentId, annotator);
        Layer saved = layer.next(all, layer.links(), clock.instant());
        saveOrForget(saved, layer.revision());
        events.publish(new LayerEvents.LayerChanged(saved, List.copyOf(added), List.of()));
        return List.copyOf(added);
    }

    /** Refuses spans an import may not add: over the layer's room, a note too long, not fitting the document or scheme. */
    private OpenDocument requireAddable(String documentId, String annotator, List<Span> spans, Scheme scheme) {
        DocumentId.require(annotator, "Annotator");
        requireRoomFor(spans.size(), documentId, annotator);
        spans.forEach(this::requireNoteWithinLimit);
        OpenDocument doc = documents.open(documentId);
        for (Span span : spans) {
            SpanRules.check(span, doc.document(), doc.index(), scheme);
            SchemeRules.checkAttributes(span, scheme);
            if (!span.author().equals(annotator)) {
                throw new SpanRejectedException("Span " + span.id() + " is by " + span.author() + ", not " + annotator);
            }
        }
        return doc;
    }

    /** What {@link #addStructure} added to a layer. */
    public record Added(List<Span> spans, int links, int sentenceLabels, int answers) {

        public static final Added NOTHING = new Added(List.of(), 0, 0, 0);

        public boolean isEmpty() {
            return spans.isEmpty() && links == 0 && sentenceLabels == 0 && answers == 0;
        }
    }

    /**
     * Adds an imported structure to one layer in a single save: spans as {@link #addAll} does (one with the
     * range and label of a span already in the layer is skipped, and the links that name it go to that span
     * instead), then links (one that repeats a link of the layer is skipped), sentence labels and answers
     * (a sentence label or question the layer already has a value for keeps it). Everything is checked
     * against the document's scheme as a user's edit is; if anything is refused nothing is saved.
     */
    public Added addStructure(String documentId, String annotator, List<Span> spans, List<Link> links,
                              List<SentenceAnnotation> sentences, java.util.Map<String, org.slant.label.AttributeValue> answers) {
        Scheme scheme = labels.labelsFor(documentId);
        OpenDocument doc = requireAddable(documentId, annotator, spans, scheme);
        answers.forEach((question, value) -> {
            SchemeRules.checkAnswer(question, value, scheme);
            if (value instanceof org.slant.label.AttributeValue.Text t) {
                requireNoteWithinLimit(question, t.value());
            }
        });
        synchronized (locks.computeIfAbsent(key(documentId, annotator), k -> new Object())) {
            return onStoredLayer(documentId, annotator, layer -> addStructureTo(layer, doc, scheme, spans, links,
                    sentences, answers));
        }
    }

    private Added addStructureTo(Layer layer, OpenDocument doc, Scheme scheme, List<Span> spans, List<Link> links,
                                 List<SentenceAnnotation> sentences,
                                 java.util.Map<String, org.slant.label.AttributeValue> answers) {
        List<Span> all = new ArrayList<>(layer.spans());
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Map<String, String> byRange = new java.util.HashMap<>();
        for (Span s : layer.spans()) {
            ids.add(s.id());
            byRange.put(s.start() + ":" + s.end() + ":" + s.label(), s.id());
        }
        List<Span> added = new ArrayList<>();
        java.util.Map<String, String> sameAs = new java.util.HashMap<>(); // a skipped span's id -> the layer's span
        for (Span span : spans) {
            String there = byRange.putIfAbsent(span.start() + ":" + span.end() + ":" + span.label(), span.id());
            if (there != null) {
                sameAs.put(span.id(), there);
                continue;
            }
            if (!ids.add(span.id())) {
                throw new SpanRejectedException("Span id " + span.id() + " is already in the layer");
            }
            all.add(span);
            added.add(span);
        }
        java.util.Map<String, Span> byId = SchemeRules.byId(all);
        List<Link> allLinks = new ArrayList<>(layer.links());
        java.util.Set<String> linkIds = new java.util.HashSet<>();
        layer.links().forEach(l -> linkIds.add(l.id()));
        int linksAdded = 0;
        for (Link link : links) {
            Link moved = new Link(link.id(), link.type(), sameAs.getOrDefault(link.from(), link.from()),
                    sameAs.getOrDefault(link.to(), link.to()), link.author(), link.created());
            if (allLinks.stream().anyMatch(moved::sameAs)) {
                continue;
            }
            if (!linkIds.add(moved.id())) {
                throw new SpanRejectedException("Link id " + moved.id() + " is already in the layer");
            }
            SchemeRules.checkLink(moved, byId, allLinks, scheme);
            allLinks.add(moved);
            linksAdded++;
        }
        java.util.Map<Integer, SentenceAnnotation> byStart = new java.util.TreeMap<>();
        layer.sentences().forEach(s -> byStart.put(s.start(), s));
        int sentenceLabels = 0;
        List<org.slant.document.Sentences.Sentence> bounds = sentences.isEmpty() ? List.of() : doc.sentences();
        for (SentenceAnnotation s : sentences) {
            SentenceAnnotation before = byStart.get(s.start());
            SentenceAnnotation after = before == null ? new SentenceAnnotation(s.start(), s.end(), s.text(), java.util.Map.of())
                    : before;
            for (var v : s.values().entrySet()) {
                if (!after.values().containsKey(v.getKey())) {
                    after = after.with(v.getKey(), v.getValue());
                    sentenceLabels++;
                }
            }
            SchemeRules.checkSentence(after, bounds, doc.document(), doc.index(), scheme);
            byStart.put(s.start(), after);
        }
        java.util.Map<String, org.slant.label.AttributeValue> allAnswers = new java.util.TreeMap<>(layer.answers());
        int answersAdded = 0;
        for (var a : answers.entrySet()) {
            if (allAnswers.putIfAbsent(a.getKey(), a.getValue()) == null) {
                answersAdded++;
            }
        }
        Added result = new Added(List.copyOf(added), linksAdded, sentenceLabels, answersAdded);
        if (result.isEmpty()) {
            return Added.NOTHING;
        }
        requireRoomFor(all.size(), layer.documentId(), layer.annotator());
        Layer saved;
        try {
            saved = new Layer(layer.documentId(), layer.annotator(), layer.revision() + 1, all, allLinks,
                    List.copyOf(byStart.values()), allAnswers, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new SpanRejectedException(e.getMessage());
        }
        saveOrForget(saved, layer.revision());
        events.publish(new LayerEvents.LayerChanged(saved, List.copyOf(added), List.of()));
        return result;
    }

    public SpanChange relabel(String documentId, String annotator, String spanId, String label) {
        return relabel(documentId, annotator, spanId, label, null);
    }

    /**
     * Relabels a span; with {@code seen}, only if the span is still as the editor saw it (otherwise the
     * edit is refused and the message says what it is now).
     */
    public SpanChange relabel(String documentId, String annotator, String spanId, String label, SeenSpan seen) {
        if (!labels.labelsFor(documentId).contains(label)) {
            throw new SpanRejectedException("Unknown label \"" + label + "\"");
        }
        return edit(documentId, annotator, layer -> {
            Span before = existing(layer, spanId);
            requireAsSeen(documentId, before, seen);
            if (before.label().equals(label)) {
                return null;
            }
            for (Span other : layer.spans()) {
                if (!other.id().equals(spanId) && other.start() == before.start() && other.end() == before.end()
                        && other.label().equals(label)) {
                    throw new SpanRejectedException("\"" + SpanRules.abbreviate(before.text()) + "\" is already labelled "
                            + labelName(documentId, label));
                }
            }
            Scheme scheme = labels.labelsFor(documentId);
            org.slant.label.Label newLabel = scheme.find(label).orElseThrow();
            java.util.Map<String, org.slant.label.AttributeValue> kept = new java.util.TreeMap<>();
            before.attributes().forEach((id, value) -> {
                if (newLabel.attribute(id).map(a -> a.check(value) == null).orElse(false)) {
                    kept.put(id, value);
                }
            });
            Span after = before.withLabel(label, clock.instant()).withAttributes(kept, clock.instant());
            java.util.Map<String, Span> byId = SchemeRules.byId(layer.spans());
            byId.put(after.id(), after);
            List<Link> unfit = layer.linksOf(spanId).stream().filter(l -> !fits(l, byId, scheme)).toList();
            return new SpanChange(null, before, after, unfit, List.of());
        });
    }

    private static boolean fits(Link link, java.util.Map<String, Span> spans, Scheme scheme) {
        return scheme.linkType(link.type()).map(t -> t.fits(spans.get(link.from()).label(), spans.get(link.to()).label()))
                .orElse(false);
    }

    /**
     * Sets one attribute of a span ({@code value} null clears it), checked against the span's label.
     * Free-text values count against the note limit.
     */
    public SpanChange setAttribute(String documentId, String annotator, String spanId, String attributeId,
                                   org.slant.label.AttributeValue value) {
        if (value instanceof org.slant.label.AttributeValue.Text t) {
            requireNoteWithinLimit(spanId, t.value());
        }
        Scheme scheme = labels.labelsFor(documentId);
        return edit(documentId, annotator, layer -> {
            Span before = existing(layer, spanId);
            Span after = before.withAttribute(attributeId, value, clock.instant());
            if (after.attributes().equals(before.attributes())) {
                return null;
            }
            if (value != null) {
                SchemeRules.checkAttributes(after, scheme);
            }
            return new SpanChange(null, before, after);
        });
    }

    /** Links two spans of the layer with a link of {@code type}, checked against the scheme. */
    public LinkChange addLink(String documentId, String annotator, String author, String type, String fromSpanId,
                              String toSpanId) {
        Scheme scheme = labels.labelsFor(documentId);
        Instant now = clock.instant();
        Link link;
        try {
            link = new Link(newId("l", now), type, fromSpanId, toSpanId, author, now);
        } catch (IllegalArgumentException e) {
            throw new SpanRejectedException(e.getMessage());
        }
        return edit(documentId, annotator, layer -> {
            existing(layer, fromSpanId);
            existing(layer, toSpanId);
            SchemeRules.checkLink(link, SchemeRules.byId(layer.spans()), layer.links(), scheme);
            return new LinkChange(null, null, link);
        });
    }

    public LinkChange removeLink(String documentId, String annotator, String linkId) {
        return edit(documentId, annotator, layer -> new LinkChange(null, existingLink(layer, linkId), null));
    }

    /**
     * Sets one label of the sentence starting at {@code start} ({@code value} null clears it); the range must be
     * one of the document's sentences ({@link org.slant.document.Sentences}).
     */
    public SentenceChange setSentenceLabel(String documentId, String annotator, int start, int end, String labelId,
                                           org.slant.label.AttributeValue value) {
        OpenDocument doc = documents.open(documentId);
        Scheme scheme = labels.labelsFor(documentId);
        String text = start >= 0 && end > start && end <= doc.index().codePointLength()
                ? doc.index().slice(doc.document().text(), start, end) : "";
        if (end <= start) {
            throw new SpanRejectedException("Sentence labels at " + start + "-" + end + " do not sit on a sentence");
        }
        return edit(documentId, annotator, layer -> {
            SentenceAnnotation before = layer.sentenceAt(start).orElse(null);
            SentenceAnnotation after = (before == null ? new SentenceAnnotation(start, end, text, java.util.Map.of()) : before)
                    .with(labelId, value);
            if (before != null && before.equals(after) || before == null && after.values().isEmpty()) {
                return null;
            }
            SchemeRules.checkSentence(after, doc.sentences(), doc.document(), doc.index(), scheme);
            return new SentenceChange(null, start, before, after.values().isEmpty() ? null : after);
        });
    }

    /** Answers a document question ({@code value} null clears the answer). */
    public AnswerChange setAnswer(String documentId, String annotator, String questionId,
                                  org.slant.label.AttributeValue value) {
        Scheme scheme = labels.labelsFor(documentId);
        if (value != null) {
            SchemeRules.checkAnswer(questionId, value, scheme);
        } else {
            SchemeRules.requireQuestion(questionId, scheme); // clearing an unknown question is refused too
        }
        if (value instanceof org.slant.label.AttributeValue.Text t) {
            requireNoteWithinLimit(questionId, t.value());
        }
        return edit(documentId, annotator, layer -> {
            org.slant.label.AttributeValue before = layer.answers().get(questionId);
            return java.util.Objects.equals(before, value) ? null : new AnswerChange(null, questionId, before, value);
        });
    }

    /** What the layer still lacks (required attributes, roles, sentence labels, questions), one message each. */
    public List<String> missing(String documentId, String annotator) {
        return SchemeRules.missing(layer(documentId, annotator), labels.labelsFor(documentId),
                documents.open(documentId).document());
    }



    public SpanChange setNote(String documentId, String annotator, String spanId, String note) {
        requireNoteWithinLimit(spanId, note);
        return edit(documentId, annotator, layer -> {
            Span before = existing(layer, spanId);
            Span after = before.withNote(note, clock.instant());
            return Objects.equals(before.note(), after.note()) ? null : new SpanChange(null, before, after);
        });
    }

    public SpanChange delete(String documentId, String annotator, String spanId) {
        return delete(documentId, annotator, spanId, null);
    }

    /** Deletes a span; with {@code seen}, only if it is still as the editor saw it. */
    public SpanChange delete(String documentId, String annotator, String spanId, SeenSpan seen) {
        return edit(documentId, annotator, layer -> {
            Span before = existing(layer, spanId);
            requireAsSeen(documentId, before, seen);
            return new SpanChange(null, before, null, layer.linksOf(spanId), List.of());
        });
    }

    /** Someone changed the span after the editor's screen last showed it: say so rather than overwrite their change. */
    private void requireAsSeen(String documentId, Span current, SeenSpan seen) {
        if (seen == null || seen.matches(current)) {
            return;
        }
        String now = seen.label().equals(current.label())
                ? "its boundaries are now " + current.start() + "-" + current.end() + ", \"" + SpanRules.abbreviate(current.text()) + "\""
                : "it is now labelled " + labelName(documentId, current.label());
        throw new SpanRejectedException("Not changed: this span was changed elsewhere (another window or another curator) "
                + "after your screen showed it: " + now + ". It is shown as it is now; do it again if you still want to.");
    }

    /** Reverts a change made earlier; refuses if what it changed has been changed again since. */
    public LayerChange undo(String documentId, String annotator, LayerChange change) {
        return switch (change) {
            case SpanChange c -> undo(documentId, annotator, c);
            case LinkChange c -> edit(documentId, annotator, layer -> {
                Link current = c.after() == null ? null : existingLink(layer, c.after().id());
                if (current != null && !current.equals(c.after())) {
                    throw new SpanRejectedException("Cannot undo: the link has been changed since");
                }
                if (c.before() != null) {
                    SchemeRules.checkLink(c.before(), SchemeRules.byId(layer.spans()),
                            layer.links().stream().filter(l -> current == null || !l.id().equals(current.id())).toList(),
                            labels.labelsFor(documentId));
                }
                return new LinkChange(null, current, c.before());
            });
            case SentenceChange c -> edit(documentId, annotator, layer -> {
                SentenceAnnotation current = layer.sentenceAt(c.start()).orElse(null);
                if (!java.util.Objects.equals(current, c.after())) {
                    throw new SpanRejectedException("Cannot undo: the sentence's labels have been changed since");
                }
                return new SentenceChange(null, c.start(), current, c.before());
            });
            case AnswerChange c -> edit(documentId, annotator, layer -> {
                org.slant.label.AttributeValue current = layer.answers().get(c.question());
                if (!java.util.Objects.equals(current, c.after())) {
                    throw new SpanRejectedException("Cannot undo: the answer has been changed since");
                }
                return new AnswerChange(null, c.question(), current, c.before());
            });
        };
    }

    /** Reverts a span change; a deleted span comes back with its links, a created one goes with the links it gained. */
    public SpanChange undo(String documentId, String annotator, SpanChange change) {
        if (change.before() == null) {
            return edit(documentId, annotator, layer -> {
                Span current = existing(layer, change.after().id());
                requireUnchanged(current, change.after());
                return new SpanChange(null, current, null, layer.linksOf(current.id()), List.of());
            });
        }
        if (change.after() == null) {
            return restore(documentId, annotator, change.before(), change.removedLinks());
        }
        return edit(documentId, annotator, layer -> {
            Span current = existing(layer, change.after().id());
            requireUnchanged(current, change.after());
            return new SpanChange(null, current, change.before(), List.of(), change.removedLinks());
        });
    }

    private void requireUnchanged(Span current, Span expected) {
        if (!current.equals(expected)) {
            throw new SpanRejectedException("Cannot undo: \"" + SpanRules.abbreviate(current.text())
                    + "\" has been changed since");
        }
    }

    /** Applies one edit under the layer's lock and saves it; {@code edit} returns null for "no change". */
    private <C extends LayerChange> C edit(String documentId, String annotator, java.util.function.Function<Layer, C> edit) {
        DocumentId.require(annotator, "Annotator");
        documents.open(documentId);
        synchronized (locks.computeIfAbsent(key(documentId, annotator), k -> new Object())) {
            return onStoredLayer(documentId, annotator, layer -> applyAndSave(layer, edit));
        }
    }

    /**
     * Runs a read-change-save on the layer as stored. If someone else (another service on the folder)
     * saved it between the read and the save, the store refuses and the change is checked and made
     * again on their layer, so a one-span edit or an import neither fails for nothing nor overwrites.
     */
    private <T> T onStoredLayer(String documentId, String annotator, java.util.function.Function<Layer, T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.apply(current(documentId, annotator));
            } catch (StaleLayerException e) {
                if (attempt == EDIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <C extends LayerChange> C applyAndSave(Layer layer, java.util.function.Function<Layer, C> edit) {
        C change = edit.apply(layer);
        if (change == null) {
            return null;
        }
        Instant now = clock.instant();
        Layer saved = switch (change) {
            case SpanChange c -> {
                List<Span> spans = new ArrayList<>(layer.spans().size() + 1);
                for (Span s : layer.spans()) {
                    if (c.before() == null || !s.id().equals(c.before().id())) {
                        spans.add(s);
                    }
                }
                if (c.after() != null) {
                    spans.add(c.after());
                }
                List<Link> links = layer.links();
                if (!c.removedLinks().isEmpty() || !c.addedLinks().isEmpty()) {
                    java.util.Set<String> gone = new java.util.HashSet<>();
                    c.removedLinks().forEach(l -> gone.add(l.id()));
                    links = new ArrayList<>(layer.links().stream().filter(l -> !gone.contains(l.id())).toList());
                    links.addAll(c.addedLinks());
                }
                yield layer.next(spans, links, now);
            }
            case LinkChange c -> {
                List<Link> links = new ArrayList<>(layer.links().stream()
                        .filter(l -> c.before() == null || !l.id().equals(c.before().id())).toList());
                if (c.after() != null) {
                    links.add(c.after());
                }
                yield layer.next(layer.spans(), links, now);
            }
            case SentenceChange c -> {
                List<SentenceAnnotation> sentences = new ArrayList<>(layer.sentences().stream()
                        .filter(x -> x.start() != c.start()).toList());
                if (c.after() != null) {
                    sentences.add(c.after());
                }
                yield layer.nextLabels(sentences, layer.answers(), now);
            }
            case AnswerChange c -> {
                java.util.Map<String, org.slant.label.AttributeValue> answers = new java.util.TreeMap<>(layer.answers());
                if (c.after() == null) {
                    answers.remove(c.question());
                } else {
                    answers.put(c.question(), c.after());
                }
                yield layer.nextLabels(layer.sentences(), answers, now);
            }
        };
        saveOrForget(saved, layer.revision());
        LayerChange done = switch (change) {
            case SpanChange c -> {
                events.publish(new LayerEvents.LayerChanged(saved,
                        c.after() == null ? List.of() : List.of(c.after()),
                        c.after() == null ? List.of(c.before().id()) : List.of()));
                yield c.saved(saved);
            }
            case LinkChange c -> {
                events.publish(new LayerEvents.LayerChanged(saved, List.of(), List.of()));
                yield new LinkChange(saved, c.before(), c.after());
            }
            case SentenceChange c -> {
                events.publish(new LayerEvents.LayerChanged(saved, List.of(), List.of()));
                yield new SentenceChange(saved, c.start(), c.before(), c.after());
            }
            case AnswerChange c -> {
                events.publish(new LayerEvents.LayerChanged(saved, List.of(), List.of()));
                yield new AnswerChange(saved, c.question(), c.before(), c.after());
            }
        };
        return (C) done;
    }

    /** A layer may hold at most {@code slant.limits.spans-per-layer} spans. */
    private void requireRoomFor(int spanCount, String documentId, String annotator) {
        if (spanCount > limits.spansPerLayer()) {
            throw new LimitExceededException(Limits.SPANS_PER_LAYER, limits.spansPerLayer(), "The layer of " + annotator
                    + " on " + documentId + " would hold " + spanCount + " spans; the limit is " + limits.spansPerLayer()
                    + " spans per layer (" + Limits.SPANS_PER_LAYER + ")");
        }
    }

    private void requireNoteWithinLimit(Span span) {
        requireNoteWithinLimit(span.id(), span.note());
    }

    /** A note may hold at most {@code slant.limits.note-chars} characters (code points). */
    private void requireNoteWithinLimit(String spanId, String note) {
        // the UTF-16 length is never below the code point count, so only a long note needs counting
        if (note == null || note.length() <= limits.noteChars()) {
            return;
        }
        String stored = note.strip(); // as the span stores it
        int chars = stored.codePointCount(0, stored.length());
        if (chars > limits.noteChars()) {
            throw new LimitExceededException(Limits.NOTE_CHARS, limits.noteChars(), "The note of span " + spanId + " has "
                    + chars + " characters; the limit is " + limits.noteChars() + " (" + Limits.NOTE_CHARS + ")");
        }
    }

    /** The layer as stored: the one known here if the store still has its revision, otherwise read again. */
    private Layer current(String documentId, String annotator) {
        String key = key(documentId, annotator);
        Layer cached = known.get(key);
        // revision 0 is "not stored yet" (or a hand-made file): too weak a mark to skip reading
        if (cached != null && cached.revision() > 0 && store.revision(documentId, annotator) == cached.revision()) {
            return cached;
        }
        Layer stored = store.find(documentId, annotator).orElseGet(() -> Layer.empty(documentId, annotator));
        known.put(key, stored);
        return stored;
    }

    /** Saves if the store still holds {@code expectedRevision}; when not, forgets the stale copy and says so. */
    private void saveOrForget(Layer layer, long expectedRevision) {
        String key = key(layer.documentId(), layer.annotator());
        try {
            store.save(layer, expectedRevision);
        } catch (RuntimeException e) {
            known.remove(key);
            throw e;
        }
        known.put(key, layer);
    }

    private static String key(String documentId, String annotator) {
        return documentId + "/" + annotator;
    }

    private static Span existing(Layer layer, String spanId) {
        return layer.find(spanId).orElseThrow(() -> new SpanRejectedException(
                "No span " + spanId + " in " + layer.annotator() + "'s layer of " + layer.documentId()
                        + ": it was deleted, perhaps in another window or by another curator"));
    }

    private String labelName(String documentId, String labelId) {
        return labels.labelsFor(documentId).find(labelId).map(l -> l.name()).orElse(labelId);
    }

    /** Time-ordered, unique within this process and practically unique across restarts. */
    private String newSpanId(Instant now) {
        return newId("s", now);
    }

    private String newId(String prefix, Instant now) {
        return prefix + Long.toString(now.toEpochMilli(), 36) + Long.toString(idSequence.incrementAndGet(), 36);
    }

    private static Link existingLink(Layer layer, String linkId) {
        return layer.findLink(linkId).orElseThrow(() -> new SpanRejectedException(
                "No link " + linkId + " in " + layer.annotator() + "'s layer of " + layer.documentId()
                        + ": it was removed, perhaps in another window"));
    }

}
