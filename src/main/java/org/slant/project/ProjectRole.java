package org.slant.project;

/** What a member may do in a project: curators manage it (members, documents, labels, gold); annotators annotate. */
public enum ProjectRole {
    CURATOR,
    ANNOTATOR
}
