package org.slant.agreement;

import java.util.List;
import java.util.OptionalDouble;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;

/**
 * Krippendorff's α and Cohen's κ over coded units, computed by DKPro Statistics' coding study. A unit is an
 * array of the coders' values (null: that coder gave none). Both are empty, never NaN, where they are not
 * defined: no unit two coders gave a value, or every value the same (DKPro would throw or answer 0 there).
 */
final class Coding {

    private Coding() {
    }

    /**
     * α = 1 − D_O / D_E over the units with at least two values (Krippendorff 2011, "Computing Krippendorff's
     * alpha-reliability"): a unit one coder alone gave a value to has no one to agree with. Only those units go
     * into the study, so DKPro's ordinal distance counts the same pairable values as Krippendorff's n_c.
     */
    static OptionalDouble alpha(List<Object[]> units, ValueDistance distance) {
        List<Object[]> pairable = ValueCoding.pairable(units);
        if (pairable.isEmpty()) {
            return OptionalDouble.empty();
        }
        CodingAnnotationStudy study = new CodingAnnotationStudy(pairable.getFirst().length);
        pairable.forEach(study::addItemAsArray);
        if (study.getCategoryCount() < 2) {
            return OptionalDouble.empty();
        }
        KrippendorffAlphaAgreement alpha = new KrippendorffAlphaAgreement(study, distance.function());
        if (alpha.calculateExpectedDisagreement() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(alpha.calculateAgreement());
    }

    /**
     * Cohen's κ = (p_o − p_e) / (1 − p_e) over the units both coders of a pair gave a value (each unit exactly
     * two values, neither null): DKPro's κ takes no missing values.
     */
    static OptionalDouble kappa(List<Object[]> pairs) {
        if (pairs.isEmpty()) {
            return OptionalDouble.empty();
        }
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        for (Object[] pair : pairs) {
            if (pair.length != 2 || pair[0] == null || pair[1] == null) {
                throw new IllegalArgumentException("Cohen's kappa needs two values per unit");
            }
            study.addItemAsArray(pair);
        }
        if (study.getCategoryCount() < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(new CohenKappaAgreement(study).calculateAgreement());
    }
}
