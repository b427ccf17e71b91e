package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.range;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMatchingTest {

    @Test
    void identicalSpansMatchExactly() {
        List<LabelledRange> spans = List.of(range(0, 5, "x"), range(8, 12, "x"));

        SpanMatchCounts exact = SpanMatching.exact(spans, spans, "x");

        assertThat(exact).isEqualTo(new SpanMatchCounts(2, 2, 2));
        assertThat(exact.f1()).hasValue(1.0);
    }

    @Test
    void nestedSpanOverlapsButDoesNotMatchExactly() {
        List<LabelledRange> ref = List.of(range(0, 10, "x"));
        List<LabelledRange> pred = List.of(range(5, 10, "x"));

        assertThat(SpanMatching.exact(ref, pred, "x").f1()).hasValue(0.0);
        assertThat(SpanMatching.overlap(ref, pred, "x").f1()).hasValue(1.0);
    }

    @Test
    void disjointSpansScoreZero() {
        List<LabelledRange> ref = List.of(range(0, 5, "x"));
        List<LabelledRange> pred = List.of(range(10, 15, "x"));

        assertThat(SpanMatching.exact(ref, pred, "x").f1()).hasValue(0.0);
        assertThat(SpanMatching.overlap(ref, pred, "x").f1()).hasValue(0.0);
    }

    @Test
    void touchingSpansDoNotOverlap() {
        assertThat(SpanMatching.overlap(List.of(range(0, 5, "x")), List.of(range(5, 9, "x")), "x").matched()).isZero();
    }

    @Test
    void overlapNeedsTheSameLabel() {
        List<LabelledRange> ref = List.of(range(0, 10, "x"));
        List<LabelledRange> pred = List.of(range(0, 10, "y"));

        assertThat(SpanMatching.overlap(ref, pred, "x")).isEqualTo(new SpanMatchCounts(0, 0, 1));
        assertThat(SpanMatching.overlap(ref, pred, "x").f1()).hasValue(0.0);
    }

    /*
     * Reference [0,10); predictions [0,3) (overlap 3) and [4,10) (overlap 6). One-to-one, largest
     * overlap first: the reference goes to [4,10). matched 1 of 2 predicted, 1 reference:
     * P = 1/2, R = 1, F1 = 2·1 / (2 + 1) = 2/3.
     */
    @Test
    void overlapMatchingIsOneToOneByLargestOverlap() {
        SpanMatchCounts counts = SpanMatching.overlap(List.of(range(0, 10, "x")),
                List.of(range(0, 3, "x"), range(4, 10, "x")), "x");

        assertThat(counts).isEqualTo(new SpanMatchCounts(1, 2, 1));
        assertThat(counts.precision()).hasValue(0.5);
        assertThat(counts.recall()).hasValue(1.0);
        assertThat(counts.f1()).hasValueCloseTo(2.0 / 3, within(1e-12));
    }

    /*
     * Greedy by largest overlap: ref a=[0,6), b=[6,8); pred p=[2,8), q=[0,2).
     * Overlaps: a-p 4, a-q 2, b-p 2. a-p first; then b and q are left, and they do not overlap: 1 match.
     */
    @Test
    void greedyTakesTheLargestOverlapFirst() {
        SpanMatchCounts counts = SpanMatching.overlap(List.of(range(0, 6, "x"), range(6, 8, "x")),
                List.of(range(2, 8, "x"), range(0, 2, "x")), "x");

        assertThat(counts.matched()).isEqualTo(1);
    }

    @Test
    void f1IsUndefinedOnlyWhenNeitherSideHasSpans() {
        assertThat(SpanMatchCounts.NONE.f1()).isEmpty();
        assertThat(new SpanMatchCounts(0, 0, 3).f1()).hasValue(0.0);
        assertThat(new SpanMatchCounts(0, 0, 3).precision()).isEmpty();
    }

    @Test
    void countsAddUpForMicroAveraging() {
        // 1 of (1, 1) plus 0 of (1, 2): 1 matched, 2 predicted, 3 reference -> F1 = 2/5.
        SpanMatchCounts sum = new SpanMatchCounts(1, 1, 1).plus(new SpanMatchCounts(0, 1, 2));

        assertThat(sum.f1()).hasValueCloseTo(0.4, within(1e-12));
    }
}
