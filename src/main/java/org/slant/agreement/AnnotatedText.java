package org.slant.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slant.annotation.Layer;

/**
 * What every agreement measure reads: a text of {@code length} code points and, per annotator, the
 * labelled ranges they marked on it. Built from the layers of one document, or from several
 * documents laid end to end.
 *
 * @param length     the text length in Unicode code points (the unit of every span offset)
 * @param annotators annotator name to that annotator's ranges, in reading order; insertion order is kept
 */
public record AnnotatedText(int length, Map<String, List<LabelledRange>> annotators) {

    private static final Comparator<LabelledRange> READING_ORDER = Comparator.comparingInt(LabelledRange::start)
            .thenComparingInt(LabelledRange::end).thenComparing(LabelledRange::label);

    public AnnotatedText {
        if (length < 0) {
            throw new IllegalArgumentException("Text length must not be negative: " + length);
        }
        Map<String, List<LabelledRange>> copy = new LinkedHashMap<>();
        annotators.forEach((annotator, ranges) -> {
            List<LabelledRange> sorted = ranges.stream().sorted(READING_ORDER).toList();
            for (LabelledRange range : sorted) {
                if (range.end() > length) {
                    throw new IllegalArgumentException(annotator + "'s range [" + range.start() + ", " + range.end()
                            + ") ends after the text (" + length + " code points)");
                }
            }
            copy.put(annotator, sorted);
        });
        annotators = java.util.Collections.unmodifiableMap(copy);
    }

    /** All layers' spans; every layer must belong to the same document. */
    public static AnnotatedText of(List<Layer> layers, int length) {
        return of(layers, length, null);
    }

    /**
     * The layers' spans whose label is in {@code labels} ({@code null} keeps every label). An
     * annotator whose spans are all filtered out stays in, with no ranges: they still took part.
     */
    public static AnnotatedText of(List<Layer> layers, int length, Set<String> labels) {
        Map<String, List<LabelledRange>> byAnnotator = new LinkedHashMap<>();
        String documentId = null;
        for (Layer layer : layers) {
            if (documentId != null && !documentId.equals(layer.documentId())) {
                throw new IllegalArgumentException("Layers of two documents: " + documentId + " and " + layer.documentId());
            }
            documentId = layer.documentId();
            if (byAnnotator.containsKey(layer.annotator())) {
                throw new IllegalArgumentException("Two layers of annotator " + layer.annotator());
            }
            byAnnotator.put(layer.annotator(), layer.spans().stream()
                    .filter(s -> labels == null || labels.contains(s.label()))
                    .map(s -> new LabelledRange(s.start(), s.end(), s.label()))
                    .toList());
        }
        return new AnnotatedText(length, byAnnotator);
    }

    /**
     * The texts one after another, each range shifted by the lengths of the texts before it, so
     * character-level measures pool all positions and span counts add up (micro-averaging). The
     * annotators are the union of all texts' annotators; someone with no layer on a text counts as
     * having marked nothing there, because Slant cannot tell "did not open" from "found nothing".
     */
    public static AnnotatedText concat(List<AnnotatedText> texts) {
        Map<String, List<LabelledRange>> pooled = new LinkedHashMap<>();
        texts.forEach(t -> t.annotators.keySet().forEach(a -> pooled.putIfAbsent(a, new ArrayList<>())));
        int offset = 0;
        for (AnnotatedText text : texts) {
            for (Map.Entry<String, List<LabelledRange>> e : text.annotators.entrySet()) {
                for (LabelledRange range : e.getValue()) {
                    pooled.get(e.getKey()).add(range.shiftedBy(offset));
                }
            }
            offset = Math.addExact(offset, text.length);
        }
        return new AnnotatedText(offset, pooled);
    }

    public List<String> names() {
        return List.copyOf(annotators.keySet());
    }

    public List<LabelledRange> rangesOf(String annotator) {
        List<LabelledRange> ranges = annotators.get(annotator);
        if (ranges == null) {
            throw new IllegalArgumentException("No annotator " + annotator);
        }
        return ranges;
    }

    /** Every label some annotator used, sorted. */
    public Set<String> usedLabels() {
        Set<String> used = new TreeSet<>();
        annotators.values().forEach(rs -> rs.forEach(r -> used.add(r.label())));
        return used;
    }

    public int spanCount(String label) {
        return (int) annotators.values().stream().flatMap(Collection::stream).filter(r -> r.label().equals(label)).count();
    }

    /** Only the ranges with this label, for every annotator. */
    public AnnotatedText only(String label) {
        Map<String, List<LabelledRange>> kept = new LinkedHashMap<>();
        annotators.forEach((a, rs) -> kept.put(a, rs.stream().filter(r -> r.label().equals(label)).toList()));
        return new AnnotatedText(length, kept);
    }
}
