package org.slant.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.stereotype.Service;

/**
 * Who may see and change what. The one place these rules live. The services that change data ask
 * here through the {@link org.slant.access.Permissions} port before every change (so the UI, the API
 * and any other caller obey the same rules); views and API controllers ask here what to show and read.
 * <ul>
 * <li>An <b>admin</b> may do everything.</li>
 * <li>A project's <b>curator</b> may open all its documents, read every layer on them, write gold, and
 * manage the project (members, assignments, labels, documents).</li>
 * <li>An <b>annotator</b> may open the documents assigned to them and read and write only their own
 * layer. Only when the project opens others' layers ({@code othersVisible}) may they read the other
 * annotators' layers, read-only; gold stays hidden so it cannot steer them.</li>
 * <li>A <b>student</b> on the roster of an exercise may open that exercise's document and read and write
 * only their own layer there, whatever the project allows annotators: never the reference, gold or a
 * classmate's layer. An exercise's <b>teacher</b> (and the project's curators, and admins) manage it.</li>
 * </ul>
 * A document a user may not open does not exist for them: refusals about it read like an unknown id.
 */
@Service
public class AccessPolicy implements org.slant.access.Permissions {

    private final UserService users;
    private final ProjectService projects;
    private final TeachingService teaching;

    public AccessPolicy(UserService users, ProjectService projects, TeachingService teaching) {
        this.users = users;
        this.projects = projects;
        this.teaching = teaching;
    }

    @Override
    public boolean isAdmin(String user) {
        return users.isAdmin(user);
    }

    /** The user's role in a project; admins count as curators everywhere. */
    public Optional<ProjectRole> role(String user, String projectId) {
        if (isAdmin(user)) {
            return Optional.of(ProjectRole.CURATOR);
        }
        if (!users.isActive(user)) {
            return Optional.empty(); // disabled (or unknown): a session still open reaches nothing
        }
        return projects.find(projectId).map(p -> p.members().get(user));
    }

    public boolean canManageProject(String user, String projectId) {
        return role(user, projectId).orElse(null) == ProjectRole.CURATOR;
    }

    public boolean canCurate(String user, String documentId) {
        return canManageProject(user, projects.projectOf(documentId).id());
    }

    public boolean canOpen(String user, String documentId) {
        return canCurate(user, documentId)
                || (users.isActive(user) && (projects.isAssigned(user, documentId) || isStudentOn(user, documentId)));
    }

    public boolean canRead(String user, String documentId, String layer) {
        if (canCurate(user, documentId)) {
            return true;
        }
        if (projects.isAssigned(user, documentId)) {
            return layer.equals(user) || (projects.projectOf(documentId).othersVisible() && !Layer.DERIVED.contains(layer));
        }
        return layer.equals(user) && isStudentOn(user, documentId);
    }

    /** Whether the user sees other people's layers on this document at all (comparison view). */
    public boolean canSeeOthers(String user, String documentId) {
        return canCurate(user, documentId)
                || (projects.isAssigned(user, documentId) && projects.projectOf(documentId).othersVisible());
    }

    /**
     * One's own layer on a document one may open; gold and the model layers ({@link Layer#isModelLayer})
     * for curators. Only names that are someone's, or reserved, can be written: a curator (or an admin) who
     * could write a layer under a name nobody has yet would hand it to whoever is later created under that
     * name. Admins may write any user's layer; majority is derived, never written.
     */
    public boolean canWrite(String user, String documentId, String layer) {
        if (layer.equals(Layer.GOLD) || Layer.isModelLayer(layer)) {
            return canCurate(user, documentId);
        }
        if (Layer.DERIVED.contains(layer)) {
            return false;
        }
        if (isAdmin(user)) {
            return users.find(layer).isPresent();
        }
        return layer.equals(user) && canOpen(user, documentId);
    }

    /** Projects the user sees in the project list: all for admins, else those they belong to. */
    public List<Project> visibleProjects(String user) {
        boolean admin = isAdmin(user);
        boolean active = users.isActive(user);
        return projects.projects().stream().filter(p -> admin || (active && p.members().containsKey(user))).toList();
    }

    /** The documents the user may open, in workspace order within each project. */
    public List<String> visibleDocuments(String user) {
        Set<String> ids = new LinkedHashSet<>();
        for (Project p : visibleProjects(user)) {
            if (canManageProject(user, p.id())) {
                ids.addAll(projects.documentsOf(p.id()));
            } else {
                projects.documentsOf(p.id()).stream().filter(id -> p.isAssigned(user, id)).forEach(ids::add);
            }
        }
        return new ArrayList<>(ids);
    }

    // ---- classroom ----

    private boolean isStudentOn(String user, String documentId) {
        return teaching.isStudentOn(user, documentId);
    }

    /** Curators of a document's project (and admins) may turn it into an exercise. */
    public boolean canCreateExercise(String user, String documentId) {
        return canCurate(user, documentId);
    }

    /** The teacher who made it, curators of its document's project, admins: codes, roster, results, reference. */
    public boolean canManageExercise(String user, Exercise exercise) {
        return exercise.teacher().equals(user) || canCurate(user, exercise.documentId());
    }

    public boolean isStudentOf(String user, String exerciseId) {
        return teaching.roster(exerciseId).find(user).isPresent();
    }

    /**
     * A student's feedback (which shows the reference) goes to the student once they submitted, and to
     * the exercise's managers; never to a classmate. Whether they submitted is TeachingService's check.
     */
    public boolean canSeeFeedback(String user, Exercise exercise, String student) {
        return canManageExercise(user, exercise) || (user.equals(student) && isStudentOf(user, exercise.id()));
    }

    public void requireManageExercise(String user, Exercise exercise) {
        if (!canManageExercise(user, exercise)) {
            throw new AccessDenied("Only the teacher of \"" + exercise.title() + "\" (or a curator of its project) may do this.");
        }
    }

    @Override
    public void requireManageExercise(String user, String exerciseId) {
        requireManageExercise(user, teaching.exercise(exerciseId));
    }

    @Override
    public void requireStudentOf(String user, String exerciseId) {
        if (!isStudentOf(user, exerciseId)) {
            throw new AccessDenied("You are not a student of this exercise. Join it with the class code from your teacher.");
        }
    }

    // ---- the same rules as checks that refuse with a message (403 in the API) ----

    /**
     * A document the user may not open is, to them, one that does not exist ({@link DocumentNotVisible}):
     * the same answer, so its id (a title slug) does not leak. Every check on a document starts here; a
     * refusal about a document they do see (a layer, curating) says why.
     */
    public void requireOpen(String user, String documentId) {
        if (!canOpen(user, documentId)) {
            throw new DocumentNotVisible(documentId);
        }
    }

    public void requireRead(String user, String documentId, String layer) {
        requireOpen(user, documentId);
        if (!canRead(user, documentId, layer)) {
            throw new AccessDenied("You may not read the layer \"" + layer + "\" of \"" + documentId
                    + "\": annotators see only their own layer in this project.");
        }
    }

    @Override
    public void requireWrite(String user, String documentId, String layer) {
        requireOpen(user, documentId);
        if (!canWrite(user, documentId, layer)) {
            throw new AccessDenied("You may not change the layer \"" + layer + "\" of \"" + documentId + "\": "
                    + (layer.equals(Layer.GOLD) || Layer.isModelLayer(layer) ? "only curators of the project write it."
                    : users.find(layer).isEmpty() ? "no account has that name; only gold, model layers (model, model-…) "
                    + "and people's own layers can be written."
                    : "only its annotator (or an admin) writes it."));
        }
    }

    @Override
    public void requireCurate(String user, String documentId) {
        requireOpen(user, documentId);
        if (!canCurate(user, documentId)) {
            throw new AccessDenied("Only curators of the project of \"" + documentId + "\" may do this.");
        }
    }

    @Override
    public void requireManageProject(String user, String projectId) {
        if (!canManageProject(user, projectId)) {
            throw new AccessDenied("Only curators of project \"" + projectId + "\" (or an admin) may do this.");
        }
    }

    /**
     * A student's own layer on an exercise's document: the labels in play of their exercises on it.
     * Curators and admins are not limited, nor is anyone else's layer (requireWrite covers those).
     */
    @Override
    public Optional<Set<String>> labelsInPlay(String user, String documentId, String layer) {
        if (!layer.equals(user) || canCurate(user, documentId) || projects.isAssigned(user, documentId)
                || !isStudentOn(user, documentId)) {
            return Optional.empty();
        }
        Set<String> inPlay = new LinkedHashSet<>();
        teaching.exercisesOfStudent(user).stream().filter(e -> e.documentId().equals(documentId))
                .forEach(e -> inPlay.addAll(e.labels()));
        return Optional.of(Set.copyOf(inPlay));
    }

    /** Curators (of any project) and admins import; what they may write into is checked per document. */
    public boolean canImport(String user) {
        return isAdmin(user) || visibleProjects(user).stream().anyMatch(p -> canManageProject(user, p.id()));
    }

    @Override
    public void requireImport(String user) {
        if (!canImport(user)) {
            throw new AccessDenied("Only curators and admins import annotations.");
        }
    }

    @Override
    public void requireCreateProject(String user) {
        if (!isAdmin(user)) {
            throw new AccessDenied("Only admins make new projects.");
        }
    }

    @Override
    public boolean mayWrite(String user, String documentId, String layer) {
        return canWrite(user, documentId, layer);
    }

    public void requireAdmin(String user) {
        if (!isAdmin(user)) {
            throw new AccessDenied("Only an admin may do this.");
        }
    }
}
