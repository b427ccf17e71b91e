package org.slant.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Span-level agreement of a prediction annotator against a reference annotator, one label at a time.
 * Each span is matched at most once (one-to-one), so a long span cannot count for several short ones.
 */
public final class SpanMatching {

    private SpanMatching() {
    }

    /** Exact match: same start, same end, same label. */
    public static SpanMatchCounts exact(List<LabelledRange> reference, List<LabelledRange> prediction, String label) {
        List<LabelledRange> ref = withLabel(reference, label);
        List<LabelledRange> pred = withLabel(prediction, label);
        Map<LabelledRange, Integer> unmatched = new HashMap<>();
        ref.forEach(r -> unmatched.merge(r, 1, Integer::sum));
        int matched = 0;
        for (LabelledRange p : pred) {
            Integer left = unmatched.get(p);
            if (left != null && left > 0) {
                unmatched.put(p, left - 1);
                matched++;
            }
        }
        return new SpanMatchCounts(matched, pred.size(), ref.size());
    }

    /**
     * Overlap match: same label and at least one common code point. Pairs are taken greedily by
     * largest overlap (ties: earlier reference span, then earlier prediction span), each span once.
     */
    public static SpanMatchCounts overlap(List<LabelledRange> reference, List<LabelledRange> prediction, String label) {
        return new SpanMatchCounts(overlapPairs(reference, prediction, label).size(),
                withLabel(prediction, label).size(), withLabel(reference, label).size());
    }

    /** One pair of {@link #overlapPairs}: indexes into the reference and prediction lists as given. */
    public record Pair(int reference, int prediction) {
    }

    /**
     * The pairs {@link #overlap} counts, for callers that must say which span matched which (classroom
     * feedback), so they use this very matching rather than a second one. Indexes refer to the lists as
     * given (all labels), in order of the reference index.
     */
    public static List<Pair> overlapPairs(List<LabelledRange> reference, List<LabelledRange> prediction, String label) {
        List<Integer> ref = indexesWithLabel(reference, label);
        List<Integer> pred = indexesWithLabel(prediction, label);
        record Candidate(int ref, int pred, int overlap) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < ref.size(); r++) {
            for (int p = 0; p < pred.size(); p++) {
                int overlap = reference.get(ref.get(r)).overlap(prediction.get(pred.get(p)));
                if (overlap > 0) {
                    candidates.add(new Candidate(r, p, overlap));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::overlap).reversed()
                .thenComparingInt(Candidate::ref).thenComparingInt(Candidate::pred));
        boolean[] refUsed = new boolean[ref.size()];
        boolean[] predUsed = new boolean[pred.size()];
        List<Pair> pairs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!refUsed[c.ref] && !predUsed[c.pred]) {
                refUsed[c.ref] = true;
                predUsed[c.pred] = true;
                pairs.add(new Pair(ref.get(c.ref), pred.get(c.pred)));
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::reference));
        return List.copyOf(pairs);
    }

    private static List<Integer> indexesWithLabel(List<LabelledRange> ranges, String label) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).label().equals(label)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    static List<LabelledRange> withLabel(List<LabelledRange> ranges, String label) {
        return ranges.stream().filter(r -> r.label().equals(label)).toList();
    }
}
