package org.slant.teaching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.DocumentId;

/**
 * A student's handed-in work: a frozen copy of their layer's spans (labels in play only, with their attributes)
 * and its structure (links between those spans, sentence labels, document answers) at the moment
 * of submitting, so feedback and class results do not move when they keep editing. {@code late} is
 * decided at submission against the due date then in force. {@code attempt} counts submissions (1 for
 * the first; higher only when the exercise allows revision).
 */
public record Submission(String exerciseId, String student, Instant submitted, boolean late, int attempt,
                         List<Span> spans, Structure structure) {

    public Submission {
        DocumentId.require(exerciseId, "Exercise id");
        DocumentId.require(student, "Student");
        Objects.requireNonNull(submitted, "submitted");
        if (attempt < 1) {
            throw new IllegalArgumentException("Submission of " + student + ": attempt must be 1 or more, got " + attempt);
        }
        spans = spans.stream().map(Objects::requireNonNull).sorted(Layer.READING_ORDER).toList();
        structure = structure == null ? Structure.NONE : structure;
        structure.requireLinksAmong(spans, "Submission of " + student + " to " + exerciseId);
    }

    /** A submission of spans only. */
    public Submission(String exerciseId, String student, Instant submitted, boolean late, int attempt, List<Span> spans) {
        this(exerciseId, student, submitted, late, attempt, spans, Structure.NONE);
    }
}
