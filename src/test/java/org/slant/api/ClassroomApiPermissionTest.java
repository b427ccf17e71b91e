package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.slant.security.UserService;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's API token reaches their own layer on their exercise's document and nothing else: not the
 * teacher's reference layer, not gold, not a classmate's layer, not another document, also when the
 * project lets annotators see each other's layers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClassroomApiPermissionTest {

    private static final String TEXT = "The minister SLAMMED critics, officials said, in a disgrace of a speech.";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TeachingService teaching;
    @Autowired
    ProjectService projects;

    String doc;
    String other;
    String ana;
    String bo;
    String anaToken;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("slant.workspace", () -> {
            try {
                return Files.createTempDirectory("slant-classroom-api").toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void exerciseWithTwoStudents() {
        if (users.find("teacher").isEmpty()) {
            users.create("teacher", "Teacher", "teacher-password", true);
        }
        doc = documents.add(new Draft("Speech " + System.nanoTime(), TEXT), Source.UNKNOWN).id();
        other = documents.add(new Draft("Other " + System.nanoTime(), "Another article entirely."), Source.UNKNOWN).id();
        annotations.create(doc, "teacher", 13, 20, "sensational", false);
        annotations.create(doc, Layer.GOLD, 13, 20, "sensational", false);
        Exercise e = teaching.create(new TeachingService.NewExercise("Framing " + System.nanoTime(), doc, "teacher",
                "teacher", "", Set.of("sensational"), false, null));
        TeachingService.ClassListReport added = teaching.addClassList(e.id(), "Ana\nBo\n");
        ana = added.added().get(0).user();
        bo = added.added().get(1).user();
        annotations.create(doc, ana, 4, 12, "opinion", false);
        annotations.create(doc, bo, 21, 28, "opinion", false);
        anaToken = users.createToken(ana, "t").secret();
        projects.setOthersVisible(Project.DEFAULT_ID, true);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + anaToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStudentTokenGets403ForTheReferenceGoldAndAClassmateAnd404ForOtherDocuments() throws Exception {
        for (String path : List.of(
                "/api/documents/" + doc + "/layers/teacher",
                "/api/documents/" + doc + "/layers/gold",
                "/api/documents/" + doc + "/layers/" + bo,
                "/api/documents/" + doc + "/export?format=json&layers=annotator:teacher",
                "/api/documents/" + doc + "/export?format=json&layers=annotator:" + bo,
                "/api/documents/" + doc + "/export?format=json&layers=majority")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(403);
        }
        // a document outside their exercises does not exist for them
        assertThat(get("/api/documents/" + other + "/export?format=json").statusCode()).isEqualTo(404);
    }

    @Test
    void theExportOfTheirDocumentHoldsOnlyTheirOwnLayer() throws Exception {
        HttpResponse<String> own = get("/api/documents/" + doc + "/layers/" + ana);
        assertThat(own.statusCode()).isEqualTo(200);

        HttpResponse<String> export = get("/api/documents/" + doc + "/export?format=json");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        List<String> layers = new ArrayList<>();
        for (JsonNode layer : JsonMapper.shared().readTree(export.body()).path("layers")) {
            layers.add(layer.path("annotator").asString());
        }
        assertThat(layers).containsExactly(ana);
        assertThat(export.body()).doesNotContain("SLAMMED\"").doesNotContain("\"critics\"");

        JsonNode list = JsonMapper.shared().readTree(get("/api/documents/" + doc + "/layers").body());
        assertThat(list).hasSize(1);
        assertThat(list.path(0).path("annotator").asString()).isEqualTo(ana);
    }
}
