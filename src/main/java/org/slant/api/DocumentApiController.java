package org.slant.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.DocumentOverview;
import org.slant.document.DocumentService;
import org.slant.document.DocumentStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The document list for scripts and tests; exports and imports are in {@link DatasetApiController}. */
@RestController
@RequestMapping("/api/documents")
public class DocumentApiController {

    private final DocumentService documents;
    private final AnnotationService annotations;

    private final org.slant.security.AccessPolicy access;
    private final org.slant.security.CurrentUser currentUser;

    private final org.slant.annotation.ClassWork classWork;

    public DocumentApiController(DocumentService documents, AnnotationService annotations,
                                 org.slant.security.AccessPolicy access, org.slant.security.CurrentUser currentUser,
                                 org.slant.annotation.ClassWork classWork) {
        this.classWork = classWork;
        this.documents = documents;
        this.annotations = annotations;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list() {
        DocumentStore.Listing listing = documents.list();
        String user = currentUser.name();
        java.util.Set<String> visible = new java.util.HashSet<>(access.visibleDocuments(user));
        List<Map<String, Object>> rows = annotations.overview(listing.documents().stream()
                .filter(d -> visible.contains(d.id())).toList(), classWork).stream().map(o -> row(o, user)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documents", rows);
        // broken files are named only to admins: a file name can say what an unassigned document is about
        body.put("problems", access.isAdmin(currentUser.name()) ? listing.problems() : List.of());
        return body;
    }

    private Map<String, Object> row(DocumentOverview o, String user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.document().id());
        m.put("title", o.document().title());
        m.put("length", o.document().length());
        String problem = o.problem();
        if (access.canSeeOthers(user, o.document().id())) {
            m.put("spans", o.spanCount());
            m.put("annotators", o.annotators());
        } else {
            // blind: not even how many spans others made, or who they are (their broken files included)
            int own = 0;
            problem = null;
            try {
                own = annotations.layer(o.document().id(), user).spans().size();
            } catch (org.slant.storage.StorageException e) {
                problem = e.getMessage(); // their own layer: theirs to know about
            }
            m.put("spans", own);
            m.put("annotators", own == 0 ? 0 : 1);
        }
        m.put("lastChange", o.lastChange().toString());
        m.put("export", "/api/documents/" + o.document().id() + "/export?format=json");
        if (problem != null) {
            m.put("problem", problem);
        }
        return m;
    }
}
