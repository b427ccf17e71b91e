package org.slant.teaching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slant.agreement.SpanMatchCounts;
import org.slant.label.Scheme;

/**
 * The teacher's table: one row per student (roster order, then anyone who submitted without being on
 * the roster), one column per label in play with the overlap F1 against the reference, and overall
 * (counts summed over labels). Scores are empty for students who have not submitted. {@code problems}
 * names each submission file that cannot be read: that student shows as not submitted until it is fixed.
 */
public record ClassResults(Exercise exercise, List<String> labelNames, List<Row> rows, List<String> problems) {

    public enum State { NOT_SUBMITTED, SUBMITTED, LATE }

    /** {@code perLabel} is in the order of the exercise's labels; empty when not submitted. */
    public record Row(String user, String displayName, State state, Instant submitted, List<SpanMatchCounts> perLabel,
                      SpanMatchCounts overall) {

        public Row {
            perLabel = List.copyOf(perLabel);
        }
    }

    public ClassResults {
        labelNames = List.copyOf(labelNames);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static ClassResults of(Exercise exercise, Roster roster, List<Submission> submissions, Scheme labelSet) {
        return of(exercise, roster, new ExerciseStore.SubmissionListing(submissions, List.of()), labelSet);
    }

    public static ClassResults of(Exercise exercise, Roster roster, ExerciseStore.SubmissionListing readable, Scheme labelSet) {
        List<Submission> submissions = readable.submissions();
        Map<String, Submission> byStudent = new HashMap<>();
        submissions.forEach(s -> byStudent.put(s.student(), s));
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (RosterEntry entry : roster.students()) {
            listed.add(entry.user());
            rows.add(row(exercise, entry.user(), entry.displayName(), byStudent.get(entry.user())));
        }
        submissions.stream().filter(s -> !listed.contains(s.student()))
                .sorted(java.util.Comparator.comparing(Submission::student))
                .forEach(s -> rows.add(row(exercise, s.student(), s.student(), s)));
        List<String> names = exercise.labels().stream().map(l -> Grading.labelName(labelSet, l)).toList();
        return new ClassResults(exercise, names, rows, readable.problems());
    }

    private static Row row(Exercise exercise, String user, String name, Submission submission) {
        if (submission == null) {
            return new Row(user, name, State.NOT_SUBMITTED, null, List.of(), SpanMatchCounts.NONE);
        }
        List<SpanMatchCounts> perLabel = Grading.counts(exercise, submission);
        SpanMatchCounts overall = perLabel.stream().reduce(SpanMatchCounts.NONE, SpanMatchCounts::plus);
        return new Row(user, name, submission.late() ? State.LATE : State.SUBMITTED, submission.submitted(),
                perLabel, overall);
    }
}
