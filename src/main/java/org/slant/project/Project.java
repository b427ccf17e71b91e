package org.slant.project;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slant.document.DocumentId;
import org.slant.label.Scheme;

/**
 * A group of documents annotated with one label set by its members.
 *
 * <p>{@code documents} lists the documents of the project. The default project lists none: it owns
 * every document no other project lists, so workspaces from before projects need no migration and a
 * new document lands there. {@code assignments} says which members annotate which of its documents;
 * with {@code assignAll} every member gets every document. {@code othersVisible} lets annotators see
 * the other annotators' layers (read-only); off, they annotate blind.
 */
public record Project(String id, String name, Scheme labels, Map<String, ProjectRole> members,
                      boolean othersVisible, boolean assignAll, Set<String> documents,
                      Map<String, Set<String>> assignments) {

    public static final String DEFAULT_ID = "default";
    public static final String DEFAULT_NAME = "Default project";
    public static final int MAX_NAME_LENGTH = 100;

    public Project {
        DocumentId.require(id, "Project id");
        name = requireName(name);
        if (labels == null) {
            throw new IllegalArgumentException("Project " + id + " has no label set");
        }
        // sorted copies: the same project always writes the same file, whatever order it was built in
        Map<String, ProjectRole> memberCopy = new TreeMap<>();
        members.forEach((user, role) -> {
            DocumentId.require(user, "User name");
            if (role == null) {
                throw new IllegalArgumentException("Project " + id + ": member " + user + " has no role");
            }
            memberCopy.put(user, role);
        });
        members = java.util.Collections.unmodifiableMap(memberCopy);
        Set<String> documentCopy = new TreeSet<>();
        for (String document : documents) {
            documentCopy.add(DocumentId.require(document, "Document id"));
        }
        if (id.equals(DEFAULT_ID) && !documentCopy.isEmpty()) {
            throw new IllegalArgumentException("The default project lists no documents: it holds every document "
                    + "no other project lists");
        }
        documents = java.util.Collections.unmodifiableSet(documentCopy);
        Map<String, Set<String>> assignmentCopy = new TreeMap<>();
        for (var e : assignments.entrySet()) {
            String document = DocumentId.require(e.getKey(), "Document id");
            if (!id.equals(DEFAULT_ID) && !documentCopy.contains(document)) {
                throw new IllegalArgumentException("Project " + id + ": document " + document
                        + " is assigned but is not in the project");
            }
            Set<String> users = new TreeSet<>();
            for (String user : e.getValue()) {
                if (!memberCopy.containsKey(DocumentId.require(user, "User name"))) {
                    throw new IllegalArgumentException("Project " + id + ": document " + document + " is assigned to "
                            + user + ", who is not a member");
                }
                users.add(user);
            }
            if (!users.isEmpty()) {
                assignmentCopy.put(document, java.util.Collections.unmodifiableSet(users));
            }
        }
        assignments = java.util.Collections.unmodifiableMap(assignmentCopy);
    }

    /** A new project with no documents and {@code creator} (if any) as its only member, a curator. */
    public static Project create(String id, String name, Scheme labels, String creator) {
        return new Project(id, name, labels, creator == null ? Map.of() : Map.of(creator, ProjectRole.CURATOR),
                false, false, Set.of(), Map.of());
    }

    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A project needs a name");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A project name can have at most " + MAX_NAME_LENGTH
                    + " characters, this one has " + stripped.length());
        }
        return stripped;
    }

    public boolean isDefault() {
        return id.equals(DEFAULT_ID);
    }

    /** Whether the project lists the document itself (always false for the default project). */
    public boolean lists(String documentId) {
        return documents.contains(documentId);
    }

    /** Explicitly assigned members of a document (assignAll not applied). */
    public Set<String> assignedTo(String documentId) {
        return assignments.getOrDefault(documentId, Set.of());
    }

    /** Whether {@code user} annotates {@code documentId}, the document being one of this project's. */
    public boolean isAssigned(String user, String documentId) {
        return members.containsKey(user) && (assignAll || assignedTo(documentId).contains(user));
    }

    public Project withName(String newName) {
        return new Project(id, newName, labels, members, othersVisible, assignAll, documents, assignments);
    }

    public Project withLabels(Scheme newLabels) {
        return new Project(id, name, newLabels, members, othersVisible, assignAll, documents, assignments);
    }

    public Project withMember(String user, ProjectRole role) {
        Map<String, ProjectRole> next = new LinkedHashMap<>(members);
        next.put(DocumentId.require(user, "User name"), role);
        return new Project(id, name, labels, next, othersVisible, assignAll, documents, assignments);
    }

    /** Without the member and their assignments. */
    public Project withoutMember(String user) {
        Map<String, ProjectRole> next = new LinkedHashMap<>(members);
        next.remove(user);
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        assignments.forEach((document, users) -> kept.put(document, without(users, Set.of(user))));
        return new Project(id, name, labels, next, othersVisible, assignAll, documents, kept);
    }

    public Project withOthersVisible(boolean visible) {
        return new Project(id, name, labels, members, visible, assignAll, documents, assignments);
    }

    public Project withAssignAll(boolean all) {
        return new Project(id, name, labels, members, othersVisible, all, documents, assignments);
    }

    public Project withAssigned(String documentId, Collection<String> users) {
        Map<String, Set<String>> next = new LinkedHashMap<>(assignments);
        Set<String> more = new LinkedHashSet<>(assignedTo(documentId));
        more.addAll(users);
        next.put(documentId, more);
        return new Project(id, name, labels, members, othersVisible, assignAll, documents, next);
    }

    public Project withUnassigned(String documentId, String user) {
        Map<String, Set<String>> next = new LinkedHashMap<>(assignments);
        next.put(documentId, without(assignedTo(documentId), Set.of(user)));
        return new Project(id, name, labels, members, othersVisible, assignAll, documents, next);
    }

    /** Lists the documents too (not for the default project, which holds whatever no other project lists). */
    public Project withDocuments(Collection<String> added) {
        if (isDefault()) {
            return this;
        }
        Set<String> next = new LinkedHashSet<>(documents);
        next.addAll(added);
        return new Project(id, name, labels, members, othersVisible, assignAll, next, assignments);
    }

    /** No longer lists the documents, and forgets who was assigned to them. */
    public Project withoutDocuments(Collection<String> removed) {
        Set<String> gone = new HashSet<>(removed);
        Map<String, Set<String>> next = new LinkedHashMap<>(assignments);
        next.keySet().removeAll(gone);
        return new Project(id, name, labels, members, othersVisible, assignAll, without(documents, gone), next);
    }

    private static Set<String> without(Set<String> from, Set<String> removed) {
        Set<String> rest = new LinkedHashSet<>(from);
        rest.removeAll(removed);
        return rest;
    }

    /**
     * The rules across projects, checked before every save and on every read: unique ids, the default
     * project first, and no document listed by two projects.
     */
    public static void checkAll(List<Project> projects) {
        if (projects.isEmpty() || !projects.getFirst().isDefault()) {
            throw new IllegalArgumentException("the first project must be the default project (id \"" + DEFAULT_ID + "\")");
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> listedBy = new TreeMap<>();
        for (Project p : projects) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("project id " + p.id() + " is used twice");
            }
            for (String document : p.documents()) {
                String other = listedBy.putIfAbsent(document, p.id());
                if (other != null) {
                    throw new IllegalArgumentException("document " + document + " is listed by two projects: "
                            + other + " and " + p.id());
                }
            }
        }
    }
}
