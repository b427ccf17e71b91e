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
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-api-test");
        registry.add("slant.workspace", folder::toString);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
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
}
