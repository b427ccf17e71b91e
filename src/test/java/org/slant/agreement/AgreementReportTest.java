package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.layer;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;

class AgreementReportTest {

    @Test
    void oneIdenticalSpanOnTwentyCharactersIsPerfectAgreement() {
        AgreementReport report = AgreementReport.of(List.of(layer("ann", 5, 10, "x"), layer("bob", 5, 10, "x")), 20, null);

        AgreementReport.Row row = report.overall();
        assertThat(row.alphaU()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(row.meanKappa()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(row.exactF1()).hasValue(1.0);
        assertThat(row.overlapF1()).hasValue(1.0);
        assertThat(row.partialF1()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(row.annotators()).isEqualTo(2);
        assertThat(row.spans()).isEqualTo(2);
    }

    @Test
    void identicalLayersOfThreeAnnotatorsAgreePerfectlyOnEveryLabel() {
        Object[] spans = {0, 4, "x", 2, 9, "y", 12, 18, "x", 14, 16, "x"};
        List<Layer> layers = List.of(layer("ann", spans), layer("bob", spans), layer("cid", spans));

        AgreementReport report = AgreementReport.of(layers, 20, null);

        assertThat(report.labels()).extracting(AgreementReport.Row::label).containsExactly("x", "y");
        for (AgreementReport.Row row : report.labels()) {
            assertThat(row.alphaU()).hasValueCloseTo(1.0, within(1e-12));
            assertThat(row.meanKappa()).hasValueCloseTo(1.0, within(1e-12));
            assertThat(row.exactF1()).hasValue(1.0);
            assertThat(row.overlapF1()).hasValue(1.0);
            assertThat(row.partialF1()).hasValueCloseTo(1.0, within(1e-12));
        }
        // 3 pairs, each with a row per label and one overall.
        assertThat(report.pairs()).hasSize(9);
        assertThat(report.pairs()).extracting(AgreementReport.Pair::reference).containsOnly("ann", "bob");
        assertThat(report.reading()).anyMatch(s -> s.contains("reliable")).anyMatch(s -> s.contains("almost perfect"));
    }

    /*
     * x: ann [0,10), bob [5,10) -> kappa 0.5 (see CharacterKappaTest), exact F1 0, overlap F1 1,
     *    partial credit P = 5/5 = 1, R = 5/10 = 0.5, F1 = 2·0.5 / 1.5 = 2/3.
     * y: ann [12,16), bob [16,19) -> disjoint, all F1s 0.
     * Overall per pair: exact 0 of (2, 2) -> 0; overlap 1 of (2, 2) -> F1 = 2·1/4 = 0.5;
     *   partial: P = (1 + 0) / 2 = 0.5, R = (0.5 + 0) / 2 = 0.25, F1 = 2·0.125/0.75 = 1/3.
     */
    @Test
    void overallRowMicroAveragesTheLabels() {
        AgreementReport report = AgreementReport.of(
                List.of(layer("ann", 0, 10, "x", 12, 16, "y"), layer("bob", 5, 10, "x", 16, 19, "y")), 20, null);

        AgreementReport.Row x = report.labels().getFirst();
        assertThat(x.meanKappa()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(x.exactF1()).hasValue(0.0);
        assertThat(x.overlapF1()).hasValue(1.0);
        assertThat(x.partialF1()).hasValueCloseTo(2.0 / 3, within(1e-12));
        assertThat(x.alphaU()).hasValueCloseTo(199.0 / 924, within(1e-9));
        AgreementReport.Row overall = report.overall();
        assertThat(overall.isOverall()).isTrue();
        assertThat(overall.exactF1()).hasValue(0.0);
        assertThat(overall.overlapF1()).hasValue(0.5);
        assertThat(overall.partialF1()).hasValueCloseTo(1.0 / 3, within(1e-12));
        assertThat(overall.spans()).isEqualTo(4);
    }

    @Test
    void labelFilterKeepsOnlyTheChosenLabels() {
        List<Layer> layers = List.of(layer("ann", 0, 10, "x", 12, 16, "y"), layer("bob", 0, 10, "x", 16, 19, "y"));

        AgreementReport report = AgreementReport.of(layers, 20, List.of("x"));

        assertThat(report.labels()).extracting(AgreementReport.Row::label).containsExactly("x");
        // Without y's disjoint spans, everything agrees.
        assertThat(report.overall().exactF1()).hasValue(1.0);
        assertThat(report.overall().alphaU()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(report.overall().spans()).isEqualTo(2);
        assertThat(report.pairs()).extracting(AgreementReport.Pair::label).containsOnly("x", null);
    }

    @Test
    void oneAnnotatorIsNotEnoughAndSaysSo() {
        AgreementReport report = AgreementReport.of(List.of(layer("ann", 0, 10, "x")), 20, null);

        assertThat(report.isDefined()).isFalse();
        AgreementReport.Row row = report.overall();
        assertThat(List.of(row.alphaU(), row.meanKappa(), row.exactF1(), row.overlapF1(), row.partialF1()))
                .allMatch(v -> v.isEmpty());
        assertThat(report.pairs()).isEmpty();
        assertThat(report.reading()).containsExactly(
                "Agreement is not defined: it needs at least two annotators, and there is 1.");
        assertThat(report.reading()).noneMatch(s -> s.contains("NaN"));
    }

    @Test
    void aLabelNobodyUsedIsNotDefinedRatherThanZero() {
        AgreementReport report = AgreementReport.of(List.of(layer("ann", 0, 10, "x"), layer("bob", 0, 10, "x")), 20,
                List.of("x", "y"));

        AgreementReport.Row y = report.labels().get(1);
        assertThat(y.alphaU()).isEmpty();
        assertThat(y.meanKappa()).isEmpty();
        assertThat(y.exactF1()).isEmpty();
        assertThat(y.reading()).contains("α_u: not defined, nobody marked a span here.");
        assertThat(report.overall().alphaU()).hasValueCloseTo(1.0, within(1e-12));
    }

    /*
     * "😀 Slams!" is 8 code points but 9 UTF-16 chars. ann marks "Slams!" = code points [2,8),
     * bob "Slams" = [2,7). Over 8 positions: both 5, only ann 1, neither 2.
     * p_o = 7/8; p_ann = 6/8, p_bob = 5/8; p_e = 0.75·0.625 + 0.25·0.375 = 0.5625;
     * κ = (0.875 - 0.5625) / 0.4375 = 5/7. (Counting UTF-16 chars, 9 positions, would give 30/39.)
     * Partial credit: P = 5/5 = 1, R = 5/6, F1 = 2·(5/6) / (11/6) = 10/11.
     */
    @Test
    void offsetsAreCodePointsAfterAnEmoji() {
        String text = "😀 Slams!";
        Document document = new Document("doc", "Emoji", text, null, Layers.T0);
        CodePointIndex index = new CodePointIndex(text);
        assertThat(document.length()).isEqualTo(8);
        assertThat(index.slice(text, 2, 8)).isEqualTo("Slams!");
        Layer ann = new Layer("doc", "ann", 1, List.of(span("ann", text, index, 2, 8)));
        Layer bob = new Layer("doc", "bob", 1, List.of(span("bob", text, index, 2, 7)));

        AgreementReport report = AgreementReport.of(List.of(ann, bob), document.length(), null);

        AgreementReport.Row row = report.labels().getFirst();
        assertThat(row.meanKappa()).hasValueCloseTo(5.0 / 7, within(1e-12));
        assertThat(row.partialF1()).hasValueCloseTo(10.0 / 11, within(1e-12));
        assertThat(row.overlapF1()).hasValue(1.0);
        assertThat(row.exactF1()).hasValue(0.0);
    }

    @Test
    void readingUsesKrippendorffsAndLandisKochBands() {
        assertThat(AgreementReport.alphaWords(0.8)).isEqualTo("reliable");
        assertThat(AgreementReport.alphaWords(0.7)).isEqualTo("tentative conclusions only");
        assertThat(AgreementReport.alphaWords(0.66)).isEqualTo("unreliable");
        assertThat(AgreementReport.kappaWords(-0.1)).isEqualTo("poor");
        assertThat(AgreementReport.kappaWords(0.15)).isEqualTo("slight");
        assertThat(AgreementReport.kappaWords(0.3)).isEqualTo("fair");
        assertThat(AgreementReport.kappaWords(0.5)).isEqualTo("moderate");
        assertThat(AgreementReport.kappaWords(0.7)).isEqualTo("substantial");
        assertThat(AgreementReport.kappaWords(0.9)).isEqualTo("almost perfect");
    }

    @Test
    void readingGivesOneShortSentencePerValue() {
        AgreementReport report = AgreementReport.of(List.of(layer("ann", 0, 10, "x"), layer("bob", 5, 10, "x")), 20, null);

        assertThat(report.reading()).containsExactly(
                "α_u 0.22: unreliable.",
                "Kappa 0.50: moderate agreement on which characters are marked.",
                "0% of the spans have an exactly matching span (exact F1 0.00).",
                "100% of the spans overlap a span with the same label (overlap F1 1.00).",
                "Partial-credit F1 0.67: counts how much of each span the others marked too.");
    }

    private static Span span(String annotator, String text, CodePointIndex index, int start, int end) {
        Instant t = Layers.T0;
        return new Span(annotator + start, start, end, "sensational", index.slice(text, start, end), null, annotator, t, t);
    }
}
