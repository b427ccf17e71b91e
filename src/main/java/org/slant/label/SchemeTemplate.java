package org.slant.label;

import org.slant.document.DocumentId;

/**
 * A ready-made scheme a curator starts a project from: its id ({@code parc}), name, a description saying what
 * annotators do with it, the study it follows ({@code reference}: a citation, with its address), and the scheme.
 */
public record SchemeTemplate(String id, String name, String description, String reference, Scheme scheme) {

    public SchemeTemplate {
        DocumentId.require(id, "Template id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Template " + id + " has no name");
        }
        name = name.strip();
        description = description == null ? "" : description.strip();
        reference = reference == null ? "" : reference.strip();
        if (scheme == null) {
            throw new IllegalArgumentException("Template " + id + " has no scheme");
        }
    }
}
