package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** α and κ through DKPro against values worked out by hand. */
class CodingTest {

    private static List<Object[]> units(Object[]... units) {
        return new ArrayList<>(List.of(units));
    }

    private static Object[] u(Object... values) {
        return values;
    }

    /*
     * 2×2 table, A rows, B columns, N = 6:
     *            B pos  B neg
     *   A pos      3      1
     *   A neg      0      2
     * κ: p_o = 5/6; A: pos 4, neg 2; B: pos 3, neg 3; p_e = (4·3 + 2·3)/36 = 1/2;
     *    κ = (5/6 − 1/2) / (1 − 1/2) = 2/3.
     * α (nominal): coincidences o_pp = 6, o_nn = 4, o_pn = o_np = 1; n = 12, n_pos = 7, n_neg = 5;
     *    D_O = 2/12 = 1/6; D_E = 2·7·5 / (12·11) = 35/66; α = 1 − (1/6)/(35/66) = 1 − 11/35 = 24/35.
     */
    static final List<Object[]> TABLE = units(u("pos", "pos"), u("pos", "pos"), u("pos", "pos"), u("pos", "neg"),
            u("neg", "neg"), u("neg", "neg"));

    @Test
    void kappaAndNominalAlphaOfATwoByTwoTable() {
        assertThat(Coding.kappa(TABLE)).hasValueCloseTo(2.0 / 3, within(1e-9));
        assertThat(Coding.alpha(TABLE, ValueDistance.NOMINAL)).hasValueCloseTo(24.0 / 35, within(1e-9));
    }

    /*
     * Scale values (A, B): (1,1), (1,2), (3,3). Pooled counts n_1 = 3, n_2 = 1, n_3 = 2, n = 6.
     * Ordinal δ²(g,h) = (n_g/2 + Σ_{g<k<h} n_k + n_h/2)²: δ²(1,2) = (1.5 + 0.5)² = 4, δ²(1,3) = (1.5 + 1 + 1)² = 12.25,
     *   δ²(2,3) = (0.5 + 1)² = 2.25.
     * Coincidences o_11 = 2, o_12 = o_21 = 1, o_33 = 2. D_O = (1·4 + 1·4)/6 = 4/3.
     * D_E = 2·(3·1·4 + 3·2·12.25 + 1·2·2.25) / (6·5) = 2·90/30 = 6. α = 1 − (4/3)/6 = 7/9.
     * κ (exact values, unweighted): p_o = 2/3; A: 1 ×2, 3 ×1; B: 1, 2, 3 once each; p_e = (2·1 + 1·1)/9 = 1/3;
     *   κ = (2/3 − 1/3)/(2/3) = 1/2.
     */
    @Test
    void ordinalAlphaOfAScale() {
        List<Object[]> scale = units(u(1, 1), u(1, 2), u(3, 3));
        assertThat(Coding.alpha(scale, ValueDistance.ORDINAL)).hasValueCloseTo(7.0 / 9, within(1e-9));
        assertThat(Coding.kappa(scale)).hasValueCloseTo(0.5, within(1e-9));
    }

    /*
     * MASI distance d = 1 − J·M: {a,b} vs {a}: J = 1/2, M = 2/3 -> 2/3; {a,b} vs {b,c}: J = 1/3, M = 1/3 -> 8/9;
     * {a} vs {b}: J = 0 -> 1; equal sets -> 0.
     */
    @Test
    void masiDistanceIsPassonneaus() {
        assertThat(MasiDistance.of(Set.of("a", "b"), Set.of("a"))).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(MasiDistance.of(Set.of("a", "b"), Set.of("b", "c"))).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(MasiDistance.of(Set.of("a"), Set.of("b"))).isEqualTo(1.0);
        assertThat(MasiDistance.of(Set.of("a", "b"), Set.of("b", "a"))).isEqualTo(0.0);
    }

    /*
     * Sets (A, B): ({e},{e}), ({e,l},{e}), ({l},{e}). Counts n_E = 4, n_EL = 1, n_L = 1, n = 6.
     * d(EL,E) = 2/3, d(L,E) = 1, d(EL,L) = 2/3 (L is inside EL: J = 1/2, M = 2/3).
     * Coincidences o_EE = 2, o_EL,E = o_E,EL = 1, o_L,E = o_E,L = 1.
     * D_O = (2·2/3 + 2·1)/6 = 5/9. D_E = 2·(4·1·2/3 + 4·1·1 + 1·1·2/3)/(6·5) = 22/45. α = 1 − (5/9)/(22/45) = −3/22.
     * κ, sets as plain categories: p_o = 1/3; A: E, EL, L once each; B: E ×3; p_e = 3/9 = 1/3; κ = 0.
     */
    @Test
    void masiAlphaOfSetsOfChoices() {
        List<Object[]> sets = units(u(List.of("e"), List.of("e")), u(List.of("e", "l"), List.of("e")),
                u(List.of("l"), List.of("e")));
        assertThat(Coding.alpha(sets, ValueDistance.MASI)).hasValueCloseTo(-3.0 / 22, within(1e-9));
        assertThat(Coding.kappa(sets)).hasValueCloseTo(0.0, within(1e-9));
    }

    /*
     * Three coders, missing values: [a, a, –], [a, b, b], [b, –, –]. The last unit has one value: not pairable.
     * Unit 1 (m = 2): o_aa += 2. Unit 2 (m = 3): each ordered pair counts 1/(m − 1) = 1/2: (a,b) ×2, (b,a) ×2, (b,b) ×2
     * -> o_ab += 1, o_ba += 1, o_bb += 1. n = 5, n_a = 3, n_b = 2.
     * D_O = 2/5; D_E = 2·3·2/(5·4) = 3/5; α = 1 − (2/5)/(3/5) = 1/3.
     */
    @Test
    void alphaLeavesOutMissingValues() {
        List<Object[]> missing = units(u("a", "a", null), u("a", "b", "b"), u("b", null, null));
        assertThat(Coding.alpha(missing, ValueDistance.NOMINAL)).hasValueCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void notDefinedWithoutUnitsOrWithOneValueOnly() {
        assertThat(Coding.alpha(List.of(), ValueDistance.NOMINAL)).isEmpty();
        assertThat(Coding.kappa(List.of())).isEmpty();
        List<Object[]> same = units(u("pos", "pos"), u("pos", "pos"));
        assertThat(Coding.alpha(same, ValueDistance.NOMINAL)).as("all the same: 0/0, not 0").isEmpty();
        assertThat(Coding.kappa(same)).isEmpty();
        assertThat(Coding.alpha(units(u("pos", null), u(null, "neg")), ValueDistance.NOMINAL)).as("nothing pairable").isEmpty();
    }

    /* One unit, two values that differ: D_O = 1, D_E = (1 + 1)/(2·1) = 1, α = 0; κ: p_o = 0, p_e = 0, κ = 0. */
    @Test
    void oneDisagreeingUnitIsZeroNotUndefined() {
        assertThat(Coding.alpha(units(u("pro", "anti")), ValueDistance.NOMINAL)).hasValueCloseTo(0.0, within(1e-12));
        assertThat(Coding.kappa(units(u("pro", "anti")))).hasValueCloseTo(0.0, within(1e-12));
    }
}
