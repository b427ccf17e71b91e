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
     * One (start, end, label) that some annotator marked or the gold layer holds.
     *
     * @param annotators who marked exactly this range with this label, sorted; empty for a span only gold has
     * @param gold       the gold span with this range and label, or null when gold does not hold it
     */
    public record Candidate(int start, int end, String label, String text, List<String> annotators, Span gold) {

        public Candidate {
            annotators = List.copyOf(annotators);
        }

        public boolean inGold() {
            return gold != null;
        }

        boolean sameRangeAndLabel(Span span) {
            return start == span.start() && end == span.end() && label.equals(span.label());
        }
    }

    /**
     * Everything a curator decides on for one document.
     *
     * @param annotators   everyone with a layer on the document except gold and majority, sorted
     * @param goldRevision the gold layer's revision these candidates were read at; pass it back with every change
     * @param problems     one message per annotator's layer file that cannot be read (naming the file): those
     *                     layers are left out of the candidates, the others are curated as usual
     */
    public record Candidates(String documentId, long goldRevision, List<String> annotators, List<Candidate> candidates,
                             List<String> problems) {

        public Candidates {
            annotators = List.copyOf(annotators);
            candidates = List.copyOf(candidates);
            problems = List.copyOf(problems);
        }
    }

    /** Ordered like {@link Layer#READING_ORDER}, so candidates come out in reading order. */
    private record Key(int start, int end, String label) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::start)
                .thenComparing(Key::end, Comparator.reverseOrder()).thenComparing(Key::label);

        static Key of(Span span) {
            return new Key(span.start(), span.end(), span.label());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private final AnnotationService annotations;
    private final DocumentService documents;
    private final Clock clock;

    private final ClassWork classWork;
    private final Permissions permissions;

    public CurationService(AnnotationService annotations, DocumentService documents, Clock clock) {
        this(annotations, documents, clock, ClassWork.NONE);
    }

    /** Students' exercise layers ({@code classWork}) are no candidates for gold. */
    public CurationService(AnnotationService annotations, DocumentService documents, Clock clock, ClassWork classWork) {
        this(annotations, documents, clock, classWork, Permissions.OWNER);
    }

    /** {@code permissions} decides who writes gold: every change to it is asked of it first. */
    @org.springframework.beans.factory.annotation.Autowired
    public CurationService(AnnotationService annotations, DocumentService documents, Clock clock, ClassWork classWork,
                           Permissions permissions) {
        this.permissions = permissions;
        this.annotations = annotations;
        this.documents = documents;
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

    /** The union of the annotators' spans grouped by range and label, plus gold-only spans, in reading order. */
    public Candidates candidates(String documentId) {
        Layer gold = annotations.layer(documentId, GOLD);
        Set<String> annotators = new TreeSet<>();
        Map<Key, Set<String>> markedBy = new TreeMap<>();
        Map<Key, String> texts = new TreeMap<>();
        // a broken annotator's layer is left out and named; a broken gold layer refuses curation (annotations.layer above)
        LayerStore.LayerListing listing = annotations.readableLayers(documentId);
        Set<String> students = classWork.studentsOn(documentId);
        for (Layer layer : listing.layers()) {
            if (layer.isDerived() || students.contains(layer.annotator())) {
                continue;
            }
            annotators.add(layer.annotator());
            for (Span span : layer.spans()) {
                markedBy.computeIfAbsent(Key.of(span), k -> new TreeSet<>()).add(layer.annotator());
                texts.putIfAbsent(Key.of(span), span.text());
            }
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
                    List.copyOf(markedBy.getOrDefault(key, Set.of())), inGold.get(key)));
        }
        return new Candidates(documentId, gold.revision(), List.copyOf(annotators), candidates,
                listing.problems(a -> !students.contains(a) && !a.equals(GOLD)));
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
        Span before = gold.find(goldSpanId).orElseThrow(() -> new SpanRejectedException(
                "No span " + goldSpanId + " in the gold layer of " + documentId + "; it may have been removed"));
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
        Span after = new Span(before.id(), before.start(), before.end(), label, before.text(), before.note(),
                curator, before.created(), now);
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
        Span before = gold.find(goldSpanId).orElseThrow(() -> new SpanRejectedException(
                "No span " + goldSpanId + " in the gold layer of " + documentId + "; it may have been removed"));
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
                before.note(), curator, before.created(), clock.instant());
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
            spans.add(new Span(goldId(c, ids), c.start(), c.end(), c.label(), text, null, curator, now, now));
        }
        if (spans.size() == gold.spans().size()) {
            return gold;
        }
        return annotations.replaceLayer(documentId, GOLD, expectedGoldRevision, spans);
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
