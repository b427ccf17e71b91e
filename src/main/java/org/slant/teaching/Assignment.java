package org.slant.teaching;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a student may see of an exercise before submitting: everything but the reference and its
 * explanations, so no view can leak them by accident.
 */
public record Assignment(String exerciseId, String title, String documentId, String instructions, Set<String> labels,
                         boolean allowRevision, Optional<Instant> due) {

    static Assignment of(Exercise e) {
        return new Assignment(e.id(), e.title(), e.documentId(), e.instructions(), e.labels(), e.allowRevision(),
                e.dueDate());
    }
}
