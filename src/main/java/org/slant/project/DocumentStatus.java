package org.slant.project;

/** Where one annotator stands on one document of their queue. */
public enum DocumentStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
}
