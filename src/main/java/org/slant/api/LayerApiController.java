package org.slant.api;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.label.AttributeValue;
import org.slant.document.Document;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.exchange.SlantJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents and layers for scripts: create and delete documents, read a layer, replace a layer.
 * Layers travel in the workspace's own layer format (annotations/README.md); a PUT carries the
 * revision it started from and is refused with 409 if someone saved in between.
 */
@RestController
@RequestMapping("/api/documents")
public class LayerApiController {

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final Clock clock;

    private final org.slant.security.AccessPolicy access;
    private final org.slant.security.CurrentUser currentUser;
    private final org.slant.project.ProjectService projects;
    private final org.slant.annotation.UserEdits edits;

    public LayerApiController(DocumentService documents, AnnotationService annotations, Clock clock,
                              org.slant.security.AccessPolicy access, org.slant.security.CurrentUser currentUser,
                              org.slant.project.ProjectService projects, org.slant.annotation.UserEdits edits) {
        this.edits = edits;
        this.documents = documents;
        this.annotations = annotations;
        this.clock = clock;
        this.access = access;
        this.currentUser = currentUser;
        this.projects = projects;
    }

    /**
     * Adds a document. With {@code fileName} the body is the file (.txt, .md or .html, imported as in
     * the UI); without it the body is JSON {@code {"title", "text", "outlet"?, "url"?}}.
     */
    @PostMapping(consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestParam(required = false) String fileName,
                                                      @RequestParam(defaultValue = org.slant.project.Project.DEFAULT_ID) String project,
                                                      @RequestBody byte[] body) {
        projects.get(project); // an unknown project is a 400 naming it
        // asked before the body is read too, so a stranger's upload is not even parsed; the service asks again
        access.requireManageProject(currentUser.name(), project);
        Draft draft;
        Source source = Source.UNKNOWN;
        if (fileName != null) {
            draft = documents.importer().importFile(fileName, body);
        } else {
            JsonNode json = SlantJson.parse(body);
            String text = SlantJson.string(json, "text", "request body", true);
            Draft cleaned = documents.importer().fromText("The \"text\" field", text);
            String title = SlantJson.string(json, "title", "request body", false);
            draft = new Draft(title == null || title.isBlank() ? cleaned.title() : title, cleaned.text());
            source = new Source(SlantJson.string(json, "outlet", "request body", false),
                    SlantJson.string(json, "url", "request body", false), null);
        }
        Document doc = projects.as(currentUser.name()).addDocument(draft, source, project);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", doc.id());
        out.put("title", doc.title());
        out.put("length", doc.length());
        out.put("project", project);
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    /** Moves the document and its layers to the workspace's trash folder. */
    @DeleteMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> delete(@PathVariable String id) {
        return Map.of("deleted", id, "movedTo", edits.deleteDocument(currentUser.name(), id));
    }

    @GetMapping(value = "/{id}/layers", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> layers(@PathVariable String id) {
        documents.get(id);
        String user = currentUser.name();
        access.requireOpen(user, id);
        List<Map<String, Object>> out = new ArrayList<>();
        org.slant.annotation.LayerStore.LayerListing listing = annotations.readableLayers(id);
        for (Layer layer : listing.layers()) {
            if (!access.canRead(user, id, layer.annotator())) {
                continue;
            }
            out.add(Map.of("annotator", layer.annotator(), "revision", layer.revision(), "spans", layer.spans().size()));
        }
        // a layer file that cannot be read is listed with what is wrong, not left out silently nor failing the rest
        for (var broken : listing.unreadable()) {
            if (broken.annotator() != null && access.canRead(user, id, broken.annotator())) {
                out.add(Map.of("annotator", broken.annotator(), "problem", broken.problem()));
            }
        }
        return out;
    }

    /** One layer in the workspace format; a layer nobody has started is empty at revision 0. */
    @GetMapping(value = "/{id}/layers/{annotator}", produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] layer(@PathVariable String id, @PathVariable String annotator) {
        documents.get(id);
        access.requireRead(currentUser.name(), id, annotator);
        return layerJson(annotations.layer(id, annotator));
    }

    /**
     * Replaces a layer: {@code {"revision": n, "spans": [{"start", "end", "label", "text"?, "note"?, "id"?,
     * "attributes"?}], "links"?: [...], "sentences"?: [...], "answers"?: {...}}} in the slant-layer/2 shape
     * (annotations/README.md). Offsets are code points; a given "text" must match the document there. A link's
     * "id", "author" and "created" may be left out (a new id, the caller, now), as may a sentence's "text". A
     * part left out keeps what the layer has (links only where both spans stay).
     */
    @PutMapping(value = "/{id}/layers/{annotator}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] replace(@PathVariable String id, @PathVariable String annotator, @RequestBody byte[] body) {
        Document doc = documents.get(id);
        String user = currentUser.name();
        access.requireWrite(user, id, annotator); // before reading the body; UserEdits asks again with the spans
        JsonNode json = SlantJson.parse(body);
        long revision = SlantJson.longInteger(json, "revision", "request body");
        JsonNode spans = json.path("spans");
        if (!spans.isArray()) {
            throw new IllegalArgumentException("request body: \"spans\" must be an array");
        }
        var index = documents.open(id).index();
        Instant now = clock.instant();
        List<Span> parsed = new ArrayList<>();
        int n = 0;
        for (JsonNode s : spans) {
            String where = "spans[" + n++ + "]";
            int start = SlantJson.integer(s, "start", where);
            int end = SlantJson.integer(s, "end", where);
            if (start < 0 || end > index.codePointLength() || start >= end) {
                throw new IllegalArgumentException(where + ": " + start + "-" + end + " is not a range inside the text (0-"
                        + index.codePointLength() + ")");
            }
            String text = SlantJson.string(s, "text", where, false);
            String spanId = SlantJson.string(s, "id", where, false);
            parsed.add(new Span(spanId == null ? "a" + Long.toString(now.toEpochMilli(), 36) + "-" + n : spanId, start, end,
                    SlantJson.string(s, "label", where, true), text == null ? index.slice(doc.text(), start, end) : text,
                    SlantJson.string(s, "note", where, false), annotator, now, now,
                    SlantJson.readValues(s, "attributes", where)));
        }
        List<Link> links = json.has("links") ? SlantJson.readLinks(withLinkDefaults(json, user, now)) : null;
        List<SentenceAnnotation> sentences = json.has("sentences")
                ? SlantJson.readSentences(withSentenceTexts(json, doc.text(), index), doc.text()) : null;
        Map<String, AttributeValue> answers = json.has("answers") ? SlantJson.readValues(json, "answers", "request body") : null;
        return layerJson(edits.replaceLayer(user, id, annotator, revision, parsed, links, sentences, answers));
    }

    /** A script adding links need not make up their ids, author and time: filled in, as a span's id is. */
    private static JsonNode withLinkDefaults(JsonNode json, String user, Instant now) {
        if (!json.path("links").isArray()) {
            return json; // the reader names the problem
        }
        ObjectNode copy = (ObjectNode) json.deepCopy();
        int n = 0;
        for (JsonNode link : copy.path("links").values()) {
            n++;
            if (link instanceof ObjectNode l) {
                if (!l.has("id")) {
                    l.put("id", "l" + Long.toString(now.toEpochMilli(), 36) + "-" + n);
                }
                if (!l.has("author")) {
                    l.put("author", user);
                }
                if (!l.has("created")) {
                    l.put("created", now.toString());
                }
            }
        }
        return copy;
    }

    /** A sentence's "text" may be left out: it is the document's text there (a given one must match it). */
    private static JsonNode withSentenceTexts(JsonNode json, String text, org.slant.document.CodePointIndex index) {
        if (!json.path("sentences").isArray()) {
            return json;
        }
        ObjectNode copy = (ObjectNode) json.deepCopy();
        for (JsonNode sentence : copy.path("sentences").values()) {
            if (sentence instanceof ObjectNode s && !s.has("text") && s.path("start").canConvertToInt()
                    && s.path("end").canConvertToInt()) {
                int start = s.path("start").asInt();
                int end = s.path("end").asInt();
                if (start >= 0 && start < end && end <= index.codePointLength()) {
                    s.put("text", index.slice(text, start, end));
                }
            }
        }
        return copy;
    }

    private static byte[] layerJson(Layer layer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = SlantJson.generator(out, 3)) {
            SlantJson.writeLayer(g, layer);
        }
        return out.toByteArray();
    }
}
