package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.layer;
import static org.slant.agreement.Layers.range;
import static org.slant.agreement.Layers.text;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedTextTest {

    @Test
    void concatShiftsEachTextByTheLengthsBeforeIt() {
        AnnotatedText first = text(10, layer("ann", 0, 5, "x"), layer("bob", 0, 5, "x"));
        AnnotatedText second = text(10, layer("ann", 0, 5, "x"));

        AnnotatedText pooled = AnnotatedText.concat(List.of(first, second));

        assertThat(pooled.length()).isEqualTo(20);
        assertThat(pooled.rangesOf("ann")).containsExactly(range(0, 5, "x"), range(10, 15, "x"));
        // bob has no layer on the second text: counted as having marked nothing there.
        assertThat(pooled.rangesOf("bob")).containsExactly(range(0, 5, "x"));
    }

    /*
     * Pooled over 20 positions: ann covers 10, bob 5 of them, all inside ann's -> kappa 0.5 as in
     * CharacterKappaTest. Exact matches summed: 1 matched, 1 of bob's, 2 of ann's -> F1 = 2/3.
     */
    @Test
    void pooledReportCountsAllPositionsAndAllSpans() {
        AnnotatedText pooled = AnnotatedText.concat(List.of(
                text(10, layer("ann", 0, 5, "x"), layer("bob", 0, 5, "x")), text(10, layer("ann", 0, 5, "x"))));

        AgreementReport report = AgreementReport.of(pooled, List.of("x"), 2);

        assertThat(report.documents()).isEqualTo(2);
        assertThat(report.overall().meanKappa()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(report.overall().exactF1()).hasValueCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void labelFilterKeepsAnnotatorsWhoseSpansAreAllFilteredOut() {
        AnnotatedText text = AnnotatedText.of(List.of(layer("ann", 0, 5, "x"), layer("bob", 0, 5, "y")), 10,
                java.util.Set.of("x"));

        assertThat(text.names()).containsExactly("ann", "bob");
        assertThat(text.rangesOf("bob")).isEmpty();
    }

    @Test
    void refusesRangesPastTheEndOfTheText() {
        assertThatThrownBy(() -> text(8, layer("ann", 2, 9, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends after the text (8 code points)");
    }
}
