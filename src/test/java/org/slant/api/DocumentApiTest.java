package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API over real HTTP: the list, the export with code point offsets, and clear errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.productionMode=true") // the API needs no frontend bundle, so this also runs with -DskipFrontend
class DocumentApiTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Value("${slant.workspace}")
    Path workspace;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-api-test");
        registry.add("slant.workspace", folder::toString);
    }

    @Autowired
    org.slant.security.UserService users;
    private String token;

    /** These tests act as an admin through a personal API token; ApiSecurityTest covers who may do what. */
    @org.junit.jupiter.api.BeforeEach
    void adminToken() {
        if (users.find("api-admin").isEmpty()) {
            users.create("api-admin", "API admin", "api-admin-password", true);
        }
        token = users.createToken("api-admin", "tests").secret();
    }

    @org.junit.jupiter.api.AfterEach
    void revokeTokens() {
        users.get("api-admin").tokens().forEach(t -> users.revokeToken("api-admin", t.id()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokenLayerIsListedWithItsProblemAndTheOthersAsUsual() throws Exception {
        String id = documents.add(new Draft("Broken layer", "One 🙂 two three."), Source.UNKNOWN).id();
        annotations.create(id, "ana", 6, 9, "fact", false);
        annotations.create(id, "ben", 6, 9, "fact", false);
        Path file = workspace.resolve("layers/" + id + "/ben.json");
        String broken = "{\"format\": \"slant-layer/1\",\n  \"document\" \"x\"}";
        Files.writeString(file, broken);

        HttpResponse<String> response = get("/api/documents/" + id + "/layers");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode layers = JsonMapper.shared().readTree(response.body());
        assertThat(layers).hasSize(2);
        assertThat(layers.get(0).path("annotator").asString()).isEqualTo("ana");
        assertThat(layers.get(0).path("spans").asInt()).isEqualTo(1);
        assertThat(layers.get(1).path("annotator").asString()).isEqualTo("ben");
        assertThat(layers.get(1).path("problem").asString()).startsWith("layers/" + id + "/ben.json: line 2, column 14");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void listsDocumentsWithSpanCounts() throws Exception {
        String id = documents.add(new Draft("Listed", "One 🙂 two three."), Source.UNKNOWN).id();
        annotations.create(id, "ann", 6, 9, "fact", false);

        HttpResponse<String> response = get("/api/documents");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = JsonMapper.shared().readTree(response.body()).path("documents");
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.path("id").asString().equals(id)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("spans").asInt()).isEqualTo(1);
        assertThat(row.path("length").asInt()).isEqualTo(16); // code points: the emoji counts once, not twice
        assertThat(row.path("export").asString()).isEqualTo("/api/documents/" + id + "/export?format=json");
    }

    @Test
    void exportCarriesEveryLayerWithCodePointOffsets() throws Exception {
        String text = "𝔘nicode 😀 first. The minister SLAMMED critics.";
        String id = documents.add(new Draft("Exported", text), Source.UNKNOWN).id();
        int utf16 = text.indexOf("SLAMMED");
        int cp = text.codePointCount(0, utf16);
        annotations.create(id, "alice", cp, cp + 7, "sensational", false);
        annotations.create(id, "bob", cp, cp + 7, "opinion", false);

        HttpResponse<String> response = get("/api/documents/" + id + "/export?format=json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().contains(id + ".json");
        JsonNode export = JsonMapper.shared().readTree(response.body());
        assertThat(export.path("format").asString()).isEqualTo("slant-export/1");
        assertThat(export.path("layers")).hasSize(2);
        for (JsonNode layer : export.path("layers")) {
            JsonNode span = layer.path("spans").get(0);
            assertThat(span.path("start").asInt()).isEqualTo(utf16 - 2);
            assertThat(span.path("text").asString()).isEqualTo("SLAMMED");
        }
    }

    @Test
    void unknownDocumentAndFormatGiveClearErrors() throws Exception {
        HttpResponse<String> missing = get("/api/documents/no-such-doc/export?format=json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no-such-doc");

        HttpResponse<String> format = get("/api/documents/peace-talks/export?format=xml");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("xml").contains("json");
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsDocumentsFromJsonAndFromAnHtmlFile() throws Exception {
        HttpResponse<String> json = send("POST", "/api/documents", "application/json",
                "{\"title\": \"Posted\", \"text\": \"Posted text 🙂 here.\", \"outlet\": \"Wire\"}");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(201);
        String id = JsonMapper.shared().readTree(json.body()).path("id").asString();
        assertThat(documents.get(id).source().outlet()).isEqualTo("Wire");

        HttpResponse<String> html = send("POST", "/api/documents?fileName=page.html", "text/html",
                "<html><head><title>From HTML</title><script>x()</script></head><body><p>Body text.</p></body></html>");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(201);
        String htmlId = JsonMapper.shared().readTree(html.body()).path("id").asString();
        assertThat(documents.get(htmlId).text()).isEqualTo("Body text.");

        HttpResponse<String> empty = send("POST", "/api/documents", "application/json", "{\"text\": \"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("no text");
    }

    @Test
    void replacesALayerWithARevisionCheckAndReadsItBack() throws Exception {
        String text = "The minister SLAMMED critics.";
        String id = documents.add(new Draft("Layer test", text), Source.UNKNOWN).id();
        HttpResponse<String> empty = get("/api/documents/" + id + "/layers/model");
        assertThat(JsonMapper.shared().readTree(empty.body()).path("revision").asInt()).isZero();

        String put = "{\"revision\": 0, \"spans\": [{\"start\": 13, \"end\": 20, \"label\": \"sensational\", \"note\": \"verb\"}]}";
        HttpResponse<String> saved = send("PUT", "/api/documents/" + id + "/layers/model", "application/json", put);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode layer = JsonMapper.shared().readTree(get("/api/documents/" + id + "/layers/model").body());
        assertThat(layer.path("revision").asInt()).isEqualTo(1);
        assertThat(layer.path("spans").get(0).path("text").asString()).isEqualTo("SLAMMED");
        assertThat(layer.path("spans").get(0).path("note").asString()).isEqualTo("verb");

        HttpResponse<String> stale = send("PUT", "/api/documents/" + id + "/layers/model", "application/json", put);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("revision 1");

        HttpResponse<String> wrongText = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, \"spans\": [{\"start\": 13, \"end\": 20, \"label\": \"fact\", \"text\": \"PRAISED\"}]}");
        assertThat(wrongText.statusCode()).isEqualTo(400);
        assertThat(wrongText.body()).contains("PRAISED").contains("SLAMMED");

        HttpResponse<String> outOfRange = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, \"spans\": [{\"start\": 13, \"end\": 999, \"label\": \"fact\"}]}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("spans[0]");
        assertThat(annotations.layer(id, "model").revision()).isEqualTo(1);
    }

    @Autowired
    org.slant.project.ProjectService projects;
    @Autowired
    org.slant.label.LabelService labels;

    /** A scheme with a span attribute, a required role, a sentence label and a document question. */
    private static final org.slant.label.Scheme STRUCTURED = new org.slant.label.Scheme(java.util.List.of(
            new org.slant.label.Label("bias", "Bias", "#d9480f", "1", "wavy", "", java.util.List.of(
                    org.slant.label.Attribute.choice("polarity", "Polarity", true, "",
                            new org.slant.label.Choice("positive", "Positive"), new org.slant.label.Choice("negative", "Negative")),
                    org.slant.label.Attribute.of("target", "Target", org.slant.label.AttributeKind.ENTITY, false, ""))),
            new org.slant.label.Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new org.slant.label.Label("source", "Source", "#0b7285", "3", "dotted", "")),
            java.util.List.of(org.slant.label.LinkType.role("source", "Source", "attribution", java.util.List.of("source"), true, "")),
            java.util.List.of(org.slant.label.Attribute.choice("biased", "Biased", false, "",
                    new org.slant.label.Choice("yes", "Biased"), new org.slant.label.Choice("no", "Not biased"))),
            java.util.List.of(org.slant.label.Attribute.choice("tone", "Tone", false, "",
                    new org.slant.label.Choice("pro", "Pro"), new org.slant.label.Choice("anti", "Anti"))));

    @Test
    void aLayerPutCarriesAttributesLinksSentencesAndAnswersAndGetReturnsThem() throws Exception {
        String project = projects.create("Structured " + System.nanoTime(), "api-admin").id();
        labels.replace(project, STRUCTURED);
        String text = "Merz said the talks failed. Critics claimed Putin won.";
        String id = documents.add(new Draft("Structured layer " + System.nanoTime(), text), Source.UNKNOWN).id();
        projects.moveDocuments(java.util.List.of(id), project, java.util.Map.of());
        String spans = "\"spans\": [{\"id\": \"s1\", \"start\": 10, \"end\": 26, \"label\": \"attribution\"},"
                + " {\"id\": \"s2\", \"start\": 0, \"end\": 4, \"label\": \"source\"},"
                + " {\"id\": \"s3\", \"start\": 36, \"end\": 43, \"label\": \"bias\","
                + " \"attributes\": {\"polarity\": \"negative\", \"target\": \"Putin\"}}]";
        String put = "{\"revision\": 0, " + spans + ", \"links\": [{\"type\": \"source\", \"from\": \"s1\", \"to\": \"s2\"}],"
                + " \"sentences\": [{\"start\": 28, \"end\": 54, \"values\": {\"biased\": \"yes\"}}],"
                + " \"answers\": {\"tone\": \"anti\"}}";
        HttpResponse<String> saved = send("PUT", "/api/documents/" + id + "/layers/model", "application/json", put);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonNode layer = JsonMapper.shared().readTree(get("/api/documents/" + id + "/layers/model").body());
        assertThat(layer.path("format").asString()).isEqualTo("slant-layer/2");
        assertThat(layer.path("links").get(0).path("type").asString()).isEqualTo("source");
        assertThat(layer.path("links").get(0).path("from").asString()).isEqualTo("s1");
        assertThat(layer.path("links").get(0).path("author").asString()).isEqualTo("api-admin");
        JsonNode bias = java.util.stream.StreamSupport.stream(layer.path("spans").spliterator(), false)
                .filter(s -> s.path("id").asString().equals("s3")).findFirst().orElseThrow();
        assertThat(bias.path("attributes").path("polarity").asString()).isEqualTo("negative");
        assertThat(bias.path("attributes").path("target").asString()).isEqualTo("Putin");
        assertThat(layer.path("sentences").get(0).path("text").asString()).isEqualTo("Critics claimed Putin won.");
        assertThat(layer.path("sentences").get(0).path("values").path("biased").asString()).isEqualTo("yes");
        assertThat(layer.path("answers").path("tone").asString()).isEqualTo("anti");

        // a link to a span the layer does not have is a 400 naming the link and the span; nothing is saved
        HttpResponse<String> badEnd = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, " + spans + ", \"links\": [{\"id\": \"l9\", \"type\": \"source\", \"from\": \"s1\", \"to\": \"s9\"}]}");
        assertThat(badEnd.statusCode()).as(badEnd.body()).isEqualTo(400);
        assertThat(badEnd.body()).contains("l9").contains("s9");
        HttpResponse<String> badValue = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, " + spans.replace("negative", "angry") + "}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.body()).contains("Polarity").contains("angry");
        assertThat(annotations.layer(id, "model").revision()).isEqualTo(1);

        // parts left out stay as they are
        HttpResponse<String> spansOnly = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, " + spans + "}");
        assertThat(spansOnly.statusCode()).as(spansOnly.body()).isEqualTo(200);
        assertThat(annotations.layer(id, "model").links()).hasSize(1);
        assertThat(annotations.layer(id, "model").answers()).containsKey("tone");
    }

    /** Another writer on the folder (as a second server or a CLI import was): the API answers 409, never overwrites. */
    @Test
    void aLayerChangedBehindTheServersBackIsRefusedWith409AndKept() throws Exception {
        String text = "The minister SLAMMED critics.";
        String id = documents.add(new Draft("Behind the back", text), Source.UNKNOWN).id();
        String put = "{\"revision\": 0, \"spans\": [{\"start\": 13, \"end\": 20, \"label\": \"sensational\"}]}";
        assertThat(send("PUT", "/api/documents/" + id + "/layers/model", "application/json", put).statusCode()).isEqualTo(200);

        var elsewhere = org.slant.workspace.JsonWorkspace.forReading(workspace);
        var clock = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(1));
        new AnnotationService(new DocumentService(elsewhere, clock, 1 << 20), new org.slant.label.LabelService(new org.slant.project.ProjectRegistry(elsewhere)),
                elsewhere, clock).create(id, "model", 0, 3, "fact", false); // revision 2, unknown to the server

        HttpResponse<String> stale = send("PUT", "/api/documents/" + id + "/layers/model", "application/json",
                "{\"revision\": 1, \"spans\": []}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("revision 2, not 1");
        JsonNode layer = JsonMapper.shared().readTree(get("/api/documents/" + id + "/layers/model").body());
        assertThat(layer.path("revision").asInt()).isEqualTo(2);
        assertThat(layer.path("spans")).hasSize(2);
    }

    @Test
    void deletingMovesTheDocumentAndItsLayersToTheTrash() throws Exception {
        String id = documents.add(new Draft("Doomed", "Short lived text."), Source.UNKNOWN).id();
        annotations.create(id, "alice", 0, 5, "fact", false);

        HttpResponse<String> deleted = send("DELETE", "/api/documents/" + id, "application/json", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        String movedTo = JsonMapper.shared().readTree(deleted.body()).path("movedTo").asString();
        assertThat(get("/api/documents/" + id + "/export?format=json").statusCode()).isEqualTo(404);
        assertThat(movedTo).startsWith("trash/");
        assertThat(workspace.resolve(movedTo).resolve(id + ".json")).exists();
        assertThat(workspace.resolve(movedTo).resolve("layers/alice.json")).exists();
        assertThat(send("DELETE", "/api/documents/" + id, "application/json", null).statusCode()).isEqualTo(404);
    }
}
