package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.layer;
import static org.slant.agreement.Layers.text;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CharacterKappaTest {

    @Test
    void identicalSpansGiveKappaOne() {
        AnnotatedText text = text(20, layer("ann", 5, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(CharacterKappa.of(text, "ann", "bob", "x")).hasValueCloseTo(1.0, within(1e-12));
    }

    /*
     * 20 code points. ann covers [0,10), bob [5,10): both 5, only ann 5, neither 10.
     * p_o = 15/20 = 0.75; p_ann = 0.5, p_bob = 0.25; p_e = 0.5·0.25 + 0.5·0.75 = 0.5.
     * κ = (0.75 - 0.5) / (1 - 0.5) = 0.5.
     */
    @Test
    void nestedSpanByHand() {
        AnnotatedText text = text(20, layer("ann", 0, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(CharacterKappa.of(text, "ann", "bob", "x")).hasValueCloseTo(0.5, within(1e-12));
        assertThat(CharacterKappa.of(text, "bob", "ann", "x")).hasValueCloseTo(0.5, within(1e-12));
    }

    /*
     * ann [0,5), bob [10,15) of 20: both 0, only one 10, neither 10. p_o = 0.5;
     * p_ann = p_bob = 0.25; p_e = 0.0625 + 0.5625 = 0.625; κ = (0.5 - 0.625) / 0.375 = -1/3.
     */
    @Test
    void disjointSpansByHand() {
        AnnotatedText text = text(20, layer("ann", 0, 5, "x"), layer("bob", 10, 15, "x"));

        assertThat(CharacterKappa.of(text, "ann", "bob", "x")).hasValueCloseTo(-1.0 / 3, within(1e-12));
    }

    @Test
    void notDefinedWhenNobodyUsedTheLabel() {
        AnnotatedText text = text(20, layer("ann", 0, 5, "x"), layer("bob", 0, 5, "x"));

        assertThat(CharacterKappa.of(text, "ann", "bob", "y")).isEmpty();
    }

    @Test
    void overallIsTheMeanOfTheDefinedPerLabelKappas() {
        // x: 0.5 (the nested case), y: identical -> 1, z: unused -> left out. Mean (0.5 + 1) / 2 = 0.75.
        AnnotatedText text = text(20, layer("ann", 0, 10, "x", 12, 18, "y"), layer("bob", 5, 10, "x", 12, 18, "y"));

        assertThat(CharacterKappa.of(text, "ann", "bob", Set.of("x", "y", "z"))).hasValueCloseTo(0.75, within(1e-12));
    }

    @Test
    void overlappingSpansOfOneLabelCoverEachPositionOnce() {
        // ann's [0,5) + [3,10) cover exactly [0,10): same as the nested case, 0.5.
        AnnotatedText text = text(20, layer("ann", 0, 5, "x", 3, 10, "x"), layer("bob", 5, 10, "x"));

        assertThat(CharacterKappa.of(text, "ann", "bob", "x")).hasValueCloseTo(0.5, within(1e-12));
    }
}
