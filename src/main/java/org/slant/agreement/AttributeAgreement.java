package org.slant.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Attribute;
import org.slant.label.Label;
import org.slant.label.Scheme;

/**
 * Attribute agreement over matched spans. For each annotator pair and label, spans are paired by
 * {@link SpanMatching#overlapPairs} (the overlap F1's one-to-one matching); each matched pair is a unit with
 * the two values of the attribute. A pair where only one span has the value is missing data (counted, left out).
 *
 * <p>Per annotator pair: Cohen's κ and Krippendorff's α over its matched pairs. Per attribute: κ is the mean
 * over annotator pairs; α pools every annotator pair's matched pairs as units of two values (with two
 * annotators, that is the pair's α). Matching is pairwise, so with three or more annotators a span can be in
 * several units, once per annotator pair.
 */
final class AttributeAgreement {

    private AttributeAgreement() {
    }

    static List<CodedRow> of(List<TeamLayers> documents, Scheme scheme, List<String> annotators) {
        List<CodedRow> rows = new ArrayList<>();
        for (Label label : scheme.labels()) {
            List<Attribute> compared = label.attributes().stream().filter(ValueCoding::isCompared).toList();
            if (compared.isEmpty()) {
                continue;
            }
            // attribute id -> per annotator pair, the (reference, prediction) values of its matched spans
            Map<String, List<PairUnits>> byAttribute = new LinkedHashMap<>();
            compared.forEach(a -> byAttribute.put(a.id(), new ArrayList<>()));
            for (int i = 0; i < annotators.size(); i++) {
                for (int j = i + 1; j < annotators.size(); j++) {
                    Map<String, PairUnits> units = new LinkedHashMap<>();
                    compared.forEach(a -> units.put(a.id(), new PairUnits(new ArrayList<>(), new int[1])));
                    for (TeamLayers document : documents) {
                        collect(document.of(annotators.get(i)), document.of(annotators.get(j)), label, compared, units);
                    }
                    units.forEach((id, u) -> byAttribute.get(id).add(u));
                }
            }
            for (Attribute attribute : compared) {
                rows.add(row(label, attribute, annotators, byAttribute.get(attribute.id())));
            }
        }
        return rows;
    }

    /** Both values of each matched pair where both are set, and how many pairs have one value only. */
    private record PairUnits(List<Object[]> both, int[] oneSided) {
    }

    private static void collect(Layer reference, Layer prediction, Label label, List<Attribute> attributes,
                                Map<String, PairUnits> units) {
        List<Span> ref = reference.spans();
        List<Span> pred = prediction.spans();
        for (SpanMatching.Pair match : SpanMatching.overlapPairs(ranges(ref), ranges(pred), label.id())) {
            Span a = ref.get(match.reference());
            Span b = pred.get(match.prediction());
            for (Attribute attribute : attributes) {
                Object va = ValueCoding.code(attribute, a.attributes().get(attribute.id()));
                Object vb = ValueCoding.code(attribute, b.attributes().get(attribute.id()));
                PairUnits u = units.get(attribute.id());
                if (va != null && vb != null) {
                    u.both().add(new Object[] {va, vb});
                } else if (va != null || vb != null) {
                    u.oneSided()[0]++;
                }
            }
        }
    }

    static List<LabelledRange> ranges(List<Span> spans) {
        return spans.stream().map(s -> new LabelledRange(s.start(), s.end(), s.label())).toList();
    }

    private static CodedRow row(Label label, Attribute attribute, List<String> annotators, List<PairUnits> perPair) {
        ValueDistance distance = ValueDistance.of(attribute);
        List<CodedRow.CodedPair> pairs = new ArrayList<>();
        List<Object[]> pooled = new ArrayList<>();
        int oneSided = 0;
        int k = 0;
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                PairUnits u = perPair.get(k++);
                pairs.add(new CodedRow.CodedPair(annotators.get(i), annotators.get(j), Coding.kappa(u.both()),
                        Coding.alpha(u.both(), distance), u.both().size(), u.oneSided()[0]));
                pooled.addAll(u.both());
                oneSided += u.oneSided()[0];
            }
        }
        return new CodedRow(CodedRow.Scope.ATTRIBUTE, label.id(), attribute.id(), distance, Coding.alpha(pooled, distance),
                meanKappa(pairs), annotators.size(), pooled.size(), oneSided, pairs);
    }

    static OptionalDouble meanKappa(List<CodedRow.CodedPair> pairs) {
        return pairs.stream().map(CodedRow.CodedPair::kappa).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
    }
}
