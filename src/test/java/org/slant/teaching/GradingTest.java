package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.teaching.TeachingFixture.T0;
import static org.slant.teaching.TeachingFixture.exerciseWith;
import static org.slant.teaching.TeachingFixture.span;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slant.agreement.SpanMatchCounts;
import org.slant.annotation.Span;
import org.slant.label.Scheme;

class GradingTest {

    private static final Span A = span("a", "HUMILIATED", "sensational", "teacher");
    private static final Span B = span("b", "seem doomed", "opinion", "teacher");
    private static final Span C = span("c", "officials said", "attribution", "teacher"); // not in play
    private static final Span D = span("d", "the nation", "opinion", "teacher");

    private static final Exercise EXERCISE = exerciseWith(List.of(A, B, C, D), new java.util.LinkedHashSet<>(List.of("sensational", "opinion", "fact")))
            .withExplanations(Map.of("a", "'HUMILIATED' in capitals is an emotional verdict, not a reported event",
                    "d", "Whose nation? The writer takes a side."));

    private static Feedback grade(Span... spans) {
        return Grading.feedback(EXERCISE, new Submission("ex", "ana", T0, false, 1, List.of(spans)), Scheme.defaults());
    }

    private static SpanVerdict verdictOf(Feedback f, String spanId) {
        return f.verdicts().stream().filter(v -> v.studentSpan().id().equals(spanId)).findFirst().orElseThrow();
    }

    @Test
    void verdictsMissedSpansAndScoresOnAHandMadeCase() {
        Feedback f = grade(
                span("s1", "HUMILIATED the", "sensational", "ana"),
                span("s2", "talks seem", "sensational", "ana"),
                span("s3", "officials", "opinion", "ana"),
                span("s4", "Trump", "opinion", "ana"),
                span("s5", "doomed", "opinion", "ana"));

        assertThat(verdictOf(f, "s1").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(verdictOf(f, "s1").reference()).contains(A);
        assertThat(verdictOf(f, "s1").explanation()).hasValueSatisfying(e -> assertThat(e).startsWith("'HUMILIATED'"));
        assertThat(verdictOf(f, "s2").verdict()).isEqualTo(Verdict.WRONG_LABEL);
        assertThat(verdictOf(f, "s2").reference()).contains(B);
        // the reference's attribution span is not in play: it is neither graded nor shown
        assertThat(verdictOf(f, "s3").verdict()).isEqualTo(Verdict.NOT_IN_REFERENCE);
        assertThat(verdictOf(f, "s3").reference()).isEmpty();
        assertThat(verdictOf(f, "s4").verdict()).isEqualTo(Verdict.NOT_IN_REFERENCE);
        assertThat(verdictOf(f, "s5").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(verdictOf(f, "s5").reference()).contains(B);

        assertThat(f.missed()).extracting(MissedSpan::reference).containsExactly(D);
        assertThat(f.missed().getFirst().explanation()).contains("Whose nation? The writer takes a side.");

        assertThat(f.scores()).extracting(LabelScore::label).containsExactly("sensational", "opinion", "fact");
        LabelScore sensational = f.scores().get(0);
        assertThat(sensational.counts()).isEqualTo(new SpanMatchCounts(1, 2, 1));
        assertThat(sensational.f1()).hasValue(2.0 / 3);
        assertThat(sensational.sentence()).isEqualTo("You found the one sensational-framing passage in the reference, "
                + "and 1 of your 2 was in it. Score (F1): 0.67.");
        assertThat(f.scores().get(1).counts()).isEqualTo(new SpanMatchCounts(1, 3, 2));
        assertThat(f.scores().get(2).f1()).isEmpty();
        assertThat(f.scores().get(2).sentence()).startsWith("Neither you nor the reference marked any reported-fact");
        assertThat(f.overall()).isEqualTo(new SpanMatchCounts(2, 5, 3));
    }

    @Test
    void aSpanOverlappingReferenceSpansOfSeveralLabelsMatchesItsOwnLabelFirst() {
        // overlaps A (sensational, 10 code points) and D (opinion, 3): the same-label pairing decides
        Feedback f = grade(span("s", "HUMILIATED the", "opinion", "ana"));

        assertThat(f.verdicts().getFirst().verdict()).isEqualTo(Verdict.MATCH);
        assertThat(f.verdicts().getFirst().reference()).contains(D);
    }

    @Test
    void anUnmatchedSpanOverlappingSeveralOtherLabelsIsAWrongLabelForTheLargestOverlap() {
        // fact is in play but the reference has none: overlaps A by 10 and D by 3 code points
        Feedback f = grade(span("s", "Trump HUMILIATED the", "fact", "ana"));

        assertThat(f.verdicts().getFirst().verdict()).isEqualTo(Verdict.WRONG_LABEL);
        assertThat(f.verdicts().getFirst().reference()).contains(A);
        assertThat(f.verdicts().getFirst().explanation()).isPresent();
    }

    @Test
    void aSecondSpanOnAnAlreadyMatchedPassageCountsOnceAndIsNotInTheReference() {
        Feedback f = grade(span("long", "seem doomed", "opinion", "ana"), span("short", "doomed", "opinion", "ana"));

        assertThat(verdictOf(f, "long").verdict()).isEqualTo(Verdict.MATCH);
        SpanVerdict extra = verdictOf(f, "short");
        assertThat(extra.verdict()).isEqualTo(Verdict.NOT_IN_REFERENCE);
        assertThat(extra.reference()).contains(B); // found, but B counts once
        assertThat(f.scores().get(1).counts()).isEqualTo(new SpanMatchCounts(1, 2, 2));
    }

    @Test
    void anUnmatchedSpanOverlappingATakenSameLabelSpanAndAnotherLabelIsAWrongLabel() {
        // m takes A (10 shared code points against x's 4); x also overlaps D (opinion)
        Feedback f = grade(span("m", "HUMILIATED", "sensational", "ana"), span("x", "ATED the nation", "sensational", "ana"));

        assertThat(verdictOf(f, "m").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(verdictOf(f, "x").verdict()).isEqualTo(Verdict.WRONG_LABEL);
        assertThat(verdictOf(f, "x").reference()).contains(D);
        assertThat(f.scores().getFirst().counts()).isEqualTo(new SpanMatchCounts(1, 2, 1));
    }

    @Test
    void sentencesInPlainWords() {
        assertThat(Grading.sentence(new SpanMatchCounts(3, 4, 5), "Sensational framing")).isEqualTo(
                "You found 3 of the 5 sensational-framing passages in the reference, and 3 of your 4 were in it. Score (F1): 0.67.");
        assertThat(Grading.sentence(new SpanMatchCounts(0, 0, 2), "Opinion"))
                .isEqualTo("You marked no opinion passages; the reference has 2 opinion passages, so your score is 0.");
        assertThat(Grading.sentence(new SpanMatchCounts(0, 1, 0), "Opinion")).contains("reference marks no opinion passages");
        assertThat(Grading.sentence(new SpanMatchCounts(0, 1, 1), "Opinion"))
                .isEqualTo("You did not find the one opinion passage in the reference, and your one was not in it. Score (F1): 0.00.");
    }

    @Test
    void studentSpansOfLabelsNotInPlayAreIgnored() {
        Feedback f = grade(span("s", "officials said", "attribution", "ana"));

        assertThat(f.verdicts()).isEmpty();
        assertThat(f.overall().predicted()).isZero();
    }
}
