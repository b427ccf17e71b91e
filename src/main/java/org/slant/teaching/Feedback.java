package org.slant.teaching;

import java.util.List;
import org.slant.agreement.SpanMatchCounts;

/**
 * What a student sees after submitting: a verdict for each of their spans (reading order, with their attributes
 * compared on a match), the reference spans they missed with explanations, a score per label in play and over all
 * of them (counts summed over labels, i.e. micro-averaged); and, when the exercise has them, a verdict per link,
 * per sentence label and per document answer, with a score for each part ({@code structureScores}). The span
 * score is the exercise's score; structure is scored beside it, never folded in ({@link Grading}).
 */
public record Feedback(Submission submission, List<SpanVerdict> verdicts, List<MissedSpan> missed,
                       List<LabelScore> scores, SpanMatchCounts overall, String overallSentence,
                       List<LinkVerdict> links, List<ValueVerdict> sentences, List<ValueVerdict> answers,
                       List<StructureScore> structureScores) {

    public Feedback {
        verdicts = List.copyOf(verdicts);
        missed = List.copyOf(missed);
        scores = List.copyOf(scores);
        links = links == null ? List.of() : List.copyOf(links);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        answers = answers == null ? List.of() : List.copyOf(answers);
        structureScores = structureScores == null ? List.of() : List.copyOf(structureScores);
    }

    public Feedback(Submission submission, List<SpanVerdict> verdicts, List<MissedSpan> missed, List<LabelScore> scores,
                    SpanMatchCounts overall, String overallSentence) {
        this(submission, verdicts, missed, scores, overall, overallSentence, List.of(), List.of(), List.of(), List.of());
    }
}
