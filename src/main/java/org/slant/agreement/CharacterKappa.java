package org.slant.agreement;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Cohen's kappa between two annotators over the code points of a text.
 *
 * <p>Per label: every code point is one item, coded "covered by a span of this label" or not by each
 * annotator. κ = (p_o − p_e) / (1 − p_e), with p_o the share of code points both code alike and
 * p_e = p_A·p_B + (1 − p_A)(1 − p_B), p_X the share annotator X covers. Empty when p_e = 1 (both
 * code every position the same way, e.g. nobody used the label): kappa is 0/0 there.
 *
 * <p>Over several labels: the mean of the per-label kappas that are defined (macro average).
 * A single categorical kappa ("which label, or none") is not used because Slant spans overlap, so a
 * code point can carry several labels at once and has no single category.
 */
public final class CharacterKappa {

    private CharacterKappa() {
    }

    public static OptionalDouble of(AnnotatedText text, String annotatorA, String annotatorB, String label) {
        int n = text.length();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        boolean[] a = covered(text.rangesOf(annotatorA), label, n);
        boolean[] b = covered(text.rangesOf(annotatorB), label, n);
        int both = 0;
        int neither = 0;
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] && b[i]) {
                both++;
            } else if (a[i]) {
                onlyA++;
            } else if (b[i]) {
                onlyB++;
            } else {
                neither++;
            }
        }
        double observed = (double) (both + neither) / n;
        double pA = (double) (both + onlyA) / n;
        double pB = (double) (both + onlyB) / n;
        double expected = pA * pB + (1 - pA) * (1 - pB);
        if (expected >= 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((observed - expected) / (1 - expected));
    }

    /** Mean of the defined per-label kappas; empty if none is defined. */
    public static OptionalDouble of(AnnotatedText text, String annotatorA, String annotatorB, Set<String> labels) {
        return labels.stream().map(l -> of(text, annotatorA, annotatorB, l))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    }

    private static boolean[] covered(List<LabelledRange> ranges, String label, int length) {
        boolean[] covered = new boolean[length];
        for (LabelledRange range : ranges) {
            if (range.label().equals(label)) {
                java.util.Arrays.fill(covered, range.start(), range.end(), true);
            }
        }
        return covered;
    }
}
