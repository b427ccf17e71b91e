package org.slant.teaching;

import java.util.List;
import org.slant.agreement.SpanMatchCounts;

/**
 * What a student sees after submitting: a verdict for each of their spans (reading order), the
 * reference spans they missed with explanations, a score per label in play and over all of them
 * (counts summed over labels, i.e. micro-averaged).
 */
public record Feedback(Submission submission, List<SpanVerdict> verdicts, List<MissedSpan> missed,
                       List<LabelScore> scores, SpanMatchCounts overall, String overallSentence) {

    public Feedback {
        verdicts = List.copyOf(verdicts);
        missed = List.copyOf(missed);
        scores = List.copyOf(scores);
    }
}
