package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.range;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialCreditTest {

    /* Reference t = [0,10), prediction s = [5,15): |s ∩ t| = 5. P = 5/10 = 0.5, R = 5/10 = 0.5, F1 = 0.5. */
    @Test
    void halfOverlapEarnsHalfCredit() {
        PartialCredit credit = PartialCredit.of(List.of(range(0, 10, "x")), List.of(range(5, 15, "x")), "x");

        assertThat(credit.precision()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(credit.recall()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(credit.f1()).hasValueCloseTo(0.5, within(1e-12));
    }

    /*
     * t = [0,10); s1 = [0,5), s2 = [5,20).
     * P = (5/5 + 5/15) / 2 = (4/3) / 2 = 2/3.  R = (5/10 + 5/10) / 1 = 1.
     * F1 = 2 · (2/3) · 1 / (2/3 + 1) = (4/3) / (5/3) = 0.8.
     */
    @Test
    void twoPredictionsShareOneReference() {
        PartialCredit credit = PartialCredit.of(List.of(range(0, 10, "x")),
                List.of(range(0, 5, "x"), range(5, 20, "x")), "x");

        assertThat(credit.precision()).hasValueCloseTo(2.0 / 3, within(1e-12));
        assertThat(credit.recall()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(credit.f1()).hasValueCloseTo(0.8, within(1e-12));
    }

    @Test
    void identicalSpansGetFullCreditAndDisjointNone() {
        List<LabelledRange> spans = List.of(range(0, 4, "x"), range(6, 9, "x"));

        assertThat(PartialCredit.of(spans, spans, "x").f1()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(PartialCredit.of(spans, List.of(range(12, 15, "x")), "x").f1()).hasValue(0.0);
    }

    @Test
    void creditNeedsTheSameLabel() {
        PartialCredit credit = PartialCredit.of(List.of(range(0, 10, "x"), range(0, 10, "y")),
                List.of(range(0, 10, "y")), "x");

        assertThat(credit).isEqualTo(new PartialCredit(0, 0, 0, 1));
        assertThat(credit.f1()).hasValue(0.0);
    }

    /*
     * Reference has nested same-label spans [0,10) and [2,8); prediction [0,10).
     * Uncapped, the prediction would get 10/10 + 6/10 = 1.6; capped at 1, P = 1. R = (1 + 1) / 2 = 1.
     */
    @Test
    void aSpansCreditIsCappedAtOne() {
        PartialCredit credit = PartialCredit.of(List.of(range(0, 10, "x"), range(2, 8, "x")),
                List.of(range(0, 10, "x")), "x");

        assertThat(credit.precision()).hasValueCloseTo(1.0, within(1e-12));
        assertThat(credit.recall()).hasValueCloseTo(1.0, within(1e-12));
    }

    @Test
    void undefinedWhenNeitherSideHasSpans() {
        assertThat(PartialCredit.of(List.of(), List.of(), "x").f1()).isEmpty();
    }
}
