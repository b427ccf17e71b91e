package org.slant.api;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.DocumentOverview;
import org.slant.document.Document;
import org.slant.document.DocumentNotFoundException;
import org.slant.document.DocumentService;
import org.slant.document.DocumentStore;
import org.slant.exchange.JsonExport;
import org.slant.label.LabelService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only JSON API for scripts and tests: the document list and the Slant JSON export. */
@RestController
@RequestMapping("/api/documents")
public class DocumentApiController {

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labels;

    public DocumentApiController(DocumentService documents, AnnotationService annotations, LabelService labels) {
        this.documents = documents;
        this.annotations = annotations;
        this.labels = labels;
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

    @GetMapping("/{id}/export")
    public ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json")) {
            return error(HttpStatus.BAD_REQUEST, "Unknown format \"" + format + "\"; supported: json");
        }
        Document document = documents.get(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonExport().write(document, labels.labels(), annotations.layers(id), out);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".slant.json\"")
                .body(out.toByteArray());
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ResponseEntity<byte[]> notFound(DocumentNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
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

    private static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        String json = "{\"error\":" + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(message) + "}";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
