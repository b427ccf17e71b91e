package org.slant.teaching;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for exercises, one folder each: the exercise, its roster and one file per student's
 * submission, so two students submitting at once never write the same file. The workspace package
 * implements it. Broken files are reported with their path and never overwritten.
 */
public interface ExerciseStore {

    /** Every readable exercise, and a message naming each file that could not be read. */
    record Listing(List<Exercise> exercises, List<String> problems) {

        public Listing {
            exercises = List.copyOf(exercises);
            problems = List.copyOf(problems);
        }
    }

    Listing list();

    Optional<Exercise> find(String exerciseId);

    void save(Exercise exercise);

    /** Empty roster when nobody has joined yet. */
    Roster roster(String exerciseId);

    void save(Roster roster);

    Optional<Submission> submission(String exerciseId, String student);

    /** All submissions of an exercise; throws StorageException naming a broken file. */
    default List<Submission> submissions(String exerciseId) {
        SubmissionListing listing = readableSubmissions(exerciseId);
        if (!listing.problems().isEmpty()) {
            throw new org.slant.storage.StorageException(listing.problems().getFirst());
        }
        return listing.submissions();
    }

    /**
     * The submissions of an exercise that can be read, and one message per submission file that cannot
     * (naming the file), so one broken file does not hide the rest of the class.
     */
    SubmissionListing readableSubmissions(String exerciseId);

    record SubmissionListing(List<Submission> submissions, List<String> problems) {

        public SubmissionListing {
            submissions = List.copyOf(submissions);
            problems = List.copyOf(problems);
        }
    }

    void save(Submission submission);

    /** For each of these documents that has exercises: everyone on the rosters of its exercises. */
    default java.util.Map<String, java.util.Set<String>> studentsOn(java.util.Collection<String> documentIds) {
        java.util.Set<String> wanted = java.util.Set.copyOf(documentIds);
        java.util.Map<String, java.util.Set<String>> students = new java.util.HashMap<>();
        for (Exercise e : list().exercises()) {
            if (wanted.contains(e.documentId())) {
                java.util.Set<String> on = students.computeIfAbsent(e.documentId(), k -> new java.util.HashSet<>());
                roster(e.id()).students().forEach(s -> on.add(s.user()));
            }
        }
        return students;
    }
}
