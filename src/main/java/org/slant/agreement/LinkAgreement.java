package org.slant.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.Span;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * Link agreement, pairwise over annotators like the span F1. The reference's and the prediction's spans are
 * matched one-to-one by {@link SpanMatching#overlapPairs}, label by label; a prediction link matches a
 * reference link of the same type whose ends are the spans its own ends matched (direction counts: a link
 * from a to b does not match one from b to a). Each reference link matches once.
 */
final class LinkAgreement {

    private LinkAgreement() {
    }

    static List<LinkRow> of(List<TeamLayers> documents, Scheme scheme, List<String> annotators) {
        Set<String> types = new LinkedHashSet<>();
        scheme.linkTypes().stream().map(LinkType::id).forEach(types::add);
        documents.forEach(d -> d.layers().forEach(l -> l.links().forEach(link -> types.add(link.type()))));
        if (types.isEmpty()) {
            return List.of();
        }
        Map<String, List<LinkRow.LinkPair>> pairsByType = new LinkedHashMap<>();
        types.forEach(t -> pairsByType.put(t, new ArrayList<>()));
        List<LinkRow.LinkPair> overallPairs = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                Map<String, SpanMatchCounts> counts = new HashMap<>();
                types.forEach(t -> counts.put(t, SpanMatchCounts.NONE));
                for (TeamLayers document : documents) {
                    count(document.of(annotators.get(i)), document.of(annotators.get(j)), counts);
                }
                SpanMatchCounts all = SpanMatchCounts.NONE;
                for (String type : types) {
                    pairsByType.get(type).add(new LinkRow.LinkPair(annotators.get(i), annotators.get(j), type, counts.get(type)));
                    all = all.plus(counts.get(type));
                }
                overallPairs.add(new LinkRow.LinkPair(annotators.get(i), annotators.get(j), null, all));
            }
        }
        List<LinkRow> rows = new ArrayList<>();
        int total = 0;
        for (String type : types) {
            int links = 0;
            for (TeamLayers d : documents) {
                for (String annotator : annotators) {
                    links += (int) d.of(annotator).links().stream().filter(l -> l.type().equals(type)).count();
                }
            }
            total += links;
            rows.add(new LinkRow(type, annotators.size(), links, pairsByType.get(type)));
        }
        rows.add(new LinkRow(null, annotators.size(), total, overallPairs));
        return rows;
    }

    /** Adds this document's matched, predicted and reference links, per type, to {@code counts}. */
    static void count(Layer reference, Layer prediction, Map<String, SpanMatchCounts> counts) {
        Map<String, String> matchedSpan = matchedSpans(reference.spans(), prediction.spans()); // prediction id -> reference id
        Map<List<String>, Integer> unmatched = new HashMap<>();
        for (Link link : reference.links()) {
            unmatched.merge(List.of(link.type(), link.from(), link.to()), 1, Integer::sum);
        }
        Map<String, int[]> found = new HashMap<>(); // type -> {matched, predicted, reference}
        reference.links().forEach(l -> found.computeIfAbsent(l.type(), t -> new int[3])[2]++);
        for (Link link : prediction.links()) {
            int[] c = found.computeIfAbsent(link.type(), t -> new int[3]);
            c[1]++;
            String from = matchedSpan.get(link.from());
            String to = matchedSpan.get(link.to());
            if (from != null && to != null) {
                List<String> key = List.of(link.type(), from, to);
                Integer left = unmatched.get(key);
                if (left != null && left > 0) {
                    unmatched.put(key, left - 1);
                    c[0]++;
                }
            }
        }
        found.forEach((type, c) -> counts.merge(type, new SpanMatchCounts(c[0], c[1], c[2]), SpanMatchCounts::plus));
    }

    private static Map<String, String> matchedSpans(List<Span> reference, List<Span> prediction) {
        List<LabelledRange> ref = AttributeAgreement.ranges(reference);
        List<LabelledRange> pred = AttributeAgreement.ranges(prediction);
        Set<String> labels = new LinkedHashSet<>();
        reference.forEach(s -> labels.add(s.label()));
        Map<String, String> matched = new HashMap<>();
        for (String label : labels) {
            for (SpanMatching.Pair p : SpanMatching.overlapPairs(ref, pred, label)) {
                matched.put(prediction.get(p.prediction()).id(), reference.get(p.reference()).id());
            }
        }
        return matched;
    }
}
