package org.slant.project;

/** One document in an annotator's queue. */
public record QueueEntry(String documentId, String title, String projectId, DocumentStatus status) {
}
