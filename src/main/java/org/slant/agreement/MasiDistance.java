package org.slant.agreement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dkpro.statistics.agreement.IAnnotationStudy;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;

/**
 * Passonneau's (2006) MASI distance between two sets of choices, for Krippendorff's α on choices of several
 * values: d = 1 − J·M, with J = |A ∩ B| / |A ∪ B| (Jaccard) and M = 1 if the sets are equal, 2/3 if one
 * holds the other, 1/3 if they only share some values, 0 if they share none.
 *
 * <p>Why not DKPro's own {@code MASISetAnnotationDistanceFunction}: in 2.2.1 it computes (1 − J)·m with
 * m = 0, 1/3, 2/3, 1 for the same four cases, which is not Passonneau's measure ({@code {a, b}} against
 * {@code {a}} gives 1/6 there and 2/3 here; NLTK's {@code masi_distance} gives 2/3 as well). Values are the
 * sorted choice-id lists {@link ValueCoding} makes.
 */
final class MasiDistance implements IDistanceFunction {

    @Override
    public double measureDistance(IAnnotationStudy study, Object category1, Object category2) {
        Set<Object> a = new HashSet<>((List<?>) category1);
        Set<Object> b = new HashSet<>((List<?>) category2);
        return of(a, b);
    }

    static double of(Set<?> a, Set<?> b) {
        if (a.equals(b)) {
            return 0;
        }
        Set<Object> common = new HashSet<>(a);
        common.retainAll(b);
        Set<Object> union = new HashSet<>(a);
        union.addAll(b);
        double jaccard = (double) common.size() / union.size();
        double monotonicity;
        if (a.containsAll(b) || b.containsAll(a)) {
            monotonicity = 2.0 / 3;
        } else {
            monotonicity = common.isEmpty() ? 0 : 1.0 / 3;
        }
        return 1 - jaccard * monotonicity;
    }
}
