package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.layer;
import static org.slant.agreement.Layers.text;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitizingAlphaTest {

    @Test
    void identicalSpansAreFullyReliable() {
        AnnotatedText text = text(20, layer("ann", 5, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(UnitizingAlpha.of(text, "x")).hasValueCloseTo(1.0, within(1e-12));
    }

    /*
     * L = 20, two raters. ann: unit [0,10), gap [10,20). bob: gap [0,5), unit [5,10), gap [10,20).
     * Observed: the only non-zero section pair is unit/unit: (0-5)² + (10-10)² = 25;
     *   D_O = 2·25 / (R(R-1)·L²) = 50 / (2·400) = 0.0625.
     * Expected (Krippendorff 2004, as in DKPro): units of length 10 and 5, N_c = 2,
     *   Σ l(l-1) = 90 + 20 = 110; gaps 10, 10, 5.
     *   unit 10: (N_c-1)(2·10³ - 3·10² + 10)/3 = 570, plus 10² · Σ_{gaps ≥ 10}(g - 10 + 1) = 100·2 = 200 -> 770
     *   unit 5:  (2·5³ - 3·5² + 5)/3 = 60, plus 5² · ((10-5+1) + (10-5+1) + (5-5+1)) = 25·13 = 325 -> 385
     *   D_E = (2/L)·(770 + 385) / (R·L·(R·L - 1) - 110) = 115.5 / (40·39 - 110) = 115.5 / 1450.
     * α_u = 1 - 0.0625 · 1450 / 115.5 = 1 - 90.625 / 115.5 = 199/924 ≈ 0.2154.
     */
    @Test
    void halfCoveredSpanMatchesTheHandComputation() {
        AnnotatedText text = text(20, layer("ann", 0, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(UnitizingAlpha.of(text, "x")).hasValueCloseTo(199.0 / 924, within(1e-9));
    }

    /*
     * Label x: both mark [0,10). D_O = 0. D_E: two units of 10, Σ l(l-1) = 180, gaps 10, 10;
     *   each unit: 570 + 100·2 = 770 -> (2/20)·1540 / (1560 - 180) = 154 / 1380.
     * Label y: the case above, D_O = 0.0625, D_E = 115.5 / 1450.
     * Overall α_u = 1 - (0 + 0.0625) / (154/1380 + 115.5/1450) ≈ 0.6732.
     */
    @Test
    void overallPoolsTheDisagreementsOfAllLabels() {
        AnnotatedText text = text(20, layer("ann", 0, 10, "x", 0, 10, "y"), layer("bob", 0, 10, "x", 5, 10, "y"));

        double expected = 1 - 0.0625 / (154.0 / 1380 + 115.5 / 1450);
        assertThat(UnitizingAlpha.of(text, Set.of("x", "y"))).hasValueCloseTo(expected, within(1e-9));
        assertThat(UnitizingAlpha.of(text, "x")).hasValueCloseTo(1.0, within(1e-12));
    }

    @Test
    void overlappingSpansOfOneAnnotatorCountAsTheirUnion() {
        // ann's [0,5) and [3,10) cover the same positions as [0,10): the hand-computed case above.
        AnnotatedText text = text(20, layer("ann", 0, 5, "x", 3, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(UnitizingAlpha.of(text, "x")).hasValueCloseTo(199.0 / 924, within(1e-9));
        assertThat(UnitizingAlpha.merged(text.rangesOf("ann"), "x")).containsExactly(Layers.range(0, 10, "x"));
    }

    @Test
    void spansThatOnlyTouchStayApart() {
        assertThat(UnitizingAlpha.merged(List.of(Layers.range(0, 5, "x"), Layers.range(5, 9, "x")), "x")).hasSize(2);
    }

    @Test
    void notDefinedWithoutSpansOrWithOneAnnotator() {
        assertThat(UnitizingAlpha.of(text(20, layer("ann", 0, 5, "x"), layer("bob", 0, 5, "x")), "y")).isEmpty();
        assertThat(UnitizingAlpha.of(text(20, layer("ann", 0, 5, "x")), "x")).isEmpty();
    }

    @Test
    void disjointSpansDisagreeMoreThanChance() {
        AnnotatedText text = text(20, layer("ann", 0, 5, "x"), layer("bob", 10, 15, "x"));

        assertThat(UnitizingAlpha.of(text, "x").getAsDouble()).isNegative();
    }
}
