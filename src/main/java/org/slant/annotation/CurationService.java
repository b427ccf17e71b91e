package org.slant.annotation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slant.access.Permissions;
import org.slant.document.DocumentId;
import org.slant.document.DocumentService;
import org.slant.document.DocumentService.OpenDocument;
import org.slant.document.Sentences;
import org.slant.label.AttributeValue;
import org.slant.label.LabelService;
import org.springframework.stereotype.Service;

/**
 * Curation: building the gold layer of a document from what its annotators marked. The gold layer is
 * the layer of the annotator {@value #GOLD}; each gold span's {@code author} is the curator who put it
 * there, so the layer says who vouched for each span.
 *
 * <p>Every change is one {@link AnnotationService#replaceLayer} from the gold revision the curator last
 * saw, so two curators never silently overwrite each other: the second gets a
 * {@link StaleLayerException} and must look again.
 *
 * <p>Only the gold layer is stored. A rejection removes the span from gold if it is there and is
 * otherwise not recorded: there is no "rejected" state, so a rejected candidate stays in the list.
 */
@Service
public class CurationService {

    public static final String GOLD = Layer.GOLD;

    /**
     * What annotators said about one thing (a span's attribute, a sentence's label, a document question),
     * and what gold says.
     *
     * @param byAnnotator each annotator who gave a value and their value, sorted by name; an annotator who
     *                    gave none is not in it (leaving a value out is no vote)
     * @param gold        gold's value, or null when gold has none
     */
    public record Votes(Map<String, AttributeValue> byAnnotator, AttributeValue gold) {

        public Votes {
            byAnnotator = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byAnnotator));
        }

        /** One value and who gave it. */
        public record Option(AttributeValue value, List<String> annotators) {
            public Option {
                annotators = List.copyOf(annotators);
            }
        }

        /** The distinct values given, the most given first (ties: in the order first given by name). */
        public List<Option> options() {
            Map<AttributeValue, List<String>> who = new java.util.LinkedHashMap<>();
            byAnnotator.forEach((annotator, value) -> who.computeIfAbsent(value, v -> new ArrayList<>()).add(annotator));
            return who.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt((Option o) -> -o.annotators().size())).toList();
        }

        /** The value every annotator who gave one gave, or null when they differ or nobody gave one. */
        public AttributeValue agreed() {
            List<Option> options = options();
            return options.size() == 1 ? options.getFirst().value() : null;
        }

        /** Whether annotators gave different values: the curator decides. */
        public boolean disputed() {
            return options().size() > 1;
        }
    }

    /**
     * One (start, end, label) that some annotator marked or the gold layer holds.
     *
     * @param annotators   who marked exactly this range with this label, sorted; empty for a span only gold has
     * @param gold         the gold span with this range and label, or null when gold does not hold it
     * @param attributesBy the attributes each of {@code annotators} gave their span, by annotator (absent: none)
     */
    public record Candidate(int start, int end, String label, String text, List<String> annotators, Span gold,
                            Map<String, Map<String, AttributeValue>> attributesBy) {

        public Candidate {
            annotators = List.copyOf(annotators);
            attributesBy = attributesBy == null ? Map.of()
                    : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributesBy));
        }

        /** A candidate whose annotators set no attributes. */
        public Candidate(int start, int end, String label, String text, List<String> annotators, Span gold) {
            this(start, end, label, text, annotators, gold, Map.of());
        }

        public boolean inGold() {
            return gold != null;
        }

        boolean sameRangeAndLabel(Span span) {
            return start == span.start() && end == span.end() && label.equals(span.label());
        }

        /** Every attribute an annotator or gold gave, by attribute id (sorted), with the values given. */
        public Map<String, Votes> attributes() {
            Set<String> ids = new TreeSet<>();
            attributesBy.values().forEach(a -> ids.addAll(a.keySet()));
            if (gold != null) {
                ids.addAll(gold.attributes().keySet());
            }
            Map<String, Votes> votes = new java.util.LinkedHashMap<>();
            for (String id : ids) {
                Map<String, AttributeValue> by = new TreeMap<>();
                attributesBy.forEach((annotator, a) -> {
                    if (a.containsKey(id)) {
                        by.put(annotator, a.get(id));
                    }
                });
                votes.put(id, new Votes(by, gold == null ? null : gold.attributes().get(id)));
            }
            return votes;
        }

        /** The attribute values accepting brings into gold: those the annotators who gave one agree on. */
        public Map<String, AttributeValue> agreedAttributes() {
            Map<String, AttributeValue> agreed = new TreeMap<>();
            attributes().forEach((id, v) -> {
                if (v.agreed() != null) {
                    agreed.put(id, v.agreed());
                }
            });
            return agreed;
        }
    }

    /** One end of a link candidate: a range and label, its text, and the gold span there (null when gold lacks it). */
    public record LinkEnd(int start, int end, String label, String text, Span gold) {
    }

    /**
     * A link of {@code type} between two ranges-and-labels that some annotator linked or gold holds.
     *
     * @param annotators who linked exactly these two (range, label) with this type, sorted; empty for a gold-only link
     * @param gold       the gold link, or null when gold does not hold it
     */
    public record LinkCandidate(String type, LinkEnd from, LinkEnd to, List<String> annotators, Link gold) {

        public LinkCandidate {
            annotators = List.copyOf(annotators);
        }

        public boolean inGold() {
            return gold != null;
        }

        /** Whether both ends are gold spans, so the link can be accepted. */
        public boolean endsInGold() {
            return from.gold() != null && to.gold() != null;
        }
    }

    /**
     * One sentence label on one sentence that some annotator or gold gave.
     *
     * @param number the sentence's place in the document, from 1 ({@link Sentences})
     */
    public record SentenceCandidate(int number, int start, int end, String text, String label, Votes votes) {
    }

    /** One document question that some annotator or gold answered. */
    public record AnswerCandidate(String question, Votes votes) {
    }

    /**
     * Everything a curator decides on for one document.
     *
     * @param annotators   everyone with a layer on the document except gold and majority, sorted
     * @param goldRevision the gold layer's revision these candidates were read at; pass it back with every change
     * @param problems     one message per annotator's layer file that cannot be read (naming the file): those
     *                     layers are left out of the candidates, the others are curated as usual
     * @param links        link candidates, in the reading order of their from end, then their to end
     * @param sentences    sentence-label candidates in sentence order
     * @param answers      document-answer candidates, by question id
     */
    public record Candidates(String documentId, long goldRevision, List<String> annotators, List<Candidate> candidates,
                             List<String> problems, List<LinkCandidate> links, List<SentenceCandidate> sentences,
                             List<AnswerCandidate> answers) {

        public Candidates {
            annotators = List.copyOf(annotators);
            candidates = List.copyOf(candidates);
            problems = List.copyOf(problems);
            links = List.copyOf(links);
            sentences = List.copyOf(sentences);
            answers = List.copyOf(answers);
        }
    }

    /** Ordered like {@link Layer#READING_ORDER}, so candidates come out in reading order. */
    private record Key(int start, int end, String label) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::start)
                .thenComparing(Key::end, Comparator.reverseOrder()).thenComparing(Key::label);

        static Key of(Span span) {
            return new Key(span.start(), span.end(), span.label());
        }

        static Key of(LinkEnd end) {
            return new Key(end.start(), end.end(), end.label());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** A link by its type and its two ends' ranges and labels: how links of different layers are the same link. */
    private record LinkKey(String type, Key from, Key to) implements Comparable<LinkKey> {
        private static final Comparator<LinkKey> ORDER = Comparator.comparing(LinkKey::from)
                .thenComparing(LinkKey::to).thenComparing(LinkKey::type);

        static LinkKey of(Link link, Map<String, Span> spans) {
            return new LinkKey(link.type(), Key.of(spans.get(link.from())), Key.of(spans.get(link.to())));
        }

        static List<LinkKey> of(Layer layer) {
            if (layer.links().isEmpty()) {
                return List.of();
            }
            Map<String, Span> spans = SchemeRules.byId(layer.spans());
            return layer.links().stream().map(l -> of(l, spans)).toList();
        }

        boolean matches(Link link, Map<String, Span> spans) {
            return link.type().equals(type) && Key.of(spans.get(link.from())).equals(from)
                    && Key.of(spans.get(link.to())).equals(to);
        }

        @Override
        public int compareTo(LinkKey other) {
            return ORDER.compare(this, other);
        }
    }

    private record SentenceKey(int start, int end, String label) implements Comparable<SentenceKey> {
        private static final Comparator<SentenceKey> ORDER = Comparator.comparingInt(SentenceKey::start)
                .thenComparing(SentenceKey::label);

        @Override
        public int compareTo(SentenceKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final AnnotationService annotations;
    private final DocumentService documents;
    private final LabelService schemes;
    private final Clock clock;

    private final ClassWork classWork;
    private final Permissions permissions;

    public CurationService(AnnotationService annotations, DocumentService documents, LabelService schemes, Clock clock) {
        this(annotations, documents, schemes, clock, ClassWork.NONE);
    }

    /** Students' exercise layers ({@code classWork}) are no candidates for gold. */
    public CurationService(AnnotationService annotations, DocumentService documents, LabelService schemes, Clock clock,
                           ClassWork classWork) {
        this(annotations, documents, schemes, clock, classWork, Permissions.OWNER);
    }

    /**
     * {@code permissions} decides who writes gold: every change to it is asked of it first. {@code schemes} gives
     * the document's scheme, for what a relabelled span keeps.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public CurationService(AnnotationService annotations, DocumentService documents, LabelService schemes, Clock clock,
                           ClassWork classWork, Permissions permissions) {
        this.permissions = permissions;
        this.annotations = annotations;
        this.documents = documents;
        this.schemes = schemes;
        this.clock = clock;
        this.classWork = classWork;
    }

    private void requireWriteGold(String documentId, String curator) {
        try {
            permissions.requireWrite(curator, documentId, GOLD);
        } catch (RuntimeException refused) {
            org.slant.access.Audit.refused(curator, "save-refused", documentId + "/" + GOLD + ": " + refused.getMessage());
            throw refused;
        }
    }

    /**
     * The union of the annotators' spans grouped by range and label, plus gold-only spans, in reading order;
     * with each annotator's attributes, and the links, sentence labels and document answers they gave.
     */
    public Candidates candidates(String documentId) {
        Layer gold = annotations.layer(documentId, GOLD);
        Set<String> annotators = new TreeSet<>();
        Map<Key, Set<String>> markedBy = new TreeMap<>();
        Map<Key, Map<String, Map<String, AttributeValue>>> attributesBy = new TreeMap<>();
        Map<Key, String> texts = new TreeMap<>();
        Map<LinkKey, Set<String>> linkedBy = new TreeMap<>();
        Map<SentenceKey, Map<String, AttributeValue>> sentenceVotes = new TreeMap<>();
        Map<Integer, SentenceAnnotation> sentenceTexts = new TreeMap<>();
        Map<String, Map<String, AttributeValue>> answerVotes = new TreeMap<>();
        // a broken annotator's layer is left out and named; a broken gold layer refuses curation (annotations.layer above)
        LayerStore.LayerListing listing = annotations.readableLayers(documentId);
        Set<String> students = classWork.studentsOn(documentId);
        for (Layer layer : listing.layers()) {
            if (layer.isDerived() || students.contains(layer.annotator())) {
                continue;
            }
            String annotator = layer.annotator();
            annotators.add(annotator);
            for (Span span : layer.spans()) {
                markedBy.computeIfAbsent(Key.of(span), k -> new TreeSet<>()).add(annotator);
                texts.putIfAbsent(Key.of(span), span.text());
                if (!span.attributes().isEmpty()) {
                    attributesBy.computeIfAbsent(Key.of(span), k -> new TreeMap<>()).put(annotator, span.attributes());
                }
            }
            for (LinkKey link : LinkKey.of(layer)) {
                linkedBy.computeIfAbsent(link, k -> new TreeSet<>()).add(annotator);
            }
            for (SentenceAnnotation sentence : layer.sentences()) {
                sentenceTexts.putIfAbsent(sentence.start(), sentence);
                sentence.values().forEach((label, value) -> sentenceVotes.computeIfAbsent(
                        new SentenceKey(sentence.start(), sentence.end(), label), k -> new TreeMap<>()).put(annotator, value));
            }
            layer.answers().forEach((question, value) ->
                    answerVotes.computeIfAbsent(question, k -> new TreeMap<>()).put(annotator, value));
        }
        Map<Key, Span> inGold = new TreeMap<>();
        for (Span span : gold.spans()) {
            inGold.putIfAbsent(Key.of(span), span);
            texts.putIfAbsent(Key.of(span), span.text());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Key, String> entry : texts.entrySet()) {
            Key key = entry.getKey();
            candidates.add(new Candidate(key.start(), key.end(), key.label(), entry.getValue(),
                    List.copyOf(markedBy.getOrDefault(key, Set.of())), inGold.get(key),
                    attributesBy.getOrDefault(key, Map.of())));
        }
        return new Candidates(documentId, gold.revision(), List.copyOf(annotators), candidates,
                listing.problems(a -> !students.contains(a) && !a.equals(GOLD)),
                linkCandidates(gold, linkedBy, inGold, texts), sentenceCandidates(documentId, gold, sentenceVotes, sentenceTexts),
                answerCandidates(gold, answerVotes));
    }

    private static List<LinkCandidate> linkCandidates(Layer gold, Map<LinkKey, Set<String>> linkedBy, Map<Key, Span> inGold,
                                                      Map<Key, String> texts) {
        Map<LinkKey, Link> goldLinks = new TreeMap<>();
        Map<String, Span> goldSpans = SchemeRules.byId(gold.spans());
        for (Link link : gold.links()) {
            goldLinks.putIfAbsent(LinkKey.of(link, goldSpans), link);
        }
        Set<LinkKey> all = new TreeSet<>(linkedBy.keySet());
        all.addAll(goldLinks.keySet());
        List<LinkCandidate> links = new ArrayList<>();
        for (LinkKey key : all) {
            links.add(new LinkCandidate(key.type(), end(key.from(), inGold, texts), end(key.to(), inGold, texts),
                    List.copyOf(linkedBy.getOrDefault(key, Set.of())), goldLinks.get(key)));
        }
        return links;
    }

    private static LinkEnd end(Key key, Map<Key, Span> inGold, Map<Key, String> texts) {
        return new LinkEnd(key.start(), key.end(), key.label(), texts.getOrDefault(key, ""), inGold.get(key));
    }

    private List<SentenceCandidate> sentenceCandidates(String documentId, Layer gold,
                                                       Map<SentenceKey, Map<String, AttributeValue>> votes,
                                                       Map<Integer, SentenceAnnotation> texts) {
        Map<SentenceKey, AttributeValue> inGold = new TreeMap<>();
        for (SentenceAnnotation sentence : gold.sentences()) {
            texts.putIfAbsent(sentence.start(), sentence);
            sentence.values().forEach((label, value) -> inGold.put(new SentenceKey(sentence.start(), sentence.end(), label), value));
        }
        if (votes.isEmpty() && inGold.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> numbers = new java.util.HashMap<>();
        List<Sentences.Sentence> sentences = documents.open(documentId).sentences();
        for (int i = 0; i < sentences.size(); i++) {
            numbers.put(sentences.get(i).start(), i + 1);
        }
        Set<SentenceKey> all = new TreeSet<>(votes.keySet());
        all.addAll(inGold.keySet());
        List<SentenceCandidate> candidates = new ArrayList<>();
        for (SentenceKey key : all) {
            candidates.add(new SentenceCandidate(numbers.getOrDefault(key.start(), 0), key.start(), key.end(),
                    texts.get(key.start()).text(), key.label(),
                    new Votes(votes.getOrDefault(key, Map.of()), inGold.get(key))));
        }
        return candidates;
    }

    private static List<AnswerCandidate> answerCandidates(Layer gold, Map<String, Map<String, AttributeValue>> votes) {
        Set<String> questions = new TreeSet<>(votes.keySet());
        questions.addAll(gold.answers().keySet());
        return questions.stream().map(q -> new AnswerCandidate(q,
                new Votes(votes.getOrDefault(q, Map.of()), gold.answers().get(q)))).toList();
    }

    /** Puts the candidate's range and label into gold, authored by {@code curator}; no change if gold has it. */
    public Layer accept(String documentId, String curator, long expectedGoldRevision, Candidate candidate) {
        return acceptAll(documentId, curator, expectedGoldRevision, List.of(candidate));
    }

    /**
     * Removes the candidate's range and label from gold. A candidate gold does not hold is left as it is
     * and nothing is saved: rejections are not stored anywhere, only gold is.
     */
    public Layer reject(String documentId, String curator, long expectedGoldRevision, Candidate candidate) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator); // whoever calls: only the project's curators write gold
        Layer gold = goldAt(documentId, expectedGoldRevision);
        List<Span> kept = gold.spans().stream().filter(s -> !candidate.sameRangeAndLabel(s)).toList();
        if (kept.size() == gold.spans().size()) {
            return gold;
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, kept);
    }

    /**
     * Accepts, in one save, every candidate marked by at least {@code k} annotators (and, with a label
     * filter, only those with that label). Candidates already in gold are left as they are.
     */
    public Layer acceptAllWithAtLeast(String documentId, String curator, long expectedGoldRevision, int k,
                                      Optional<String> labelFilter) {
        if (k < 1) {
            throw new IllegalArgumentException("Accepting spans marked by at least " + k
                    + " annotators would accept spans nobody marked; k must be 1 or more");
        }
        List<Candidate> chosen = candidates(documentId).candidates().stream()
                .filter(c -> c.annotators().size() >= k)
                .filter(c -> labelFilter.map(c.label()::equals).orElse(true))
                .toList();
        return acceptAll(documentId, curator, expectedGoldRevision, chosen);
    }

    /**
     * Gives a gold span another label; it then carries {@code curator} as its author. Refused if gold
     * already holds the same range with that label.
     */
    public Layer relabel(String documentId, String curator, long expectedGoldRevision, String goldSpanId, String label) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator); // whoever calls: only the project's curators write gold
        Layer gold = goldAt(documentId, expectedGoldRevision);
        Span before = goldSpan(gold, goldSpanId);
        if (before.label().equals(label)) {
            return gold;
        }
        for (Span other : gold.spans()) {
            if (other.start() == before.start() && other.end() == before.end() && other.label().equals(label)) {
                throw new SpanRejectedException("Gold already labels \"" + SpanRules.abbreviate(before.text())
                        + "\" as " + label + "; reject one of the two instead");
            }
        }
        Instant now = clock.instant();
        // the attributes the new label also has stay; links that no longer fit are dropped by replaceLayer
        org.slant.label.Label newLabel = schemes.labelsFor(documentId).find(label).orElse(null);
        Map<String, AttributeValue> kept = new TreeMap<>(before.attributes());
        kept.keySet().removeIf(a -> newLabel == null || newLabel.attribute(a).isEmpty());
        Span after = new Span(before.id(), before.start(), before.end(), label, before.text(), before.note(),
                curator, before.created(), now, kept);
        List<Span> spans = new ArrayList<>(gold.spans().stream().filter(s -> !s.id().equals(goldSpanId)).toList());
        spans.add(after);
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, spans);
    }

    /** Which end of a gold span moves, and which way, by one word. */
    public enum Boundary { START_EARLIER, START_LATER, END_EARLIER, END_LATER }

    /**
     * Moves one end of a gold span by a word (the boundary editing a curator needs when every annotator
     * was a word off). The span keeps its id and label, carries {@code curator} as its author, and
     * stays at least one word long; a move that would merge it with an identical span is refused.
     */
    public Layer resize(String documentId, String curator, long expectedGoldRevision, String goldSpanId, Boundary move) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator); // whoever calls: only the project's curators write gold
        Layer gold = goldAt(documentId, expectedGoldRevision);
        Span before = goldSpan(gold, goldSpanId);
        OpenDocument doc = documents.open(documentId);
        int[] cps = doc.document().text().codePoints().toArray();
        int start = before.start();
        int end = before.end();
        switch (move) {
            case START_EARLIER -> start = previousWordStart(cps, start);
            case START_LATER -> start = nextWordStart(cps, start);
            case END_EARLIER -> end = previousWordEnd(cps, end);
            case END_LATER -> end = nextWordEnd(cps, end);
        }
        if (start >= end) {
            throw new SpanRejectedException("\"" + SpanRules.abbreviate(before.text()) + "\" is one word already; "
                    + "reject it instead of making it shorter");
        }
        if (start == before.start() && end == before.end()) {
            return gold; // at the start or end of the text
        }
        for (Span other : gold.spans()) {
            if (!other.id().equals(goldSpanId) && other.start() == start && other.end() == end
                    && other.label().equals(before.label())) {
                throw new SpanRejectedException("Gold already has that range with this label");
            }
        }
        Span after = new Span(before.id(), start, end, before.label(), doc.index().slice(doc.document().text(), start, end),
                before.note(), curator, before.created(), clock.instant(), before.attributes());
        List<Span> spans = new ArrayList<>(gold.spans().stream().filter(s -> !s.id().equals(goldSpanId)).toList());
        spans.add(after);
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, spans);
    }

    /** Word characters: letters, digits, and an apostrophe or hyphen inside a word ("don't", "pro-Kremlin"). */
    private static boolean isWord(int[] cps, int i) {
        if (i < 0 || i >= cps.length) {
            return false;
        }
        int c = cps[i];
        if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return true;
        }
        return (c == '\'' || c == '\u2019' || c == '-') && i > 0 && i + 1 < cps.length
                && Character.isLetterOrDigit(cps[i - 1]) && Character.isLetterOrDigit(cps[i + 1]);
    }

    static int previousWordStart(int[] cps, int start) {
        int i = start - 1;
        while (i >= 0 && !isWord(cps, i)) {
            i--;
        }
        if (i < 0) {
            return start; // no word before: stay
        }
        while (i > 0 && isWord(cps, i - 1)) {
            i--;
        }
        return i;
    }

    static int nextWordStart(int[] cps, int start) {
        int i = start;
        while (i < cps.length && isWord(cps, i)) {
            i++;
        }
        while (i < cps.length && !isWord(cps, i)) {
            i++;
        }
        return i;
    }

    static int previousWordEnd(int[] cps, int end) {
        int i = end;
        while (i > 0 && isWord(cps, i - 1)) {
            i--;
        }
        while (i > 0 && !isWord(cps, i - 1)) {
            i--;
        }
        return i;
    }

    static int nextWordEnd(int[] cps, int end) {
        int i = end;
        while (i < cps.length && !isWord(cps, i)) {
            i++;
        }
        if (i == cps.length) {
            return end; // no word after: stay
        }
        while (i < cps.length && isWord(cps, i)) {
            i++;
        }
        return i;
    }

    private Layer acceptAll(String documentId, String curator, long expectedGoldRevision, List<Candidate> chosen) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator); // whoever calls: only the project's curators write gold
        Layer gold = goldAt(documentId, expectedGoldRevision);
        OpenDocument doc = documents.open(documentId);
        Set<Key> present = new HashSet<>();
        Set<String> ids = new HashSet<>();
        gold.spans().forEach(s -> {
            present.add(Key.of(s));
            ids.add(s.id());
        });
        Instant now = clock.instant();
        List<Span> spans = new ArrayList<>(gold.spans());
        for (Candidate c : chosen) {
            if (!present.add(new Key(c.start(), c.end(), c.label()))) {
                continue;
            }
            // the text comes from the document, not the candidate, so a stale candidate cannot smuggle in other text
            String text = c.end() <= doc.index().codePointLength()
                    ? doc.index().slice(doc.document().text(), c.start(), c.end()) : c.text();
            spans.add(new Span(goldId(c, ids), c.start(), c.end(), c.label(), text, null, curator, now, now,
                    c.agreedAttributes()));
        }
        if (spans.size() == gold.spans().size()) {
            return gold;
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, spans);
    }

    /**
     * Sets one attribute of a gold span (the value the curator picked among the annotators', or their own);
     * null removes it. The span then carries {@code curator} as its author.
     */
    public Layer setAttribute(String documentId, String curator, long expectedGoldRevision, String goldSpanId,
                              String attributeId, AttributeValue value) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        Span before = goldSpan(gold, goldSpanId);
        if (java.util.Objects.equals(before.attributes().get(attributeId), value)) {
            return gold;
        }
        Span changed = before.withAttribute(attributeId, value, clock.instant());
        Span after = new Span(changed.id(), changed.start(), changed.end(), changed.label(), changed.text(), changed.note(),
                curator, changed.created(), changed.updated(), changed.attributes());
        List<Span> spans = new ArrayList<>(gold.spans().stream().filter(s -> !s.id().equals(goldSpanId)).toList());
        spans.add(after);
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, spans);
    }

    /**
     * Puts the candidate's link between the gold spans at its two ends, authored by {@code curator}. Refused,
     * naming the end, while gold lacks either span; no change if gold has the link. A role the gold anchor
     * already fills (and may fill once) is refused by the scheme's rules: reject the other link first.
     */
    public Layer acceptLink(String documentId, String curator, long expectedGoldRevision, LinkCandidate candidate) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        org.slant.label.Scheme scheme = schemes.labelsFor(documentId);
        Span from = goldAtEnd(gold, candidate.from(), candidate, scheme);
        Span to = goldAtEnd(gold, candidate.to(), candidate, scheme);
        Map<String, Span> byId = SchemeRules.byId(gold.spans());
        LinkKey key = new LinkKey(candidate.type(), Key.of(from), Key.of(to));
        if (gold.links().stream().anyMatch(l -> key.matches(l, byId))) {
            return gold;
        }
        Set<String> ids = new HashSet<>();
        gold.links().forEach(l -> ids.add(l.id()));
        String base = "gl-" + candidate.type() + "-" + from.id() + "-" + to.id();
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        Link link = new Link(id, candidate.type(), from.id(), to.id(), curator, clock.instant());
        SchemeRules.checkLink(link, byId, gold.links(), scheme); // says which link of gold's is in the way
        List<Link> links = new ArrayList<>(gold.links());
        links.add(link);
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, gold.spans(), links, null, null);
    }

    /** Takes the candidate's link out of gold; nothing is saved when gold does not hold it. Its spans stay. */
    public Layer rejectLink(String documentId, String curator, long expectedGoldRevision, LinkCandidate candidate) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        Map<String, Span> byId = SchemeRules.byId(gold.spans());
        LinkKey key = new LinkKey(candidate.type(), Key.of(candidate.from()), Key.of(candidate.to()));
        List<Link> kept = gold.links().stream().filter(l -> !key.matches(l, byId)).toList();
        if (kept.size() == gold.links().size()) {
            return gold;
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, gold.spans(), kept, null, null);
    }

    /** Sets gold's value of one sentence label on one sentence (the document's sentence at start-end); null removes it. */
    public Layer setSentenceLabel(String documentId, String curator, long expectedGoldRevision, int start, int end,
                                  String label, AttributeValue value) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        SentenceAnnotation before = gold.sentenceAt(start).orElse(null);
        if (before != null && before.end() != end) {
            throw new SpanRejectedException("Gold labels the sentence at " + start + "-" + before.end() + ", not " + start + "-" + end);
        }
        if (before != null && java.util.Objects.equals(before.values().get(label), value) || before == null && value == null) {
            return gold;
        }
        OpenDocument doc = documents.open(documentId);
        if (start < 0 || end <= start || end > doc.index().codePointLength()) {
            throw new SpanRejectedException("No sentence at " + start + "-" + end + " in " + documentId);
        }
        SentenceAnnotation after = (before != null ? before
                : new SentenceAnnotation(start, end, doc.index().slice(doc.document().text(), start, end), Map.of()))
                .with(label, value);
        SchemeRules.checkSentence(after, doc.sentences(), doc.document(), doc.index(),
                schemes.labelsFor(documentId));
        List<SentenceAnnotation> sentences = new ArrayList<>(gold.sentences().stream().filter(s -> s.start() != start).toList());
        sentences.add(after); // one left with no values is dropped by the layer
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, gold.spans(), null, sentences, null);
    }

    /** Sets gold's answer to one document question; null removes it. */
    public Layer setAnswer(String documentId, String curator, long expectedGoldRevision, String question, AttributeValue value) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        if (java.util.Objects.equals(gold.answers().get(question), value)) {
            return gold;
        }
        Map<String, AttributeValue> answers = new TreeMap<>(gold.answers());
        if (value == null) {
            answers.remove(question);
        } else {
            answers.put(question, value);
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, gold.spans(), null, null, answers);
    }

    /**
     * In one save: every sentence label and document answer on which all annotators who gave one agree and gold
     * has no value yet (a value the curator already set is never overwritten).
     */
    public Layer acceptAgreedLabels(String documentId, String curator, long expectedGoldRevision) {
        DocumentId.require(curator, "Curator");
        requireWriteGold(documentId, curator);
        Layer gold = goldAt(documentId, expectedGoldRevision);
        Candidates all = candidates(documentId);
        Map<Integer, SentenceAnnotation> sentences = new TreeMap<>();
        gold.sentences().forEach(s -> sentences.put(s.start(), s));
        boolean changed = false;
        for (SentenceCandidate c : all.sentences()) {
            AttributeValue agreed = c.votes().agreed();
            if (agreed != null && c.votes().gold() == null) {
                SentenceAnnotation s = sentences.getOrDefault(c.start(), new SentenceAnnotation(c.start(), c.end(), c.text(), Map.of()));
                sentences.put(c.start(), s.with(c.label(), agreed));
                changed = true;
            }
        }
        Map<String, AttributeValue> answers = new TreeMap<>(gold.answers());
        for (AnswerCandidate c : all.answers()) {
            AttributeValue agreed = c.votes().agreed();
            if (agreed != null && c.votes().gold() == null) {
                answers.put(c.question(), agreed);
                changed = true;
            }
        }
        if (!changed) {
            return gold;
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, gold.spans(), null,
                List.copyOf(sentences.values()), answers);
    }

    private static Span goldSpan(Layer gold, String goldSpanId) {
        return gold.find(goldSpanId).orElseThrow(() -> new SpanRejectedException(
                "No span " + goldSpanId + " in the gold layer of " + gold.documentId() + "; it may have been removed"));
    }

    /** The gold span at a link candidate's end, as gold holds it now; refused when gold lacks it. */
    private static Span goldAtEnd(Layer gold, LinkEnd end, LinkCandidate link, org.slant.label.Scheme scheme) {
        return gold.spans().stream().filter(s -> s.start() == end.start() && s.end() == end.end() && s.label().equals(end.label()))
                .findFirst().orElseThrow(() -> new SpanRejectedException("Accept \"" + SpanRules.abbreviate(end.text())
                        + "\" (" + scheme.find(end.label()).map(org.slant.label.Label::name).orElse(end.label())
                        + ") into gold first: a " + scheme.linkType(link.type()).map(org.slant.label.LinkType::name)
                        .orElse(link.type()) + " link joins two gold spans"));
    }

    /**
     * Refuses before any work if gold has moved on. replaceLayer checks again under the layer's lock;
     * this check covers the changes that turn out to be no-ops and so never reach it.
     */
    private Layer goldAt(String documentId, long expectedRevision) {
        Layer gold = annotations.layer(documentId, GOLD);
        if (gold.revision() != expectedRevision) {
            throw new StaleLayerException("The gold layer of " + documentId + " is at revision " + gold.revision()
                    + ", not " + expectedRevision + ": someone else curated it in between. Look at it again and retry.");
        }
        return gold;
    }

    /** Readable and stable ("g12-30-opinion"), with a suffix when a relabelled span already uses it. */
    private static String goldId(Candidate c, Set<String> taken) {
        String base = "g" + c.start() + "-" + c.end() + "-" + c.label();
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
