package org.slant.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * How much the annotators of one document (or a pooled set of documents) agree: one {@link Row} per
 * label, one for all labels together, and the detail of every annotator pair.
 *
 * <p>A value that is not defined (fewer than two annotators, a label nobody used) is an empty
 * {@link OptionalDouble}, never NaN. {@link #reading()} says in plain words what the numbers mean.
 *
 * @param annotators the annotators compared, in a fixed order
 * @param documents  how many documents were pooled (1 for a single document)
 * @param labels     one row per label, in the order asked for
 * @param overall    all labels together (its {@link Row#label()} is {@code null})
 * @param pairs      per annotator pair (the earlier annotator is the reference), per label and overall
 * @param problems   one message per layer file that could not be read and so is not in the report (naming the file)
 * @param structure  agreement on attributes, links, sentence labels and document questions (empty parts where the
 *                   scheme has none)
 */
public record AgreementReport(List<String> annotators, int documents, List<Row> labels, Row overall, List<Pair> pairs,
                              List<String> problems, StructureAgreement structure) {

    public AgreementReport {
        annotators = List.copyOf(annotators);
        labels = List.copyOf(labels);
        pairs = List.copyOf(pairs);
        problems = List.copyOf(problems);
        structure = structure == null ? StructureAgreement.NONE : structure;
    }

    /** The same report, saying which layers it had to leave out. */
    public AgreementReport withProblems(List<String> unreadable) {
        return new AgreementReport(annotators, documents, labels, overall, pairs, unreadable, structure);
    }

    /** The same report with the agreement on the scheme's structure. */
    public AgreementReport withStructure(StructureAgreement structureAgreement) {
        return new AgreementReport(annotators, documents, labels, overall, pairs, problems, structureAgreement);
    }

    /**
     * One label (or all labels, {@code label == null}): α_u over all annotators, and the mean over
     * annotator pairs of kappa and the three F1s (pairs where a value is undefined are left out).
     */
    public record Row(String label, OptionalDouble alphaU, OptionalDouble meanKappa, OptionalDouble exactF1,
                      OptionalDouble overlapF1, OptionalDouble partialF1, int annotators, int spans) {

        public boolean isOverall() {
            return label == null;
        }

        /** One short sentence per value. */
        public List<String> reading() {
            if (annotators < 2) {
                return List.of(notDefined(annotators));
            }
            List<String> lines = new ArrayList<>();
            lines.add(alphaU.isPresent() ? "α_u " + format(alphaU) + ": " + alphaWords(alphaU.getAsDouble()) + "."
                    : "α_u: not defined, nobody marked a span here.");
            lines.add(meanKappa.isPresent() ? "Kappa " + format(meanKappa) + ": " + kappaWords(meanKappa.getAsDouble())
                    + " agreement on which characters are marked."
                    : "Kappa: not defined, nobody marked a span here.");
            if (exactF1.isPresent()) {
                lines.add(percent(exactF1) + " of the spans have an exactly matching span (exact F1 " + format(exactF1) + ").");
            }
            if (overlapF1.isPresent()) {
                lines.add(percent(overlapF1) + " of the spans overlap a span with the same label (overlap F1 "
                        + format(overlapF1) + ").");
            }
            if (partialF1.isPresent()) {
                lines.add("Partial-credit F1 " + format(partialF1) + ": counts how much of each span the others marked too.");
            }
            return List.copyOf(lines);
        }
    }

    /** One annotator pair on one label ({@code label == null}: all labels, counts summed, kappa averaged). */
    public record Pair(String reference, String prediction, String label, OptionalDouble kappa,
                       SpanMatchCounts exact, SpanMatchCounts overlap, PartialCredit partial) {
    }

    /** Agreement needs two annotators at least. */
    public boolean isDefined() {
        return annotators.size() >= 2;
    }

    public List<String> reading() {
        return overall.reading();
    }

    /**
     * Computes the report. {@code labels} gives the rows and their order; labels some annotator used
     * but not listed get no row and do not count in the overall row (that is the label filter).
     */
    public static AgreementReport of(AnnotatedText text, List<String> labels, int documents) {
        Set<String> labelSet = new LinkedHashSet<>(labels);
        List<String> names = text.names();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                pairs.addAll(pairsOf(text, names.get(i), names.get(j), labelSet));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String label : labelSet) {
            rows.add(row(label, UnitizingAlpha.of(text, label), pairs, names.size(), text.spanCount(label)));
        }
        int spans = labelSet.stream().mapToInt(text::spanCount).sum();
        Row overall = row(null, UnitizingAlpha.of(text, labelSet), pairs, names.size(), spans);
        return new AgreementReport(names, documents, rows, overall, pairs, List.of(), StructureAgreement.NONE);
    }

    /**
     * The report for the layers of one document of {@code length} code points. {@code labels} is the
     * label filter and row order; {@code null} means every label used, sorted.
     */
    public static AgreementReport of(List<org.slant.annotation.Layer> layers, int length, List<String> labels) {
        AnnotatedText text = AnnotatedText.of(layers, length, labels == null ? null : Set.copyOf(labels));
        return of(text, labels == null ? List.copyOf(text.usedLabels()) : labels, 1);
    }

    /** Per label and overall (last, {@code label == null}): how {@code prediction} matches {@code reference}. */
    static List<Pair> pairsOf(AnnotatedText text, String reference, String prediction, Set<String> labels) {
        List<LabelledRange> ref = text.rangesOf(reference);
        List<LabelledRange> pred = text.rangesOf(prediction);
        List<Pair> result = new ArrayList<>();
        SpanMatchCounts exact = SpanMatchCounts.NONE;
        SpanMatchCounts overlap = SpanMatchCounts.NONE;
        PartialCredit partial = PartialCredit.NONE;
        for (String label : labels) {
            Pair pair = new Pair(reference, prediction, label, CharacterKappa.of(text, reference, prediction, label),
                    SpanMatching.exact(ref, pred, label), SpanMatching.overlap(ref, pred, label),
                    PartialCredit.of(ref, pred, label));
            result.add(pair);
            exact = exact.plus(pair.exact());
            overlap = overlap.plus(pair.overlap());
            partial = partial.plus(pair.partial());
        }
        OptionalDouble kappa = result.stream().map(Pair::kappa).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
        result.add(new Pair(reference, prediction, null, kappa, exact, overlap, partial));
        return result;
    }

    private static Row row(String label, OptionalDouble alphaU, List<Pair> pairs, int annotators, int spans) {
        List<Pair> mine = pairs.stream().filter(p -> java.util.Objects.equals(p.label(), label)).toList();
        return new Row(label, alphaU, mean(mine, Pair::kappa), mean(mine, p -> p.exact().f1()),
                mean(mine, p -> p.overlap().f1()), mean(mine, p -> p.partial().f1()), annotators, spans);
    }

    private static OptionalDouble mean(List<Pair> pairs, Function<Pair, OptionalDouble> value) {
        return pairs.stream().map(value).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    }

    static String notDefined(int annotators) {
        return "Agreement is not defined: it needs at least two annotators, and there "
                + (annotators == 1 ? "is 1." : "are " + annotators + ".");
    }

    /** Krippendorff (2004): rely on α ≥ 0.800; 0.667 ≤ α < 0.800 allows tentative conclusions only. */
    static String alphaWords(double alpha) {
        if (alpha >= 0.8) {
            return "reliable";
        }
        return alpha >= 0.667 ? "tentative conclusions only" : "unreliable";
    }

    /** Landis &amp; Koch (1977) bands. */
    static String kappaWords(double kappa) {
        if (kappa < 0) {
            return "poor";
        }
        if (kappa <= 0.2) {
            return "slight";
        }
        if (kappa <= 0.4) {
            return "fair";
        }
        if (kappa <= 0.6) {
            return "moderate";
        }
        return kappa <= 0.8 ? "substantial" : "almost perfect";
    }

    static String format(OptionalDouble value) {
        return String.format(Locale.ROOT, "%.2f", value.getAsDouble());
    }

    static String percent(OptionalDouble value) {
        return Math.round(value.getAsDouble() * 100) + "%";
    }
}
