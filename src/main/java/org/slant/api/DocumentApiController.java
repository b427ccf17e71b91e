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

    public DocumentApiController(DocumentService documents, AnnotationService annotations) {
        this.documents = documents;
        this.annotations = annotations;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list() {
        DocumentStore.Listing listing = documents.list();
        List<Map<String, Object>> rows = annotations.overview(listing.documents()).stream().map(this::row).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documents", rows);
        body.put("problems", listing.problems());
        return body;
    }

    private Map<String, Object> row(DocumentOverview o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.document().id());
        m.put("title", o.document().title());
        m.put("length", o.document().length());
        m.put("spans", o.spanCount());
        m.put("annotators", o.annotators());
        m.put("lastChange", o.lastChange().toString());
        m.put("export", "/api/documents/" + o.document().id() + "/export?format=json");
        if (o.problem() != null) {
            m.put("problem", o.problem());
        }
        return m;
    }
}
