package org.slant.project;

import java.util.Map;

/**
 * Storage port for what each annotator has marked on their documents: one record per user, so two
 * annotators marking documents at the same time never write the same file.
 */
public interface QueueStore {

    /** Document id to IN_PROGRESS (started) or DONE; empty when the user has marked nothing. */
    Map<String, DocumentStatus> find(String user);

    void save(String user, Map<String, DocumentStatus> marks);
}
