package org.slant.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.slant.agreement.LabelledRange;
import org.slant.agreement.SpanMatchCounts;
import org.slant.agreement.SpanMatching;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Scheme;

/**
 * Grades a submission against an exercise's reference with agreement's overlap matching
 * ({@link SpanMatching#overlapPairs}: same label, at least one shared code point, one-to-one, greedy by
 * largest overlap), so a student's score is the overlap F1 the agreement page would report.
 *
 * <p>Verdict of a student span (labels in play only), decided in this order:
 * <ol>
 *   <li>MATCH if the matching paired it with a reference span (its partner is that span);</li>
 *   <li>WRONG_LABEL if it shares at least one code point with a reference span of another label in
 *       play; when it overlaps several, the one sharing the most code points is named (ties: reading
 *       order). Same-label reference spans it overlaps do not matter here;</li>
 *   <li>NOT_IN_REFERENCE otherwise. If it overlaps a same-label reference span that was paired with
 *       another of the student's spans, that span is given as its reference: it was found, but counts once.</li>
 * </ol>
 * So verdicts agree with the counts: MATCH spans are exactly the "matched" of precision and recall.
 * A reference span named by a WRONG_LABEL verdict is not also listed as missed: the student found the
 * passage and is told its label was wrong, once (it still counts as not found for its label's recall).
 *
 * <p>Structure is compared on top of that matching and scored beside the span score, never folded into it,
 * so the span score stays the agreement page's overlap F1 and a passage missed is not punished twice:
 * <ul>
 *   <li>attributes: on each MATCH, every attribute the student or the reference gave ({@link SpanVerdict#attributes});</li>
 *   <li>links: a student's link matches a reference link of the same type whose two ends are the passages matched
 *       to the student's two ends; one from the matched passage with the right type but to another passage is
 *       OTHER_END ("you linked the quote to Merz; the reference links it to Macron"); links count only between
 *       passages of labels in play; scored by precision, recall and F1 like the spans;</li>
 *   <li>sentence labels and document answers: value against value, per sentence and label, and per question.</li>
 * </ul>
 */
public final class Grading {

    private Grading() {
    }

    public static Feedback feedback(Exercise exercise, Submission submission, Scheme labelSet) {
        return feedback(exercise, submission, labelSet, null);
    }

    /**
     * @param text the document's text, so sentences are named by their number ("Sentence 3"); null quotes them
     */
    public static Feedback feedback(Exercise exercise, Submission submission, Scheme labelSet, String text) {
        List<Span> reference = exercise.gradedReference();
        List<Span> student = submission.spans().stream().filter(s -> exercise.labels().contains(s.label())).toList();
        List<LabelledRange> refRanges = ranges(reference);
        List<LabelledRange> studentRanges = ranges(student);

        Span[] partner = new Span[student.size()];
        boolean[] refMatched = new boolean[reference.size()];
        List<LabelScore> scores = new ArrayList<>();
        SpanMatchCounts overall = SpanMatchCounts.NONE;
        for (String label : exercise.labels()) {
            for (SpanMatching.Pair pair : SpanMatching.overlapPairs(refRanges, studentRanges, label)) {
                partner[pair.prediction()] = reference.get(pair.reference());
                refMatched[pair.reference()] = true;
            }
            SpanMatchCounts counts = SpanMatching.overlap(refRanges, studentRanges, label);
            overall = overall.plus(counts);
            String name = labelName(labelSet, label);
            scores.add(new LabelScore(label, name, counts, sentence(counts, name)));
        }

        List<SpanVerdict> verdicts = new ArrayList<>();
        Map<String, String> studentOf = new HashMap<>(); // reference span id -> the student's span matched to it
        Set<String> namedAsWrongLabel = new HashSet<>();
        for (int i = 0; i < student.size(); i++) {
            Span s = student.get(i);
            Span ref;
            Verdict verdict;
            List<ValueVerdict> attributes = List.of();
            if (partner[i] != null) {
                verdict = Verdict.MATCH;
                ref = partner[i];
                studentOf.put(ref.id(), s.id());
                attributes = StructureGrading.attributes(s, ref, labelSet);
            } else {
                ref = mostOverlapping(s, reference, r -> !r.label().equals(s.label())).orElse(null);
                if (ref != null) {
                    verdict = Verdict.WRONG_LABEL;
                    namedAsWrongLabel.add(ref.id());
                } else {
                    verdict = Verdict.NOT_IN_REFERENCE;
                    ref = mostOverlapping(s, reference, r -> r.label().equals(s.label())).orElse(null);
                }
            }
            Optional<Span> reference1 = Optional.ofNullable(ref);
            verdicts.add(new SpanVerdict(s, verdict, reference1,
                    reference1.flatMap(r -> exercise.explanation(r.id())), attributes));
        }
        List<MissedSpan> missed = new ArrayList<>();
        for (int r = 0; r < reference.size(); r++) {
            // a passage marked with the wrong label was found: its WRONG_LABEL verdict says so, once
            if (!refMatched[r] && !namedAsWrongLabel.contains(reference.get(r).id())) {
                missed.add(new MissedSpan(reference.get(r), exercise.explanation(reference.get(r).id())));
            }
        }
        StructureGrading structure = new StructureGrading(exercise, submission, student, studentOf, labelSet, text);
        List<LinkVerdict> links = structure.links();
        List<ValueVerdict> sentences = structure.sentences();
        List<ValueVerdict> answers = structure.answers();
        return new Feedback(submission, verdicts, missed, scores, overall, overallSentence(overall), links, sentences,
                answers, structure.scores(verdicts, links, sentences, answers));
    }

    /** Scores only, for the class table: the same matching, without verdicts. */
    public static List<SpanMatchCounts> counts(Exercise exercise, Submission submission) {
        List<LabelledRange> refRanges = ranges(exercise.gradedReference());
        List<LabelledRange> studentRanges = ranges(submission.spans());
        List<SpanMatchCounts> counts = new ArrayList<>();
        for (String label : exercise.labels()) {
            counts.add(SpanMatching.overlap(refRanges, studentRanges, label));
        }
        return counts;
    }

    private static Optional<Span> mostOverlapping(Span s, List<Span> reference, java.util.function.Predicate<Span> which) {
        return reference.stream().filter(which).filter(r -> overlap(s, r) > 0)
                .min(Comparator.comparingInt((Span r) -> -overlap(s, r)).thenComparing(Layer.READING_ORDER));
    }

    private static int overlap(Span a, Span b) {
        return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
    }

    static List<LabelledRange> ranges(List<Span> spans) {
        return spans.stream().map(s -> new LabelledRange(s.start(), s.end(), s.label())).toList();
    }

    static String labelName(Scheme labels, String id) {
        return labels.find(id).map(l -> l.name()).orElse(id);
    }

    /**
     * "You found 3 of the 5 sensational-framing passages in the reference, and 3 of your 4 were in it."
     * Recall first (what a student can act on: look for more), then precision.
     */
    static String sentence(SpanMatchCounts c, String labelName) {
        String kind = labelName.toLowerCase(Locale.ROOT).replace(' ', '-');
        int ref = c.reference();
        int yours = c.predicted();
        int found = c.matched();
        if (ref == 0 && yours == 0) {
            return "Neither you nor the reference marked any " + kind + " passages, so there is nothing to score.";
        }
        if (ref == 0) {
            return "The reference marks no " + kind + " passages, so " + (yours == 1 ? "your one does not count"
                    : "none of your " + yours + " count") + ": your score is 0.";
        }
        if (yours == 0) {
            return "You marked no " + kind + " passages; the reference has " + passages(ref, kind) + ", so your score is 0.";
        }
        String recall = ref == 1
                ? (found == 1 ? "You found the one " + kind + " passage in the reference"
                              : "You did not find the one " + kind + " passage in the reference")
                : "You found " + found + " of the " + ref + " " + kind + " passages in the reference";
        String precision = yours == 1
                ? (found == 1 ? "and your one was in it" : "and your one was not in it")
                : "and " + found + " of your " + yours + (found == 1 ? " was" : " were") + " in it";
        return recall + ", " + precision + ". Score (F1): " + score(c) + ".";
    }

    static String overallSentence(SpanMatchCounts c) {
        if (c.reference() == 0 && c.predicted() == 0) {
            return "Nothing to score: neither you nor the reference marked a passage.";
        }
        return "Over all labels you found " + c.matched() + " of " + c.reference() + " reference passages, and "
                + c.matched() + " of your " + c.predicted() + " passages were in the reference. Score (F1): "
                + score(c) + ". The score is high only when you find most passages and mark few that are not there.";
    }

    static String score(SpanMatchCounts c) {
        return c.f1().isPresent() ? String.format(Locale.ROOT, "%.2f", c.f1().getAsDouble()) : "not defined";
    }

    private static String passages(int n, String kind) {
        return n + " " + kind + (n == 1 ? " passage" : " passages");
    }
}
