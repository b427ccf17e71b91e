package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slant.agreement.Layers.choices;
import static org.slant.agreement.Layers.link;
import static org.slant.agreement.Layers.number;
import static org.slant.agreement.Layers.span;
import static org.slant.agreement.Layers.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/** Attribute, link, sentence-label and question agreement over layers, against values worked out by hand. */
class StructureAgreementTest {

    /** Like annotation/StructuredAnnotationTest.SCHEME: a BASIL-like bias label, PARC-like roles, BABE-like sentences. */
    static final Scheme SCHEME = new Scheme(List.of(
            new Label("bias", "Bias", "#d9480f", "1", "wavy", "", List.of(
                    Attribute.choice("polarity", "Polarity", true, "",
                            new Choice("pos", "Positive", "p", ""), new Choice("neg", "Negative", "n", "")),
                    Attribute.of("target", "Target", AttributeKind.ENTITY, false, ""),
                    Attribute.scale("intensity", "Intensity", 1, 5, false, ""),
                    Attribute.choices("frames", "Frames", false, "", new Choice("e", "Economic"), new Choice("l", "Legality")),
                    Attribute.of("comment", "Comment", AttributeKind.TEXT, false, ""))),
            new Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new Label("source", "Source", "#0b7285", "3", "dotted", ""),
            new Label("cue", "Cue", "#5f3dc4", "4", "dashed", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, ""),
                    LinkType.role("cue", "Cue", "attribution", List.of("cue"), false, "")),
            List.of(Attribute.choice("biased", "Biased", true, "", new Choice("y", "Biased"), new Choice("n", "Not biased"))),
            List.of(Attribute.choice("tone", "Tone", true, "", new Choice("pro", "Pro"), new Choice("neutral", "Neutral"),
                    new Choice("anti", "Anti")), Attribute.of("note", "Comment", AttributeKind.TEXT, false, "")));

    private static final String TEXT = "x".repeat(100);

    private static Layer spans(String annotator, List<Span> spans) {
        return Layers.layer(annotator, spans, List.of(), List.of(), Map.of());
    }

    private static Map<String, AttributeValue> values(Object... idValue) {
        Map<String, AttributeValue> m = new HashMap<>();
        for (int i = 0; i < idValue.length; i += 2) {
            m.put((String) idValue[i], (AttributeValue) idValue[i + 1]);
        }
        return m;
    }

    private static CodedRow attribute(StructureAgreement s, String id) {
        return s.attributes().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /*
     * Six bias spans each, paired by overlap (bob's are one character shorter), carrying the hand-worked tables of
     * CodingTest:
     *   polarity  (ann, bob): pos/pos ×3, pos/neg, neg/neg ×2              -> κ 2/3, α (nominal) 24/35, 6 pairs
     *   intensity on pairs 1-3: (1,1), (1,2), (3,3)                         -> κ 1/2, α (ordinal) 7/9
     *   frames on pairs 1-3: ({e},{e}), ({e,l},{e}), ({l},{e})              -> κ 0, α (MASI) −3/22
     *   target on pairs 1-2: "Vladimir Putin" / "vladimir  putin", "Vladimir Putin" / "VLADIMIRPUTIN": one name
     *     after folding case and white space -> all the same, α and κ not defined.
     * Also: ann's span at [60,65) has no partner (not a unit); at [70,75) only ann set polarity (one-sided, left out);
     * comment is free text (no row).
     */
    static List<Layer> biasLayers() {
        String[][] polarity = {{"pos", "pos"}, {"pos", "pos"}, {"pos", "pos"}, {"pos", "neg"}, {"neg", "neg"}, {"neg", "neg"}};
        Object[][] intensity = {{1, 1}, {1, 2}, {3, 3}};
        AttributeValue[][] frames = {{choices("e"), choices("e")}, {choices("e", "l"), choices("e")},
                {choices("l"), choices("e")}};
        String[][] target = {{"Vladimir Putin", "vladimir  putin"}, {"Vladimir Putin", "VLADIMIRPUTIN"}};
        List<Span> ann = new ArrayList<>();
        List<Span> bob = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Map<String, AttributeValue>> v = List.of(new HashMap<>(), new HashMap<>());
            for (int who = 0; who < 2; who++) {
                v.get(who).put("polarity", text(polarity[i][who]));
                if (i < 3) {
                    v.get(who).put("intensity", number((Integer) intensity[i][who]));
                    v.get(who).put("frames", frames[i][who]);
                }
                if (i < 2) {
                    v.get(who).put("target", text(target[i][who]));
                }
                v.get(who).put("comment", text(who == 0 ? "loaded word" : "strong"));
            }
            ann.add(span("a" + i, 10 * i, 10 * i + 5, "bias", v.get(0)));
            bob.add(span("b" + i, 10 * i + 1, 10 * i + 5, "bias", v.get(1)));
        }
        ann.add(span("a-alone", 60, 65, "bias", values("polarity", text("neg"))));
        ann.add(span("a-one-sided", 70, 75, "bias", values("polarity", text("neg"))));
        bob.add(span("b-one-sided", 70, 75, "bias", Map.of()));
        return List.of(spans("ann", ann), spans("bob", bob));
    }

    @Test
    void attributesAgreeOverSpansMatchedByOverlap() {
        StructureAgreement s = StructureAgreement.of(List.of(new TeamLayers(TEXT, biasLayers())), SCHEME, List.of("ann", "bob"));

        assertThat(s.attributes()).extracting(CodedRow::id).containsExactly("polarity", "target", "intensity", "frames");
        CodedRow polarity = attribute(s, "polarity");
        assertThat(polarity.label()).isEqualTo("bias");
        assertThat(polarity.measure()).isEqualTo(ValueDistance.NOMINAL);
        assertThat(polarity.kappa()).hasValueCloseTo(2.0 / 3, within(1e-9));
        assertThat(polarity.alpha()).hasValueCloseTo(24.0 / 35, within(1e-9));
        assertThat(polarity.units()).isEqualTo(6);
        assertThat(polarity.oneSided()).isEqualTo(1);
        assertThat(polarity.pairs()).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("ann");
            assertThat(p.kappa()).hasValueCloseTo(2.0 / 3, within(1e-9));
            assertThat(p.alpha()).hasValueCloseTo(24.0 / 35, within(1e-9));
        });
        assertThat(polarity.reading()).isEqualTo("κ 0.67, substantial agreement; α 0.69, tentative conclusions only. "
                + "Rests on 6 matched span pairs: too few to say much. 1 matched span pair with a value from one annotator only "
                + "is left out.");

        CodedRow intensity = attribute(s, "intensity");
        assertThat(intensity.measure()).isEqualTo(ValueDistance.ORDINAL);
        assertThat(intensity.alpha()).hasValueCloseTo(7.0 / 9, within(1e-9));
        assertThat(intensity.kappa()).hasValueCloseTo(0.5, within(1e-9));
        assertThat(intensity.units()).isEqualTo(3);

        CodedRow frames = attribute(s, "frames");
        assertThat(frames.measure()).isEqualTo(ValueDistance.MASI);
        assertThat(frames.alpha()).hasValueCloseTo(-3.0 / 22, within(1e-9));
        assertThat(frames.kappa()).hasValueCloseTo(0.0, within(1e-9));

        CodedRow target = attribute(s, "target");
        assertThat(target.units()).isEqualTo(2);
        assertThat(target.alpha()).isEmpty();
        assertThat(target.kappa()).isEmpty();
        assertThat(target.reading()).isEqualTo("Not defined: all 2 matched span pairs carry the same value, so agreement "
                + "cannot be told from chance.");
    }

    /*
     * cid codes exactly as bob. Pairs: (ann,bob) and (ann,cid) give the table above; (bob,cid) agree on all 6
     * (pos/pos ×3, neg/neg ×3). Pooled: o_pp = 2·6 + 6 = 18, o_nn = 2·4 + 6 = 14, o_pn = o_np = 2; n = 36,
     * n_pos = 20, n_neg = 16. D_O = 4/36 = 1/9; D_E = 2·20·16/(36·35) = 32/63; α = 1 − (1/9)/(32/63) = 25/32.
     * κ: mean of 2/3, 2/3 and 1 = 7/9. Units: 18 matched span pairs.
     */
    @Test
    void withThreeAnnotatorsAlphaPoolsEveryPairsMatchesAndKappaIsTheirMean() {
        List<Layer> layers = new ArrayList<>(biasLayers());
        Layer bob = layers.get(1);
        layers.add(new Layer("doc", "cid", 1, bob.spans(), List.of(), List.of(), Map.of(), null));

        CodedRow polarity = attribute(StructureAgreement.of(List.of(new TeamLayers(TEXT, layers)), SCHEME,
                List.of("ann", "bob", "cid")), "polarity");

        assertThat(polarity.alpha()).hasValueCloseTo(25.0 / 32, within(1e-9));
        assertThat(polarity.kappa()).hasValueCloseTo(7.0 / 9, within(1e-9));
        assertThat(polarity.units()).isEqualTo(18);
        assertThat(polarity.pairs()).extracting(CodedRow.CodedPair::units).containsExactly(6, 6, 6);
        assertThat(polarity.pairs().get(2).kappa()).hasValueCloseTo(1.0, within(1e-12));
    }

    @Test
    void noMatchedPairsOrOneAnnotatorSaySo() {
        Layer ann = spans("ann", List.of(span("a", 0, 5, "bias", values("polarity", text("pos")))));
        Layer bob = spans("bob", List.of(span("b", 20, 25, "bias", values("polarity", text("neg")))));

        CodedRow apart = attribute(StructureAgreement.of(List.of(new TeamLayers(TEXT, List.of(ann, bob))), SCHEME,
                List.of("ann", "bob")), "polarity");
        assertThat(apart.units()).isZero();
        assertThat(apart.alpha()).isEmpty();
        assertThat(apart.reading()).isEqualTo("Nothing to compare: no matched span pair where two annotators both gave a value.");

        StructureAgreement alone = StructureAgreement.of(List.of(new TeamLayers(TEXT, List.of(ann))), SCHEME, List.of("ann"));
        assertThat(attribute(alone, "polarity").reading())
                .isEqualTo("Agreement is not defined: it needs at least two annotators, and there is 1.");
        assertThat(alone.links()).allSatisfy(r -> assertThat(r.pairs()).isEmpty());
        assertThat(alone.questions().getFirst().alpha()).isEmpty();
    }

    /*
     * ann: attribution A1 [0,10) with source S1 [12,15) and cue C1 [16,20); attribution A2 [30,40) with source S2 [42,45).
     * bob: attribution [0,9), source [12,16), cue [16,19) -- all overlap ann's, same labels -- and attribution [30,40)
     * with source [50,55), which overlaps nothing of ann's.
     * Links, ann (reference): source A1->S1, cue A1->C1, source A2->S2; bob: the same three on his spans.
     *   source: bob's a1->s1 matches; a2->s2 does not (its end s2 matches no span of ann's): matched 1 of 2, of 2:
     *           P = R = F1 = 1/2.
     *   cue:    matched 1 of 1, of 1: F1 = 1.
     *   all types: matched 2 of 3, of 3: P = R = 2/3, F1 = 2·2/6 = 2/3.
     */
    @Test
    void aLinkMatchesWhenBothEndsMatchByOverlapAndItsTypeIsTheSame() {
        Layer ann = Layers.layer("ann", List.of(span("A1", 0, 10, "attribution", Map.of()), span("S1", 12, 15, "source", Map.of()),
                        span("C1", 16, 20, "cue", Map.of()), span("A2", 30, 40, "attribution", Map.of()),
                        span("S2", 42, 45, "source", Map.of())),
                List.of(link("l1", "source", "A1", "S1"), link("l2", "cue", "A1", "C1"), link("l3", "source", "A2", "S2")),
                List.of(), Map.of());
        Layer bob = Layers.layer("bob", List.of(span("a1", 0, 9, "attribution", Map.of()), span("s1", 12, 16, "source", Map.of()),
                        span("c1", 16, 19, "cue", Map.of()), span("a2", 30, 40, "attribution", Map.of()),
                        span("s2", 50, 55, "source", Map.of())),
                List.of(link("m1", "source", "a1", "s1"), link("m2", "cue", "a1", "c1"), link("m3", "source", "a2", "s2")),
                List.of(), Map.of());

        List<LinkRow> links = StructureAgreement.of(List.of(new TeamLayers(TEXT, List.of(ann, bob))), SCHEME,
                List.of("ann", "bob")).links();

        assertThat(links).extracting(LinkRow::type).containsExactly("source", "cue", null);
        LinkRow source = links.get(0);
        assertThat(source.links()).isEqualTo(4);
        assertThat(source.pairs().getFirst().counts()).isEqualTo(new SpanMatchCounts(1, 2, 2));
        assertThat(source.precision()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(source.recall()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(source.f1()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(links.get(1).f1()).hasValueCloseTo(1.0, within(1e-12));
        LinkRow all = links.get(2);
        assertThat(all.isOverall()).isTrue();
        assertThat(all.pairs().getFirst().counts()).isEqualTo(new SpanMatchCounts(2, 3, 3));
        assertThat(all.f1()).hasValueCloseTo(2.0 / 3, within(1e-12));
        assertThat(all.reading()).isEqualTo("67% of the links have a link of the same type between the matching spans "
                + "(F1 0.67), over 6 links: too few to say much.");
    }

    @Test
    void aReversedLinkOrAnotherTypeDoesNotMatch() {
        List<Span> spans = List.of(span("A", 0, 10, "attribution", Map.of()), span("S", 12, 15, "source", Map.of()));
        Layer ann = Layers.layer("ann", spans, List.of(link("l1", "source", "A", "S")), List.of(), Map.of());
        Layer reversed = Layers.layer("bob", spans, List.of(link("m1", "source", "S", "A"), link("m2", "cue", "A", "S")),
                List.of(), Map.of());

        LinkRow all = StructureAgreement.of(List.of(new TeamLayers(TEXT, List.of(ann, reversed))), SCHEME,
                List.of("ann", "bob")).links().getLast();

        assertThat(all.pairs().getFirst().counts()).isEqualTo(new SpanMatchCounts(0, 2, 1));
        assertThat(all.f1()).hasValue(0.0);
    }

    /*
     * Four sentences. biased: ann y, y, n, n; bob y, n, n, (none). Units with both: (y,y), (y,n), (n,n); one-sided: 1.
     * α: o_yy = 2, o_yn = o_ny = 1, o_nn = 2, n = 6, n_y = n_n = 3; D_O = 2/6 = 1/3; D_E = 2·3·3/(6·5) = 3/5;
     *    α = 1 − (1/3)/(3/5) = 4/9.
     * κ: p_o = 2/3; ann y 2, n 1; bob y 1, n 2; p_e = (2·1 + 1·2)/9 = 4/9; κ = (2/3 − 4/9)/(5/9) = 2/5.
     */
    @Test
    void sentenceLabelsAgreeOverTheDocumentsSentences() {
        String text = "One is here. Two is here. Three is here. Four is here.";
        List<Sentences.Sentence> sentences = Sentences.of(text);
        assertThat(sentences).hasSize(4);
        Layer ann = Layers.layer("ann", List.of(), List.of(), labelled(text, sentences, "y", "y", "n", "n"), Map.of());
        Layer bob = Layers.layer("bob", List.of(), List.of(), labelled(text, sentences, "y", "n", "n", null), Map.of());

        CodedRow biased = StructureAgreement.of(List.of(new TeamLayers(text, List.of(ann, bob))), SCHEME,
                List.of("ann", "bob")).sentenceLabels().getFirst();

        assertThat(biased.scope()).isEqualTo(CodedRow.Scope.SENTENCE_LABEL);
        assertThat(biased.alpha()).hasValueCloseTo(4.0 / 9, within(1e-9));
        assertThat(biased.kappa()).hasValueCloseTo(0.4, within(1e-9));
        assertThat(biased.units()).isEqualTo(3);
        assertThat(biased.oneSided()).isEqualTo(1);
        assertThat(biased.reading()).isEqualTo("κ 0.40, fair agreement; α 0.44, unreliable. Rests on 3 sentences: "
                + "too few to say much. 1 sentence with a value from one annotator only is left out.");
    }

    private static List<SentenceAnnotation> labelled(String text, List<Sentences.Sentence> sentences, String... values) {
        List<SentenceAnnotation> result = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                Sentences.Sentence s = sentences.get(i);
                result.add(new SentenceAnnotation(s.start(), s.end(), text.substring(s.start(), s.end()),
                        Map.of("biased", text(values[i]))));
            }
        }
        return result;
    }

    /*
     * Three documents, tone: ann pro, anti, neutral; bob pro, anti, anti.
     * α: o_pp = 2, o_aa = 2, o_na = o_an = 1; n = 6, n_pro = 2, n_anti = 3, n_neutral = 1;
     *    D_O = 2/6 = 1/3; D_E = 2·(2·3 + 2·1 + 3·1)/(6·5) = 11/15; α = 1 − (1/3)/(11/15) = 6/11.
     * κ: p_o = 2/3; ann pro, anti, neutral once each; bob pro 1, anti 2; p_e = (1·1 + 1·2 + 1·0)/9 = 1/3; κ = 1/2.
     * The free-text question "note" gets no row.
     */
    @Test
    void documentQuestionsAgreeOverTheDocuments() {
        String[][] tone = {{"pro", "pro"}, {"anti", "anti"}, {"neutral", "anti"}};
        List<TeamLayers> documents = new ArrayList<>();
        for (String[] t : tone) {
            documents.add(new TeamLayers("A text.", List.of(
                    Layers.layer("ann", List.of(), List.of(), List.of(), values("tone", text(t[0]), "note", text("hm"))),
                    Layers.layer("bob", List.of(), List.of(), List.of(), values("tone", text(t[1]))))));
        }

        List<CodedRow> questions = StructureAgreement.of(documents, SCHEME, List.of("ann", "bob")).questions();

        assertThat(questions).extracting(CodedRow::id).containsExactly("tone");
        CodedRow row = questions.getFirst();
        assertThat(row.alpha()).hasValueCloseTo(6.0 / 11, within(1e-9));
        assertThat(row.kappa()).hasValueCloseTo(0.5, within(1e-9));
        assertThat(row.units()).isEqualTo(3);
        assertThat(row.reading()).startsWith("κ 0.50, moderate agreement; α 0.55, unreliable. Rests on 3 documents:");
    }

    @Test
    void aSchemeWithoutStructureHasNoParts() {
        Scheme plain = new Scheme(List.of(new Label("x", "X", "#111111", "1", "solid", "")));
        StructureAgreement s = StructureAgreement.of(List.of(new TeamLayers(TEXT, biasLayers())), plain, List.of("ann", "bob"));
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void aLinkTypeOnlyTheLayersKnowStillGetsARow() {
        List<Span> spans = List.of(span("A", 0, 10, "bias", Map.of()), span("B", 12, 15, "bias", Map.of()));
        List<Link> links = List.of(link("l", "about", "A", "B"));
        Scheme plain = new Scheme(List.of(new Label("bias", "Bias", "#111111", "1", "solid", "")));
        List<LinkRow> rows = StructureAgreement.of(List.of(new TeamLayers(TEXT, List.of(
                Layers.layer("ann", spans, links, List.of(), Map.of()), Layers.layer("bob", spans, links, List.of(), Map.of())))),
                plain, List.of("ann", "bob")).links();
        assertThat(rows).extracting(LinkRow::type).containsExactly("about", null);
        assertThat(rows.getFirst().f1()).hasValue(1.0);
    }
}
