package org.slant.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentId;
import org.slant.document.DocumentService;
import org.springframework.stereotype.Service;

/**
 * Each annotator's queue: the documents assigned to them and how far they are with each. A document
 * is done when they say so, in progress once they have opened it or labelled anything in it, else
 * not started. Marks are kept per user, so annotators never wait on each other.
 */
@Service
public class QueueService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueueService.class);

    private final ProjectService projects;
    private final AnnotationService annotations;
    private final DocumentService documents;
    private final QueueStore store;
    /** Each user's marks as last saved; this process is the workspace's only writer. */
    private final Map<String, Map<String, DocumentStatus>> marks = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public QueueService(ProjectService projects, AnnotationService annotations, DocumentService documents,
                        QueueStore store) {
        this.projects = projects;
        this.annotations = annotations;
        this.documents = documents;
        this.store = store;
    }

    public DocumentStatus status(String user, String documentId) {
        DocumentStatus marked = marksOf(user).get(documentId);
        if (marked == DocumentStatus.DONE) {
            return DocumentStatus.DONE;
        }
        if (marked == DocumentStatus.IN_PROGRESS || hasSpans(user, documentId)) {
            return DocumentStatus.IN_PROGRESS;
        }
        return DocumentStatus.NOT_STARTED;
    }

    /**
     * The user says they are finished with the document. Refused with the list of what is missing
     * ({@link NotFinishedException}) while their layer lacks a required attribute, role, sentence label or
     * answer: "done" must not hide unfinished work.
     */
    public void markDone(String user, String documentId) {
        markDone(user, documentId, false);
    }

    /**
     * The same; with {@code evenIfIncomplete} (the user saw the list and confirmed) it is marked done with
     * parts missing.
     */
    public void markDone(String user, String documentId, boolean evenIfIncomplete) {
        requireAssigned(user, documentId);
        if (!evenIfIncomplete && marksOf(user).get(documentId) != DocumentStatus.DONE) {
            List<String> missing = annotations.missing(documentId, user);
            if (!missing.isEmpty()) {
                throw new NotFinishedException(documents.open(documentId).document().title(), missing);
            }
        }
        mark(user, documentId, DocumentStatus.DONE);
    }

    /** Takes back "done": the document counts as in progress again. */
    public void reopen(String user, String documentId) {
        mark(user, documentId, DocumentStatus.IN_PROGRESS);
    }

    /** The user opened the document; a document already done stays done. */
    public void markStarted(String user, String documentId) {
        requireAssigned(user, documentId);
        if (marksOf(user).get(documentId) == null) {
            mark(user, documentId, DocumentStatus.IN_PROGRESS);
        }
    }

    /** The documents assigned to the user, project by project, with their status. */
    public List<QueueEntry> queue(String user) {
        DocumentId.require(user, "User name");
        List<QueueEntry> entries = new ArrayList<>();
        for (String id : projects.assignedTo(user)) {
            String title = documents.read(id).map(d -> d.title()).orElse(id);
            entries.add(new QueueEntry(id, title, projects.projectOf(id).id(), status(user, id)));
        }
        return entries;
    }

    /**
     * What to open after {@code currentDocumentId}: the next document in the queue that is not done,
     * going round to the start; empty when everything else is done.
     */
    public java.util.Optional<QueueEntry> next(String user, String currentDocumentId) {
        List<String> ids = projects.assignedTo(user);
        int at = ids.indexOf(currentDocumentId);
        for (int step = 1; step <= ids.size(); step++) {
            String id = ids.get(Math.floorMod(at + step, ids.size()));
            if (!id.equals(currentDocumentId) && status(user, id) != DocumentStatus.DONE) {
                String title = documents.read(id).map(d -> d.title()).orElse(id);
                return java.util.Optional.of(new QueueEntry(id, title, projects.projectOf(id).id(), status(user, id)));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * For the curator: each document of the project, each annotator assigned to it, their status. An
     * annotator whose queue file cannot be read is left out (logged, and listed for admins), so one
     * broken file does not hide everyone else's progress.
     */
    public Map<String, Map<String, DocumentStatus>> progress(String projectId) {
        Project project = projects.get(projectId);
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        for (String user : project.members().keySet()) {
            try {
                marksOf(user);
            } catch (org.slant.storage.StorageException e) {
                log.warn("Progress of project {} leaves out {}: {}", projectId, user, e.getMessage());
                unreadable.add(user);
            }
        }
        Map<String, Map<String, DocumentStatus>> table = new LinkedHashMap<>();
        for (String id : projects.documentsOf(projectId)) {
            Map<String, DocumentStatus> row = new LinkedHashMap<>();
            for (String user : project.members().keySet()) {
                if (project.isAssigned(user, id) && !unreadable.contains(user)) {
                    row.put(user, status(user, id));
                }
            }
            table.put(id, row);
        }
        return table;
    }

    private void mark(String user, String documentId, DocumentStatus status) {
        requireAssigned(user, documentId);
        synchronized (locks.computeIfAbsent(user, k -> new Object())) {
            Map<String, DocumentStatus> next = new HashMap<>(marksOf(user));
            if (next.put(documentId, status) == status) {
                return;
            }
            store.save(user, next);
            marks.put(user, Map.copyOf(next));
        }
    }

    private void requireAssigned(String user, String documentId) {
        DocumentId.require(user, "User name");
        documents.open(documentId); // unknown id: DocumentNotFoundException
        if (!projects.isAssigned(user, documentId)) {
            throw new IllegalArgumentException(user + " is not assigned to document " + documentId
                    + ", so cannot mark it");
        }
    }

    private Map<String, DocumentStatus> marksOf(String user) {
        DocumentId.require(user, "User name");
        return marks.computeIfAbsent(user, u -> Map.copyOf(store.find(u)));
    }

    private boolean hasSpans(String user, String documentId) {
        try {
            Layer layer = annotations.layer(documentId, user);
            return !layer.spans().isEmpty();
        } catch (RuntimeException e) {
            return false; // an unknown document or unreadable layer: the document list reports it
        }
    }
}
