package org.slant.label;

/**
 * Where the label sets are kept: each project stores its own (the project registry implements this). The label
 * service reads and replaces them through this port, so the label package does not depend on the project
 * package, which holds label sets in its projects and sits above it.
 */
public interface ProjectLabels {

    /** @throws IllegalArgumentException naming the id when there is no such project */
    Scheme labelsOf(String projectId);

    /** The id of the project listing the document, or of the default project when none does. */
    String projectIdOf(String documentId);

    /** The project that holds the documents no other project lists. */
    String defaultProjectId();

    /** Stores the project's new label set, checked together with the other projects. */
    void replaceLabels(String projectId, Scheme labels);
}
