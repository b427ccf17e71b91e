package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.annotation.StructuredFixture;
import org.slant.document.CodePointIndex;
import org.slant.document.Sentences;
import org.slant.label.AttributeValue;

/**
 * Feedback on attributes, links, sentence labels and document answers, on hand-made cases over
 * {@link StructuredFixture#TEXT}: "😀 Merz said the talks failed. Critics claimed Putin won! Nobody knows."
 */
class StructureGradingTest {

    private static final Instant T0 = Instant.parse("2025-09-01T08:00:00Z");
    private static final String TEXT = StructuredFixture.TEXT;
    private static final List<Sentences.Sentence> SENTENCES = Sentences.of(TEXT);

    private static final Span CLAIMED = span("r-claimed", "claimed", "bias",
            Map.of("polarity", text("negative"), "target", text("Putin")));
    private static final Span TALKS = span("r-talks", "the talks failed", "attribution", Map.of());
    private static final Span MERZ = span("r-merz", "Merz", "source", Map.of());
    private static final Span SAID = span("r-said", "said", "cue", Map.of());
    private static final Exercise EXERCISE = new Exercise("ex", "Ex", "talks", "teacher", "gold",
            List.of(CLAIMED, TALKS, MERZ, SAID), Map.of(), "", new LinkedHashSet<>(List.of("bias", "attribution", "source", "cue")),
            false, null, null, false, T0, new Structure(
                    List.of(link("r-l1", "source", TALKS, MERZ), link("r-l2", "cue", TALKS, SAID)),
                    List.of(sentence(1, "biased", "yes"), sentence(2, "biased", "no")),
                    Map.of("tone", text("anti"))));

    private static AttributeValue text(String v) {
        return new AttributeValue.Text(v);
    }

    private static Span span(String id, String part, String label, Map<String, AttributeValue> attributes) {
        int utf16 = TEXT.indexOf(part);
        int start = TEXT.codePointCount(0, utf16);
        int end = start + part.codePointCount(0, part.length());
        return new Span(id, start, end, label, part, null, "x", T0, T0, attributes);
    }

    private static Link link(String id, String type, Span from, Span to) {
        return new Link(id, type, from.id(), to.id(), "x", T0);
    }

    /** The labels of sentence {@code number} (from 1). */
    private static SentenceAnnotation sentence(int number, String label, String value) {
        Sentences.Sentence s = SENTENCES.get(number - 1);
        return new SentenceAnnotation(s.start(), s.end(), new CodePointIndex(TEXT).slice(TEXT, s.start(), s.end()),
                Map.of(label, text(value)));
    }

    private static Feedback grade(List<Span> spans, Structure structure) {
        return Grading.feedback(EXERCISE, new Submission("ex", "ana", T0, false, 1, spans, structure),
                StructuredFixture.SCHEME, TEXT);
    }

    private static SpanVerdict verdictOf(Feedback f, String spanId) {
        return f.verdicts().stream().filter(v -> v.studentSpan().id().equals(spanId)).findFirst().orElseThrow();
    }

    @Test
    void theRightLabelWithTheWrongPolarityIsAMatchWhoseAttributeIsNamed() {
        Span mine = span("s-claimed", "claimed", "bias", Map.of("polarity", text("positive"), "target", text("Putin")));

        Feedback f = grade(List.of(mine), Structure.NONE);

        SpanVerdict v = verdictOf(f, "s-claimed");
        assertThat(v.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(v.attributes()).extracting(ValueVerdict::item, ValueVerdict::agrees, ValueVerdict::sentence).containsExactly(
                tuple("polarity", false, "Polarity: you said positive, the reference says negative."),
                tuple("target", true, "Target: “Putin”, as in the reference."));
        assertThat(v.attributeDifferences()).extracting(ValueVerdict::item).containsExactly("polarity");
        assertThat(f.structureScores()).filteredOn(s -> s.part().equals("attributes")).singleElement().satisfies(s -> {
            assertThat(s.right()).isEqualTo(1);
            assertThat(s.reference()).isEqualTo(2);
            assertThat(s.sentence()).isEqualTo("On the passages you found, 1 of the 2 attribute values the reference gives "
                    + "are yours too (1 of your 2 differ or are not in the reference).");
        });
        // the span score is the span score: the wrong polarity does not lower it
        assertThat(f.scores().getFirst().f1()).hasValue(1.0);
    }

    @Test
    void anAttributeLeftOutOrAddedIsSaidSo() {
        Span mine = span("s-claimed", "claimed", "bias", Map.of("target", text("Putin"), "intensity", new AttributeValue.Number(4)));

        SpanVerdict v = verdictOf(grade(List.of(mine), Structure.NONE), "s-claimed");

        assertThat(v.attributeDifferences()).extracting(ValueVerdict::sentence).containsExactly(
                "Polarity: you gave none; the reference says negative.",
                "Intensity: you said 4; the reference gives none.");
    }

    @Test
    void aLinkToTheWrongSourceNamesBothAndAMissingLinkIsMissed() {
        Span talks = span("s-talks", "the talks failed", "attribution", Map.of());
        Span critics = span("s-critics", "Critics", "source", Map.of());
        Span said = span("s-said", "said", "cue", Map.of());

        Feedback f = grade(List.of(talks, critics, said),
                new Structure(List.of(link("s-l1", "source", talks, critics)), List.of(), Map.of()));

        assertThat(f.links()).extracting(LinkVerdict::kind, LinkVerdict::sentence).containsExactly(
                tuple(LinkVerdict.Kind.OTHER_END,
                        "You linked “the talks failed” to “Critics” as its source; the reference links it to “Merz”."),
                tuple(LinkVerdict.Kind.MISSED,
                        "The reference links “the talks failed” to “said” as its cue; you did not link them."));
        assertThat(f.structureScores()).filteredOn(s -> s.part().equals("links")).singleElement()
                .satisfies(s -> assertThat(s.sentence())
                        .isEqualTo("You made 0 of the reference's 2 links, and 0 of your 1 are in it. Score (F1): 0.00."));
    }

    @Test
    void theRightLinksMatchAndALinkBetweenPassagesNotFoundSaysWhichIsMissing() {
        Span talks = span("s-talks", "the talks failed", "attribution", Map.of());
        Span merz = span("s-merz", "Merz", "source", Map.of());
        Span claimed = span("s-claimed", "claimed", "bias", Map.of());

        Feedback f = grade(List.of(talks, merz, claimed), new Structure(List.of(link("s-l1", "source", talks, merz),
                link("s-l2", "about", claimed, talks)), List.of(), Map.of()));

        assertThat(f.links()).extracting(LinkVerdict::kind, LinkVerdict::sentence).containsExactly(
                tuple(LinkVerdict.Kind.MATCH, "You linked “the talks failed” to “Merz” as its source, as the reference does."),
                tuple(LinkVerdict.Kind.MISSED,
                        "The reference links “the talks failed” to “said” as its cue; you did not mark “said” as Cue."),
                tuple(LinkVerdict.Kind.NOT_IN_REFERENCE,
                        "You linked “claimed” to “the talks failed” as about; the reference has no such link."));
        assertThat(f.structureScores()).filteredOn(s -> s.part().equals("links")).singleElement()
                .satisfies(s -> assertThat(s.sentence()).endsWith("Score (F1): 0.50."));
    }

    @Test
    void sentenceLabelsAndAnswersAreComparedValueByValue() {
        Feedback f = grade(List.of(), new Structure(List.of(),
                List.of(sentence(1, "biased", "yes"), sentence(2, "biased", "yes"), sentence(3, "biased", "no")),
                Map.of("tone", text("pro"), "note", text("about Putin"))));

        assertThat(f.sentences()).extracting(ValueVerdict::agrees, ValueVerdict::sentence).containsExactly(
                tuple(true, "Sentence 1: biased, as in the reference."),
                tuple(false, "Sentence 2: you said biased, the reference says not biased."),
                tuple(false, "Sentence 3: you said not biased; the reference gives none."));
        assertThat(f.answers()).extracting(ValueVerdict::sentence).containsExactly(
                "Tone: you said pro, the reference says anti.",
                "Comment: you said “about Putin”; the reference gives none.");
        assertThat(f.structureScores()).extracting(StructureScore::part, StructureScore::sentence).containsExactly(
                tuple("links", "You made no links; the reference has 2, so your link score is 0."),
                tuple("sentences", "You agree with the reference on 1 of its 2 sentence labels."),
                tuple("answers", "Your answers agree with the reference's on 0 of its 1 document question."));
    }

    @Test
    void aPassageWithTheWrongLabelIsAWrongLabelAndNotAlsoMissed() {
        // issue 12: it was listed under "Wrong label" and under "Passages you missed"
        Feedback f = grade(List.of(span("s", "claimed", "source", Map.of())), Structure.NONE);

        assertThat(verdictOf(f, "s").verdict()).isEqualTo(Verdict.WRONG_LABEL);
        assertThat(verdictOf(f, "s").reference()).contains(CLAIMED);
        assertThat(f.missed()).extracting(m -> m.reference().id()).containsExactly("r-merz", "r-said", "r-talks");
        assertThat(f.scores().getFirst().counts().matched()).isZero(); // still not found for its label's score
    }

    @Test
    void anExerciseOfSpansOnlyGivesNoStructureFeedback() {
        Exercise plain = new Exercise("ex", "Ex", "talks", "teacher", "gold", List.of(CLAIMED), Map.of(), "",
                new LinkedHashSet<>(List.of("bias")), false, null, null, false, T0);

        Feedback f = Grading.feedback(plain, new Submission("ex", "ana", T0, false, 1, List.of()), StructuredFixture.SCHEME);

        assertThat(f.links()).isEmpty();
        assertThat(f.sentences()).isEmpty();
        assertThat(f.structureScores()).isEmpty();
    }
}
