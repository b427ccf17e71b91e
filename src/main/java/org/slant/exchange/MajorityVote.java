package org.slant.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;

/**
 * A consensus layer: the spans that more than half of the annotators marked with exactly the same
 * start, end and label. With two annotators both must agree; with three, two. Near misses (a word
 * more or less) do not count: agreement on boundaries is part of what the vote measures.
 */
public final class MajorityVote {

    public static final String ANNOTATOR = Layer.MAJORITY;

    private MajorityVote() {
    }

    private record Key(int start, int end, String label) {
    }

    /** The majority layer of {@code layers}, all of which must belong to {@code document}. */
    public static Layer of(Document document, List<Layer> layers) {
        Map<Key, List<Span>> votes = new LinkedHashMap<>();
        long revision = 0;
        for (Layer layer : layers) {
            if (!layer.documentId().equals(document.id())) {
                throw new IllegalArgumentException("Layer of " + layer.annotator() + " belongs to document "
                        + layer.documentId() + ", not " + document.id());
            }
            revision += layer.revision(); // grows whenever any input layer changes
            Set<Key> seen = new HashSet<>(); // one vote per annotator, whatever their layer holds
            for (Span span : layer.spans()) {
                Key key = new Key(span.start(), span.end(), span.label());
                if (seen.add(key)) {
                    votes.computeIfAbsent(key, k -> new ArrayList<>()).add(span);
                }
            }
        }
        CodePointIndex index = new CodePointIndex(document.text());
        List<Span> agreed = new ArrayList<>();
        for (Map.Entry<Key, List<Span>> vote : votes.entrySet()) {
            List<Span> spans = vote.getValue();
            if (spans.size() * 2 <= layers.size()) {
                continue;
            }
            Key key = vote.getKey();
            Instant created = spans.stream().map(Span::created).min(Instant::compareTo).orElseThrow();
            Instant updated = spans.stream().map(Span::updated).max(Instant::compareTo).orElseThrow();
            // the id names the range and label, so it is the same in every export of the same votes
            agreed.add(new Span("m" + key.start() + "-" + key.end() + "-" + key.label(), key.start(), key.end(),
                    key.label(), index.slice(document.text(), key.start(), key.end()), null, ANNOTATOR,
                    created, updated));
        }
        return new Layer(document.id(), ANNOTATOR, revision, agreed);
    }
}
