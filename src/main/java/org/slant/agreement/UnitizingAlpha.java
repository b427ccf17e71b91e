package org.slant.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * Krippendorff's unitizing alpha (α_u; Krippendorff 1995, 2004) over the code point positions of a
 * text, computed by DKPro Statistics' {@link KrippendorffAlphaUnitizingAgreement}.
 *
 * <p>Per label c: α_u(c) = 1 − D_O(c) / D_E(c), DKPro's definition (pairwise squared distances of
 * the sections each annotator's units and gaps cut the text into, against all possible unitizations).
 * Over several labels: α_u = 1 − Σ_c D_O(c) / Σ_c D_E(c), which is DKPro's
 * {@code calculateAgreement()} (it averages both sums over the labels; the average cancels).
 *
 * <p>Two things differ from calling DKPro directly:
 * <ul>
 *   <li>DKPro requires that one annotator's units of the same label do not overlap; Slant allows
 *       nested and overlapping spans. So each annotator's overlapping spans of one label are merged
 *       into one unit first (the covered positions are unchanged; spans that only touch stay apart).</li>
 *   <li>DKPro returns 0 when D_O = D_E, also when nobody used the label (0/0). Here that case, and
 *       fewer than two annotators, give an empty result: agreement is not defined.</li>
 * </ul>
 */
public final class UnitizingAlpha {

    private UnitizingAlpha() {
    }

    /** α_u for one label; empty if fewer than two annotators or nobody used the label. */
    public static OptionalDouble of(AnnotatedText text, String label) {
        return of(text, Set.of(label));
    }

    /** α_u over the given labels together; empty if fewer than two annotators or none of the labels was used. */
    public static OptionalDouble of(AnnotatedText text, Set<String> labels) {
        if (text.annotators().size() < 2 || text.length() == 0) {
            return OptionalDouble.empty();
        }
        Study study = new Study(study(text, labels));
        double observed = 0;
        double expected = 0;
        for (String label : labels) {
            if (text.spanCount(label) > 0) {
                observed += study.observed(label);
                expected += study.expected(label);
            }
        }
        return expected > 0 ? OptionalDouble.of(1 - observed / expected) : OptionalDouble.empty();
    }

    private static UnitizingAnnotationStudy study(AnnotatedText text, Set<String> labels) {
        List<String> annotators = text.names();
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(annotators.size(), text.length());
        for (int rater = 0; rater < annotators.size(); rater++) {
            for (String label : labels) {
                for (LabelledRange unit : merged(text.rangesOf(annotators.get(rater)), label)) {
                    study.addUnit(unit.start(), unit.length(), rater, label);
                }
            }
        }
        return study;
    }

    /** One annotator's ranges of {@code label}, overlapping ones joined (input is in reading order). */
    static List<LabelledRange> merged(List<LabelledRange> ranges, String label) {
        List<LabelledRange> result = new ArrayList<>();
        for (LabelledRange range : ranges) {
            if (!range.label().equals(label)) {
                continue;
            }
            LabelledRange last = result.isEmpty() ? null : result.getLast();
            if (last != null && range.start() < last.end()) {
                result.set(result.size() - 1, new LabelledRange(last.start(), Math.max(last.end(), range.end()), label));
            } else {
                result.add(range);
            }
        }
        return result;
    }

    /** Opens DKPro's per-label observed and expected disagreement, so 0/0 can be told apart from α_u = 0. */
    private static final class Study extends KrippendorffAlphaUnitizingAgreement {

        Study(IUnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(String label) {
            return calculateObservedCategoryDisagreement(label);
        }

        double expected(String label) {
            return calculateExpectedCategoryDisagreement(label);
        }
    }
}
