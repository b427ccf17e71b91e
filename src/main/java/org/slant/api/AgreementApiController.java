package org.slant.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slant.agreement.AgreementExport;
import org.slant.agreement.AgreementReport;
import org.slant.agreement.AgreementService;
import org.slant.document.DocumentService;
import org.slant.project.ProjectService;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agreement for scripts and papers, the same numbers as the Agreement pages: one document, or
 * documents pooled ({@code ?documents=a,b}, or all of a {@code ?project=}). {@code format=json}
 * (default) or {@code csv}. Curators only: agreement is computed over every annotator's layer. Besides the
 * span rows, the rows on the scheme's structure ({@code attribute}, {@code link}, {@code sentence_label},
 * {@code question} and their {@code _pair} rows; see {@link AgreementExport}).
 */
@RestController
@RequestMapping("/api")
public class AgreementApiController {

    private final AgreementService agreement;
    private final DocumentService documents;
    private final ProjectService projects;
    private final AccessPolicy access;
    private final CurrentUser currentUser;

    public AgreementApiController(AgreementService agreement, DocumentService documents, ProjectService projects,
                                  AccessPolicy access, CurrentUser currentUser) {
        this.agreement = agreement;
        this.documents = documents;
        this.projects = projects;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping("/documents/{id}/agreement")
    public void document(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
                         HttpServletResponse response) throws IOException {
        documents.open(id); // an unknown id is 404 before any permission question
        access.requireCurate(currentUser.name(), id);
        write(agreement.forDocument(id), format, id + "-agreement", response);
    }

    @GetMapping("/agreement")
    public void pooled(@RequestParam(required = false) String project, @RequestParam(defaultValue = "") String documents,
                       @RequestParam(defaultValue = "json") String format, HttpServletResponse response) throws IOException {
        List<String> ids = Arrays.stream(documents.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids.isEmpty()) {
            if (project == null) {
                throw new IllegalArgumentException("Name the documents (?documents=a,b) or a project (?project=ID)");
            }
            projects.get(project); // unknown: 400 naming it
            access.requireManageProject(currentUser.name(), project);
            ids = projects.documentsOf(project);
        }
        for (String id : ids) {
            this.documents.open(id);
            access.requireCurate(currentUser.name(), id);
        }
        write(agreement.forDocuments(ids), format, project == null ? "agreement" : project + "-agreement", response);
    }

    private static void write(AgreementReport report, String format, String name, HttpServletResponse response)
            throws IOException {
        switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> {
                response.setContentType("application/json");
                AgreementExport.json(report, response.getOutputStream());
            }
            case "csv" -> {
                response.setContentType("text/csv; charset=utf-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
                AgreementExport.csv(report, response.getOutputStream());
            }
            default -> throw new IllegalArgumentException("Unknown agreement format \"" + format + "\"; use json or csv");
        }
    }
}
