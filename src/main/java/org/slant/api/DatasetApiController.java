package org.slant.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.exchange.AnnotationFormat;
import org.slant.exchange.ExportFormat;
import org.slant.exchange.ExportService;
import org.slant.exchange.ImportOptions;
import org.slant.exchange.ImportReport;
import org.slant.exchange.ImportService;
import org.slant.exchange.LayerSelection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Datasets over HTTP: export one document or many in any format (streamed straight to the response,
 * so a large project never sits in memory) and import annotations into a layer.
 */
@RestController
@RequestMapping("/api")
public class DatasetApiController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatasetApiController.class);

    private final ExportService exports;
    private final ImportService imports;

    private final org.slant.security.AccessPolicy access;
    private final org.slant.security.CurrentUser currentUser;
    private final org.slant.project.ProjectService projects;

    public DatasetApiController(ExportService exports, ImportService imports, org.slant.security.AccessPolicy access,
                                org.slant.security.CurrentUser currentUser, org.slant.project.ProjectService projects) {
        this.projects = projects;
        this.exports = exports;
        this.imports = imports;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** One document, in any format: {@code /api/documents/{id}/export?format=jsonl&layers=majority}. */
    @GetMapping("/documents/{id}/export")
    public void exportDocument(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
                               @RequestParam(defaultValue = "all") String layers, HttpServletResponse response)
            throws IOException {
        stream(ExportFormat.parse(format), List.of(id), LayerSelection.parse(layers), id, response);
    }

    /** Many documents (all when {@code documents} is empty): {@code /api/export?format=conll&documents=a,b}. */
    @GetMapping("/export")
    public void exportProject(@RequestParam(defaultValue = "json") String format,
                              @RequestParam(defaultValue = "") String documents,
                              @RequestParam(required = false) String project,
                              @RequestParam(defaultValue = "all") String layers, HttpServletResponse response)
            throws IOException {
        List<String> ids = Arrays.stream(documents.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids.isEmpty()) {
            // "everything" means everything you may open (of the project, when one is named)
            java.util.Set<String> inProject = project == null ? null : new java.util.HashSet<>(projects.documentsOf(project));
            ids = access.visibleDocuments(currentUser.name()).stream()
                    .filter(id -> inProject == null || inProject.contains(id)).toList();
        }
        stream(ExportFormat.parse(format), ids, LayerSelection.parse(layers), "slant-dataset", response);
    }

    /**
     * Imports annotations into a layer: {@code POST /api/import?format=brat&annotator=gold} with the file
     * as the body. Nothing is written unless the whole file checks clean; {@code check=true} only checks.
     */
    @PostMapping(value = "/import", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> importAnnotations(
            @RequestParam String format, @RequestParam String annotator,
            @RequestParam(defaultValue = "upload") String fileName,
            @RequestParam(defaultValue = "false") boolean skipUnknownLabels,
            @RequestParam(defaultValue = "true") boolean createDocuments,
            @RequestParam(defaultValue = "false") boolean check,
            @RequestParam(required = false) List<String> map,
            @RequestParam(required = false) String project,
            @RequestBody byte[] body) {
        // an import may touch any document it matches (by id or text) and create new ones: admins may,
        // curators only into documents they may write (checked per document in the report) and no new ones
        String user = currentUser.name();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : map == null ? List.<String>of() : map) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Label mapping must look like FILE_LABEL=LABEL_ID, got: " + pair);
            }
            mapping.put(kv[0], kv[1]);
        }
        ImportOptions options = imports.optionsFor(user, annotator, mapping, skipUnknownLabels, createDocuments, project);
        AnnotationFormat f = AnnotationFormat.parse(format);
        ImportReport report = check ? imports.check(f, fileName, body, options) : imports.apply(f, fileName, body, options);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", report.ok());
        json.put("written", report.ok() && !check);
        json.put("documentsMatched", report.documentsMatched());
        json.put("documentsCreated", report.documentsCreated());
        json.put("spansImported", report.spansImported());
        json.put("spansSkipped", report.spansSkipped());
        json.put("linksImported", report.linksImported());
        json.put("sentenceLabelsImported", report.sentenceLabelsImported());
        json.put("answersImported", report.answersImported());
        json.put("schemeAdditions", report.schemeAdditions());
        json.put("unknownLabels", report.unknownLabels());
        json.put("problems", report.problems().stream().map(p -> Map.of("file", String.valueOf(p.file()),
                "line", p.line(), "reason", p.reason())).toList());
        if (report.problemsNotListed() > 0) {
            json.put("problemsNotListed", report.problemsNotListed());
        }
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(json);
    }

    private void stream(ExportFormat format, List<String> ids, LayerSelection layers, String baseName,
                        HttpServletResponse response) throws IOException {
        exports.checkDocumentsExist(ids); // fail with 404 or 403 before the first byte is sent
        String user = currentUser.name();
        for (String id : ids) {
            access.requireOpen(user, id);
            switch (layers.mode()) {
                case MAJORITY -> access.requireCurate(user, id); // a vote over layers an annotator may not see
                case ANNOTATOR -> access.requireRead(user, id, layers.annotator());
                case ALL -> { } // filtered below to the layers the user may read
            }
        }
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + format.fileName(baseName) + "\"");
        // the body is on its way by the time a broken layer is met: it is left out, and logged for the admin's banner
        exports.export(format, ids, layers, user, (doc, layer) -> access.canRead(user, doc, layer), response.getOutputStream())
                .forEach(p -> log.warn("Export for {} left out a layer that cannot be read: {}", user, p));
    }
}
