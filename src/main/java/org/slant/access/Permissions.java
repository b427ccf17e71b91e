package org.slant.access;

import java.util.Optional;
import java.util.Set;

/**
 * What a service asks before it changes data on behalf of a signed-in user ({@code actor}, their
 * user name). Each check refuses by throwing (the security package's {@code AccessDenied}, which the
 * API answers with 403 and the views show), so a service refuses whatever the caller.
 *
 * <p>{@link #OWNER} allows everything: the command line and tests that build services by hand act
 * as the workspace's owner, who can change its files anyway.
 */
public interface Permissions {

    /** Allows everything: for the command line (the workspace's owner) and tests. */
    Permissions OWNER = new Permissions() {
        @Override
        public void requireWrite(String actor, String documentId, String layer) {
        }

        @Override
        public Optional<Set<String>> labelsInPlay(String actor, String documentId, String layer) {
            return Optional.empty();
        }

        @Override
        public void requireCurate(String actor, String documentId) {
        }

        @Override
        public void requireManageProject(String actor, String projectId) {
        }

        @Override
        public void requireManageExercise(String actor, String exerciseId) {
        }

        @Override
        public void requireStudentOf(String actor, String exerciseId) {
        }

        @Override
        public void requireImport(String actor) {
        }

        @Override
        public void requireCreateProject(String actor) {
        }

        @Override
        public boolean mayWrite(String actor, String documentId, String layer) {
            return true;
        }

        @Override
        public boolean isAdmin(String actor) {
            return true;
        }
    };

    /** One's own layer on a document one may open; gold for curators; any layer for an admin. */
    void requireWrite(String actor, String documentId, String layer);

    /**
     * The label ids the actor may use in this layer, if they are limited: a student's own layer on an
     * exercise's document holds only the labels in play of their exercises on it. Empty (no limit) for
     * everyone else.
     */
    Optional<Set<String>> labelsInPlay(String actor, String documentId, String layer);

    /** Curators of the document's project and admins. */
    void requireCurate(String actor, String documentId);

    /** Curators of the project and admins. */
    void requireManageProject(String actor, String projectId);

    /** The exercise's teacher, curators of its document's project, admins. */
    void requireManageExercise(String actor, String exerciseId);

    /** A student on the exercise's roster. */
    void requireStudentOf(String actor, String exerciseId);

    /** Curators (of any project) and admins import; what they may write into is {@link #mayWrite}. */
    void requireImport(String actor);

    /** Making a new project: admins only (a project's curators manage it once it exists). */
    void requireCreateProject(String actor);

    /** {@link #requireWrite} as a question, for an import that skips what it may not write. */
    boolean mayWrite(String actor, String documentId, String layer);

    boolean isAdmin(String actor);
}
