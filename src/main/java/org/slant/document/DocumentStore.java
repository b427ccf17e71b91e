package org.slant.document;

import java.util.List;
import java.util.Optional;

/** Storage port for documents; the workspace package implements it. */
public interface DocumentStore {

    /** Every readable document, plus one message per file that could not be read (naming the file). */
    Listing list();

    /** The ids of all stored documents, sorted, without reading them: for streaming over a large workspace. */
    List<String> ids();

    /** @throws org.slant.workspace.WorkspaceException if the file exists but cannot be read */
    Optional<Document> find(String id);

    /** Writes atomically; creates or replaces. */
    void save(Document document);

    /**
     * Removes a document and all its layers from the workspace by moving them to the workspace's trash
     * folder, so a deletion by mistake can be undone by hand. Returns where they went (for messages).
     */
    String moveToTrash(String id);

    record Listing(List<Document> documents, List<String> problems) {
        public Listing {
            documents = List.copyOf(documents);
            problems = List.copyOf(problems);
        }
    }
}
