package org.slant.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slant.access.Audit;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.annotation.StaleLayerException;
import org.slant.document.DocumentId;
import org.slant.document.DocumentService;
import org.slant.label.Scheme;
import org.slant.label.SchemeTemplates;
import org.springframework.stereotype.Service;

/**
 * The rules for projects: who is in which with what role, which documents it holds, who annotates
 * which document, and moving documents between projects without leaving a span on a label the new
 * project does not have. Reads come from the {@link ProjectRegistry}'s cache; every change is one
 * checked, atomic write of all projects.
 */
@Service
public class ProjectService {

    private final ProjectRegistry registry;
    private final DocumentService documents;
    private final AnnotationService annotations;

    private final Permissions permissions;
    private final SchemeTemplates templates;

    /** For tests: acts as the workspace's owner ({@link Permissions#OWNER}); only the default template. */
    public ProjectService(ProjectRegistry registry, DocumentService documents, AnnotationService annotations) {
        this(registry, documents, annotations, SchemeTemplates.defaultOnly(), Permissions.OWNER);
    }

    /** For the command line: acts as the workspace's owner, with the templates. */
    public ProjectService(ProjectRegistry registry, DocumentService documents, AnnotationService annotations,
                          SchemeTemplates templates) {
        this(registry, documents, annotations, templates, Permissions.OWNER);
    }

    /**
     * {@code permissions} is lazy: the policy that implements it reads projects through this service.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public ProjectService(ProjectRegistry registry, DocumentService documents, AnnotationService annotations,
                          SchemeTemplates templates,
                          @org.springframework.context.annotation.Lazy Permissions permissions) {
        this.registry = registry;
        this.documents = documents;
        this.annotations = annotations;
        this.templates = templates;
        this.permissions = permissions;
    }

    /** The scheme templates a new project can start from. */
    public SchemeTemplates templates() {
        return templates;
    }

    /**
     * The changes a signed-in user makes to projects (Project settings, moving documents): each asks
     * {@link Permissions} first, so only the project's curators (and admins) make them, whoever calls.
     */
    public Acting as(String actor) {
        return new Acting(actor);
    }

    public final class Acting {

        private final String actor;

        private Acting(String actor) {
            this.actor = DocumentId.require(actor, "User name");
        }

        private void require(String projectId) {
            get(projectId); // an unknown project says so before any rule
            try {
                permissions.requireManageProject(actor, projectId);
            } catch (RuntimeException refused) {
                Audit.refused(actor, "project-change-refused", projectId + ": " + refused.getMessage());
                throw refused;
            }
        }

        /**
         * A new project with the scheme of the template {@code templateId} (null: the default scheme); the actor
         * becomes its curator. Admins only.
         */
        public Project create(String name, String templateId) {
            try {
                permissions.requireCreateProject(actor);
            } catch (RuntimeException refused) {
                Audit.refused(actor, "project-create-refused", "\"" + name + "\": " + refused.getMessage());
                throw refused;
            }
            return ProjectService.this.create(name, actor, templateId);
        }

        public Project rename(String projectId, String name) {
            require(projectId);
            return ProjectService.this.rename(projectId, name);
        }

        public void delete(String projectId) {
            require(projectId);
            ProjectService.this.delete(projectId);
        }

        public Project setMember(String projectId, String user, ProjectRole role) {
            require(projectId);
            return ProjectService.this.setMember(projectId, user, role);
        }

        public Project removeMember(String projectId, String user) {
            require(projectId);
            return ProjectService.this.removeMember(projectId, user);
        }

        public Project setOthersVisible(String projectId, boolean visible) {
            require(projectId);
            return ProjectService.this.setOthersVisible(projectId, visible);
        }

        public Project setAssignAll(String projectId, boolean all) {
            require(projectId);
            return ProjectService.this.setAssignAll(projectId, all);
        }

        public Project assign(String projectId, String documentId, Collection<String> users) {
            require(projectId);
            return ProjectService.this.assign(projectId, documentId, users);
        }

        public Project unassign(String projectId, String documentId, String user) {
            require(projectId);
            return ProjectService.this.unassign(projectId, documentId, user);
        }

        /** Curators of the target project and of every document's project now. */
        public int moveDocuments(Collection<String> documentIds, String targetProjectId, Map<String, String> labelMapping) {
            require(targetProjectId);
            for (String id : new LinkedHashSet<>(documentIds)) {
                require(projectOf(id).id());
            }
            return ProjectService.this.moveDocuments(documentIds, targetProjectId, labelMapping);
        }

        /**
         * Documents just added (which land in the default project) into the project whose page they were
         * added from: the curators of that project may, without curating the default project.
         */
        /**
         * Stores a new document in a project the actor curates (the Default project: its curators and
         * admins). Refused before anything is stored, so a refused document never exists anywhere.
         */
        public org.slant.document.Document addDocument(org.slant.document.DocumentImporter.Draft draft,
                                                       org.slant.document.Source source, String projectId) {
            require(projectId);
            org.slant.document.Document document = documents.add(draft, source);
            place(List.of(document.id()), projectId);
            return document;
        }

        /** Like {@link #addDocument} for a batch (a zip or .jsonl upload): what is added lands in the project. */
        public org.slant.document.BatchReport addDocuments(org.slant.document.DocumentBatchImporter.Batch batch,
                                                           String projectId) {
            require(projectId);
            org.slant.document.BatchReport report = documents.addAll(batch);
            place(report.added().stream().map(org.slant.document.Document::id).toList(), projectId);
            return report;
        }

        private void place(List<String> ids, String projectId) {
            if (!ids.isEmpty() && !get(projectId).isDefault()) {
                ProjectService.this.moveDocuments(ids, projectId, Map.of());
            }
        }
    }

    /** Every project, the default project first, then in the order they were created. */
    public List<Project> projects() {
        return registry.all();
    }

    public Optional<Project> find(String projectId) {
        return registry.find(projectId);
    }

    /** @throws IllegalArgumentException naming the id when there is no such project */
    public Project get(String projectId) {
        return registry.get(projectId);
    }

    /** The project listing the document, or the default project. */
    public Project projectOf(String documentId) {
        return registry.projectOf(documentId);
    }

    /** The project's stored documents, sorted by id; the default project's are all that no other project lists. */
    public List<String> documentsOf(String projectId) {
        return registry.documentsOf(projectId);
    }

    /** A new project with the default scheme, its id made from the name; {@code creator} becomes its curator. */
    public Project create(String name, String creator) {
        return create(name, creator, null);
    }

    /**
     * A new project with the scheme of a template ({@link SchemeTemplates}; null: the default scheme), its id made
     * from the name; {@code creator} becomes its curator (null: none yet, as the command line makes one for admins).
     *
     * @throws IllegalArgumentException naming the templates when there is no such template
     */
    public Project create(String name, String creator, String templateId) {
        String stripped = Project.requireName(name);
        if (creator != null) {
            DocumentId.require(creator, "User name");
        }
        org.slant.label.SchemeTemplate template = templates.get(templateId == null ? SchemeTemplates.DEFAULT_ID : templateId);
        Project[] created = new Project[1];
        registry.update(all -> {
            Set<String> taken = new HashSet<>();
            all.forEach(p -> taken.add(p.id()));
            String base = DocumentId.slugOf(stripped);
            if (base.equals("document") && !stripped.toLowerCase(java.util.Locale.ROOT).contains("document")) {
                base = "project"; // slugOf's stand-in for a name without letters or digits
            }
            String id = base;
            for (int n = 2; taken.contains(id); n++) {
                id = base + "-" + n;
            }
            created[0] = Project.create(id, stripped, template.scheme(), creator);
            all.add(created[0]);
            return all;
        });
        Audit.record("project-created", created[0].id() + " \"" + stripped + "\", curator " + (creator == null ? "none" : creator)
                + ", scheme template " + template.id());
        return created[0];
    }

    public Project rename(String projectId, String name) {
        String stripped = Project.requireName(name);
        return registry.update(projectId, p -> p.withName(stripped));
    }

    /** Deletes a project that holds no documents (move them first); the default project stays. */
    public synchronized void delete(String projectId) {
        Project project = get(projectId);
        if (project.isDefault()) {
            throw new IllegalArgumentException("The default project cannot be deleted");
        }
        List<String> held = documentsOf(projectId);
        if (!held.isEmpty()) {
            throw new IllegalArgumentException("Project \"" + project.name() + "\" still holds " + held.size()
                    + (held.size() == 1 ? " document" : " documents") + "; move them to another project first");
        }
        registry.update(all -> {
            all.removeIf(p -> p.id().equals(projectId));
            return all;
        });
        Audit.record("project-deleted", projectId + " \"" + project.name() + "\"");
    }

    /** Adds a member, or changes their role. */
    public Project setMember(String projectId, String user, ProjectRole role) {
        DocumentId.require(user, "User name");
        if (role == null) {
            throw new IllegalArgumentException("A member needs a role");
        }
        return registry.update(projectId, p -> {
            if (role != ProjectRole.CURATOR) {
                requireNotLastCurator(p, user);
            }
            return p.withMember(user, role);
        });
    }

    /** Removes a member and their assignments; their layers stay. The last curator stays. */
    public Project removeMember(String projectId, String user) {
        return registry.update(projectId, p -> {
            requireNotLastCurator(p, user);
            return p.withoutMember(user);
        });
    }

    /** A project that has curators keeps one: nobody (not even that curator) leaves it unmanaged. */
    private static void requireNotLastCurator(Project p, String user) {
        if (p.members().get(user) == ProjectRole.CURATOR
                && p.members().values().stream().filter(r -> r == ProjectRole.CURATOR).count() == 1) {
            throw new IllegalArgumentException(user + " is the last curator of project \"" + p.name()
                    + "\": make someone else its curator first.");
        }
    }

    public Project setOthersVisible(String projectId, boolean visible) {
        return registry.update(projectId, p -> p.withOthersVisible(visible));
    }

    public Project setAssignAll(String projectId, boolean all) {
        return registry.update(projectId, p -> p.withAssignAll(all));
    }

    /** Assigns a document of the project to members of it (more assignees; those already there stay). */
    public synchronized Project assign(String projectId, String documentId, Collection<String> users) {
        documents.open(documentId); // unknown id: DocumentNotFoundException
        Project project = get(projectId);
        Project owner = projectOf(documentId);
        if (!owner.id().equals(projectId)) {
            throw new IllegalArgumentException("Document " + documentId + " is in project \"" + owner.name()
                    + "\", not in \"" + project.name() + '"');
        }
        List<String> outsiders = users.stream().filter(u -> !project.members().containsKey(u)).distinct().toList();
        if (!outsiders.isEmpty()) {
            throw new IllegalArgumentException("Only members of \"" + project.name() + "\" can be assigned; not members: "
                    + String.join(", ", outsiders));
        }
        return registry.update(projectId, p -> p.withAssigned(documentId, users));
    }

    public Project unassign(String projectId, String documentId, String user) {
        return registry.update(projectId, p -> p.withUnassigned(documentId, user));
    }

    /** Whether the user annotates the document: a member of its project, assigned to it or with assign-all on. */
    public boolean isAssigned(String user, String documentId) {
        return projectOf(documentId).isAssigned(user, documentId);
    }

    /** The stored documents assigned to the user, project by project. */
    public List<String> assignedTo(String user) {
        List<String> ids = new ArrayList<>();
        for (Project p : projects()) {
            if (p.members().containsKey(user)) {
                documentsOf(p.id()).stream().filter(id -> p.isAssigned(user, id)).forEach(ids::add);
            }
        }
        return ids;
    }

    public Optional<ProjectRole> roleIn(String user, String projectId) {
        return Optional.ofNullable(get(projectId).members().get(user));
    }

    /**
     * Moves documents to another project. Their spans must fit the target's label set: a label it
     * lacks needs an entry in {@code labelMapping}, to a target label id (the spans are relabelled) or
     * to "" (the spans are deleted); without one the move is refused, naming the labels and how many
     * spans carry them. Assignments in the old project are dropped; layers are rewritten through the
     * annotation service, so their revisions move on and watchers see the change.
     *
     * @return how many spans were relabelled or deleted
     */
    public synchronized int moveDocuments(Collection<String> documentIds, String targetProjectId,
                                          Map<String, String> labelMapping) {
        Project target = get(targetProjectId);
        Map<String, String> mapping = labelMapping == null ? Map.of() : labelMapping;
        Set<String> moving = new LinkedHashSet<>();
        for (String id : documentIds) {
            documents.open(id); // unknown id: DocumentNotFoundException
            if (!projectOf(id).id().equals(targetProjectId)) {
                moving.add(id);
            }
        }
        if (moving.isEmpty()) {
            return 0;
        }
        Scheme labels = target.labels();
        Map<String, Integer> missing = labelsMissing(moving, labels);
        List<String> unmapped = new ArrayList<>();
        for (var e : missing.entrySet()) {
            String to = mapping.get(e.getKey());
            if (to == null) {
                unmapped.add("\"" + e.getKey() + "\" (" + e.getValue() + (e.getValue() == 1 ? " span)" : " spans)"));
            } else if (!to.isEmpty() && !labels.contains(to)) {
                throw new IllegalArgumentException("The label mapping sends \"" + e.getKey() + "\" to \"" + to
                        + "\", which is not a label of \"" + target.name() + "\"; its labels: " + labelIds(labels));
            }
        }
        if (!unmapped.isEmpty()) {
            throw new IllegalArgumentException("Cannot move to \"" + target.name() + "\": it has no label "
                    + String.join(", ", unmapped) + ". Map each to one of its labels " + labelIds(labels)
                    + " or choose to delete those spans.");
        }
        registry.update(all -> {
            for (int i = 0; i < all.size(); i++) {
                Project p = all.get(i);
                all.set(i, p.id().equals(targetProjectId) ? p.withDocuments(moving) : p.withoutDocuments(moving));
            }
            return all;
        });
        // after the move: the layers are now checked against the target's labels, so new spans fit it too
        int changed = 0;
        for (String id : moving) {
            for (Layer layer : annotations.layers(id)) {
                changed += relabel(id, layer.annotator(), missing.keySet(), mapping);
            }
        }
        return changed;
    }

    /**
     * The labels the documents' spans (every layer) carry that the target project lacks, with how many
     * spans carry each: what a move there must map or delete first.
     */
    public Map<String, Integer> labelsMissingIn(Collection<String> documentIds, String targetProjectId) {
        Project target = get(targetProjectId);
        return labelsMissing(documentIds.stream().filter(id -> !projectOf(id).id().equals(target.id())).toList(),
                target.labels());
    }

    private Map<String, Integer> labelsMissing(Collection<String> documentIds, Scheme labels) {
        Map<String, Integer> missing = new TreeMap<>();
        for (String id : documentIds) {
            for (Layer layer : annotations.layers(id)) {
                for (Span s : layer.spans()) {
                    if (!labels.contains(s.label())) {
                        missing.merge(s.label(), 1, Integer::sum);
                    }
                }
            }
        }
        return missing;
    }

    /** Applies the mapping to one layer, refetching it if an annotator saved in between. */
    private int relabel(String documentId, String annotator, Set<String> missing, Map<String, String> mapping) {
        for (int attempt = 0; ; attempt++) {
            Layer layer = annotations.layer(documentId, annotator);
            if (layer.spans().stream().noneMatch(s -> missing.contains(s.label()))) {
                return 0;
            }
            Set<String> kept = new HashSet<>();
            List<Span> spans = new ArrayList<>();
            for (Span s : layer.spans()) {
                if (!missing.contains(s.label())) {
                    spans.add(s);
                    kept.add(s.start() + ":" + s.end() + ":" + s.label());
                }
            }
            int changed = 0;
            for (Span s : layer.spans()) {
                if (missing.contains(s.label())) {
                    changed++;
                    String to = mapping.get(s.label());
                    // a relabelled span that repeats one already there (same range and label) adds nothing
                    if (!to.isEmpty() && kept.add(s.start() + ":" + s.end() + ":" + to)) {
                        spans.add(new Span(s.id(), s.start(), s.end(), to, s.text(), s.note(), s.author(),
                                s.created(), s.updated()));
                    }
                }
            }
            try {
                annotations.replaceLayer(documentId, annotator, layer.revision(), spans);
                return changed;
            } catch (StaleLayerException e) {
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    private static List<String> labelIds(Scheme labels) {
        return labels.labels().stream().map(l -> l.id()).toList();
    }
}
