package org.slant.agreement;

import java.util.OptionalDouble;

/**
 * Span matching between a reference annotator and a "prediction" annotator: how many prediction
 * spans found a partner, out of how many on each side. Counts add up, so summing them over labels or
 * documents gives micro-averaged scores.
 *
 * <p>precision = matched / predicted, recall = matched / reference,
 * F1 = 2·matched / (predicted + reference) — the harmonic mean of the two, written so that it is 0
 * (not undefined) when only one side has spans, and symmetric in the two annotators.
 */
public record SpanMatchCounts(int matched, int predicted, int reference) {

    public static final SpanMatchCounts NONE = new SpanMatchCounts(0, 0, 0);

    public SpanMatchCounts {
        if (matched < 0 || matched > predicted || matched > reference) {
            throw new IllegalArgumentException("Impossible counts: " + matched + " matched of " + predicted
                    + " predicted and " + reference + " reference spans");
        }
    }

    public SpanMatchCounts plus(SpanMatchCounts other) {
        return new SpanMatchCounts(matched + other.matched, predicted + other.predicted, reference + other.reference);
    }

    public OptionalDouble precision() {
        return predicted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) matched / predicted);
    }

    public OptionalDouble recall() {
        return reference == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) matched / reference);
    }

    /** Empty only when neither side has a span: there is nothing to agree on. */
    public OptionalDouble f1() {
        int total = predicted + reference;
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(2.0 * matched / total);
    }
}
