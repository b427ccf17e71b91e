package org.slant.agreement;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The partial-credit span measure of the propaganda detection tasks (Da San Martino et al. 2019,
 * "Fine-grained analysis of propaganda in news articles"; used for SemEval-2020 Task 11, Da San
 * Martino et al. 2020). With S the prediction spans, T the reference spans and
 * C(s, t, h) = |s ∩ t| / h if s and t have the same label, else 0:
 * <pre>
 *   P = (1/|S|) Σ_{s∈S} Σ_{t∈T} C(s, t, |s|)
 *   R = (1/|T|) Σ_{s∈S} Σ_{t∈T} C(s, t, |t|)
 *   F1 = 2PR / (P + R)
 * </pre>
 * Like the official scorer this sums over all pairs with the same label (no one-to-one matching).
 * One deviation: the official data has no overlapping spans of one label within one annotation, but
 * Slant allows them, and then a span's summed credit could pass 1 (P or R above 1). So each span's
 * credit is capped at 1; without such overlaps the result is exactly the formula above.
 *
 * <p>The credit sums and span counts add up, so summing over labels or documents gives
 * micro-averaged P, R and F1. F1 is 0 when only one side has spans and empty when neither has.
 *
 * @param precisionCredit Σ_s min(1, Σ_t C(s, t, |s|))
 * @param recallCredit    Σ_t min(1, Σ_s C(s, t, |t|))
 */
public record PartialCredit(double precisionCredit, int predicted, double recallCredit, int reference) {

    public static final PartialCredit NONE = new PartialCredit(0, 0, 0, 0);

    /** The credits of the prediction against the reference, for one label. */
    public static PartialCredit of(List<LabelledRange> reference, List<LabelledRange> prediction, String label) {
        List<LabelledRange> ref = SpanMatching.withLabel(reference, label);
        List<LabelledRange> pred = SpanMatching.withLabel(prediction, label);
        double precisionCredit = 0;
        for (LabelledRange s : pred) {
            double credit = 0;
            for (LabelledRange t : ref) {
                credit += (double) s.overlap(t) / s.length();
            }
            precisionCredit += Math.min(1, credit);
        }
        double recallCredit = 0;
        for (LabelledRange t : ref) {
            double credit = 0;
            for (LabelledRange s : pred) {
                credit += (double) s.overlap(t) / t.length();
            }
            recallCredit += Math.min(1, credit);
        }
        return new PartialCredit(precisionCredit, pred.size(), recallCredit, ref.size());
    }

    public PartialCredit plus(PartialCredit other) {
        return new PartialCredit(precisionCredit + other.precisionCredit, predicted + other.predicted,
                recallCredit + other.recallCredit, reference + other.reference);
    }

    public OptionalDouble precision() {
        return predicted == 0 ? OptionalDouble.empty() : OptionalDouble.of(precisionCredit / predicted);
    }

    public OptionalDouble recall() {
        return reference == 0 ? OptionalDouble.empty() : OptionalDouble.of(recallCredit / reference);
    }

    public OptionalDouble f1() {
        if (predicted == 0 && reference == 0) {
            return OptionalDouble.empty();
        }
        if (predicted == 0 || reference == 0) {
            return OptionalDouble.of(0);
        }
        double p = precisionCredit / predicted;
        double r = recallCredit / reference;
        return OptionalDouble.of(p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
