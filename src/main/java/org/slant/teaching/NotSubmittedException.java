package org.slant.teaching;

/**
 * Feedback was asked for before the student submitted. The reference must never reach a student who
 * could still copy it, so this is an error rather than an empty feedback.
 */
public class NotSubmittedException extends TeachingException {

    public NotSubmittedException(String exerciseId, String student) {
        super(student + " has not submitted " + exerciseId + " yet: feedback is shown after submitting.");
    }
}
