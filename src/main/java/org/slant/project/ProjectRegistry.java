package org.slant.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slant.document.DocumentStore;
import org.slant.label.Scheme;
import org.slant.label.ProjectLabels;
import org.slant.label.LabelStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stored projects, read once and kept: every label check asks which project a document is in.
 * It knows storage and the cross-project rules only, so the label service can sit on it while the
 * {@link ProjectService}, which needs the annotation service to move documents, sits above both.
 */
@Component
public class ProjectRegistry implements ProjectLabels {

    private final ProjectStore store;
    private final LabelStore legacyLabels;
    private final DocumentStore documents;
    private volatile List<Project> projects;

    @Autowired
    public ProjectRegistry(ProjectStore store, LabelStore legacyLabels, DocumentStore documents) {
        this.store = store;
        this.legacyLabels = legacyLabels;
        this.documents = documents;
    }

    /** For the command line and tests: one workspace that stores everything. */
    public <W extends ProjectStore & LabelStore & DocumentStore> ProjectRegistry(W workspace) {
        this(workspace, workspace, workspace);
    }

    /** Every project, the default project first, in the order they were created. */
    public List<Project> all() {
        List<Project> current = projects;
        if (current == null) {
            synchronized (this) {
                if (projects == null) {
                    projects = loadOrCreate();
                }
                current = projects;
            }
        }
        return current;
    }

    /**
     * A workspace from before projects has no projects.json: its label set (labels.json, if any)
     * becomes the default project's, which holds all its documents. It is written with the first change,
     * not here: reading (an export, {@code import --check}) writes nothing.
     */
    private List<Project> loadOrCreate() {
        List<Project> stored = store.findAll();
        if (!stored.isEmpty()) {
            return List.copyOf(stored);
        }
        Scheme labels = legacyLabels.find().orElseGet(Scheme::defaults);
        return List.of(Project.create(Project.DEFAULT_ID, Project.DEFAULT_NAME, labels, null));
    }

    public Optional<Project> find(String id) {
        for (Project p : all()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException naming the id when there is no such project */
    public Project get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no project \"" + id + '"'));
    }

    /** The project listing the document, or the default project when none does. */
    public Project projectOf(String documentId) {
        List<Project> all = all();
        for (Project p : all) {
            if (p.lists(documentId)) {
                return p;
            }
        }
        return all.getFirst();
    }

    @Override
    public Scheme labelsOf(String projectId) {
        return get(projectId).labels();
    }

    @Override
    public String projectIdOf(String documentId) {
        return projectOf(documentId).id();
    }

    @Override
    public String defaultProjectId() {
        return Project.DEFAULT_ID;
    }

    @Override
    public void replaceLabels(String projectId, Scheme labels) {
        update(projectId, p -> p.withLabels(labels));
    }

    /** The ids of the stored documents in the project, in the document store's (sorted) order. */
    public List<String> documentsOf(String projectId) {
        Project project = get(projectId);
        List<Project> all = all();
        List<String> ids = new ArrayList<>();
        for (String id : documents.ids()) {
            boolean belongs = project.isDefault() ? all.stream().noneMatch(p -> p.lists(id)) : project.lists(id);
            if (belongs) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Applies {@code change} to all projects, checks the result and saves it in one write; nothing
     * changes when the check or the save fails. Returns the projects as saved.
     */
    public synchronized List<Project> update(UnaryOperator<List<Project>> change) {
        List<Project> next = List.copyOf(change.apply(new ArrayList<>(all())));
        Project.checkAll(next);
        store.saveAll(next);
        projects = next;
        return next;
    }

    /** Replaces one project (same id). */
    public Project update(String projectId, UnaryOperator<Project> change) {
        Project[] changed = new Project[1];
        update(list -> {
            int at = indexOf(list, projectId);
            changed[0] = change.apply(list.get(at));
            if (!changed[0].id().equals(projectId)) {
                throw new IllegalStateException("A project's id cannot change");
            }
            list.set(at, changed[0]);
            return list;
        });
        return changed[0];
    }

    static int indexOf(List<Project> list, String projectId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(projectId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("There is no project \"" + projectId + '"');
    }
}
