package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An annotator can never read or change another annotator's layer through the API (403), sees only
 * the documents assigned to them, and a curator's reach ends at their project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD) // a fresh workspace per test
class ApiPermissionTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    org.springframework.context.ApplicationContext context;

    String assigned;
    String unassigned;
    String elsewhere;
    String ann1;
    String ann2;
    String curator;
    String otherCurator;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("slant.workspace", () -> {
            try {
                return Files.createTempDirectory("slant-api-permissions").toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void project() {
        for (String u : List.of("ann1", "ann2", "cur", "cur2")) {
            users.create(u, null, u + "-password", false);
        }
        String alpha = projects.create("Alpha", "cur").id();
        String beta = projects.create("Beta", "cur2").id();
        assigned = documents.add(new Draft("Assigned", "The minister SLAMMED critics on Monday."), Source.UNKNOWN).id();
        unassigned = documents.add(new Draft("Unassigned", "Officials said talks failed."), Source.UNKNOWN).id();
        elsewhere = documents.add(new Draft("Elsewhere", "Another project's article."), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(assigned, unassigned), alpha, Map.of());
        projects.moveDocuments(List.of(elsewhere), beta, Map.of());
        projects.setMember(alpha, "ann1", ProjectRole.ANNOTATOR);
        projects.setMember(alpha, "ann2", ProjectRole.ANNOTATOR);
        projects.assign(alpha, assigned, List.of("ann1", "ann2"));
        annotations.create(assigned, "ann1", 13, 20, "sensational", false);
        annotations.create(assigned, "ann2", 4, 12, "opinion", false);
        annotations.create(assigned, Layer.GOLD, 13, 20, "sensational", false);
        ann1 = users.createToken("ann1", "t").secret();
        ann2 = users.createToken("ann2", "t").secret();
        curator = users.createToken("cur", "t").secret();
        otherCurator = users.createToken("cur2", "t").secret();
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> annotators(String exportJson) {
        List<String> names = new ArrayList<>();
        for (JsonNode layer : JsonMapper.shared().readTree(exportJson).path("layers")) {
            names.add(layer.path("annotator").asString());
        }
        return names;
    }

    @Test
    void anAnnotatorGets403ForEveryWayToAnotherAnnotatorsLayer() throws Exception {
        String put = "{\"revision\": 1, \"spans\": []}";
        for (String[] c : new String[][] {
                {"GET", "/api/documents/" + assigned + "/layers/ann2"},
                {"PUT", "/api/documents/" + assigned + "/layers/ann2"},
                {"GET", "/api/documents/" + assigned + "/layers/gold"},
                {"PUT", "/api/documents/" + assigned + "/layers/gold"},
                {"GET", "/api/documents/" + assigned + "/export?format=json&layers=annotator:ann2"},
                {"GET", "/api/documents/" + assigned + "/export?format=json&layers=majority"},
                {"DELETE", "/api/documents/" + assigned},
                {"POST", "/api/documents?project=default"},
                {"POST", "/api/import?format=jsonl&annotator=ann1"}}) {
            HttpResponse<String> r = call(ann1, c[0], c[1], c[0].equals("PUT") ? put : "{\"title\":\"t\",\"text\":\"x\"}");
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + " → " + r.body()).isEqualTo(403);
            assertThat(JsonMapper.shared().readTree(r.body()).path("error").asString()).as(c[1]).isNotBlank();
        }
        // documents not assigned to them do not exist for them (404 like an unknown id, see below)
        for (String[] c : new String[][] {
                {"GET", "/api/documents/" + unassigned + "/export?format=json"},
                {"GET", "/api/documents/" + unassigned + "/layers/ann1"},
                {"GET", "/api/documents/" + elsewhere + "/layers"},
                {"GET", "/api/export?format=jsonl&documents=" + assigned + "," + unassigned}}) {
            HttpResponse<String> r = call(ann1, c[0], c[1], null);
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + " → " + r.body()).isEqualTo(404);
        }
        // nothing changed behind the refusals
        assertThat(annotations.layer(assigned, "ann2").spans()).hasSize(1);
        assertThat(annotations.layer(assigned, "gold").spans()).hasSize(1);
        assertThat(documents.read(assigned)).isPresent();
    }

    /** A layer's structure travels with it under the same rules: one's own layer yes, another annotator's never. */
    @Test
    void linksAndAnswersArePutOnlyIntoALayerOneMayWrite() throws Exception {
        String structured = "{\"revision\": %d, \"spans\": [{\"id\": \"s1\", \"start\": 13, \"end\": 28, \"label\": \"attribution\"},"
                + " {\"id\": \"s2\", \"start\": 0, \"end\": 12, \"label\": \"source\"}],"
                + " \"links\": [{\"type\": \"source\", \"from\": \"s1\", \"to\": \"s2\"}]}";
        HttpResponse<String> own = call(ann1, "PUT", "/api/documents/" + assigned + "/layers/ann1", structured.formatted(1));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(annotations.layer(assigned, "ann1").links()).extracting(l -> l.author()).containsExactly("ann1");

        HttpResponse<String> other = call(ann1, "PUT", "/api/documents/" + assigned + "/layers/ann2", structured.formatted(1));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        HttpResponse<String> gold = call(ann1, "PUT", "/api/documents/" + assigned + "/layers/gold", structured.formatted(1));
        assertThat(gold.statusCode()).as(gold.body()).isEqualTo(403);
        assertThat(annotations.layer(assigned, "ann2").links()).isEmpty();
        assertThat(annotations.layer(assigned, "ann2").spans()).hasSize(1);
        assertThat(annotations.layer(assigned, Layer.GOLD).links()).isEmpty();
    }

    /**
     * Document ids are title slugs: a 403 for another project's document would confirm an article with that
     * title exists. Every /api/documents/{id}/... answer for a document one may not see is byte for byte
     * the answer for an id that does not exist; a layer one may not read on a document one sees stays 403.
     */
    @Test
    void aDocumentYouMayNotSeeAnswersExactlyLikeOneThatDoesNotExist() throws Exception {
        String missing = "no-such-article";
        String put = "{\"revision\": 1, \"spans\": []}";
        for (String token : List.of(ann1, otherCurator)) {
            String hidden = token.equals(ann1) ? elsewhere : assigned;
            for (String[] c : new String[][] {
                    {"GET", "/api/documents/%s/layers"},
                    {"GET", "/api/documents/%s/layers/ann1"},
                    {"GET", "/api/documents/%s/layers/gold"},
                    {"PUT", "/api/documents/%s/layers/ann1"},
                    {"PUT", "/api/documents/%s/layers/model"},
                    {"GET", "/api/documents/%s/export?format=json"},
                    {"GET", "/api/documents/%s/export?format=json&layers=majority"},
                    {"GET", "/api/documents/%s/export?format=conll&layers=annotator:ann2"},
                    {"GET", "/api/documents/%s/agreement"},
                    {"GET", "/api/export?format=jsonl&documents=%s"},
                    {"GET", "/api/agreement?documents=%s"},
                    {"DELETE", "/api/documents/%s"}}) {
                String body = c[0].equals("PUT") ? put : null;
                HttpResponse<String> seen = call(token, c[0], c[1].formatted(hidden), body);
                HttpResponse<String> unknown = call(token, c[0], c[1].formatted(missing), body);
                String what = c[0] + " " + c[1].formatted(hidden) + " → " + seen.body();
                assertThat(seen.statusCode()).as(what).isEqualTo(404);
                assertThat(seen.statusCode()).as(what).isEqualTo(unknown.statusCode());
                assertThat(seen.headers().firstValue("Content-Type")).as(what).isEqualTo(unknown.headers().firstValue("Content-Type"));
                assertThat(seen.body().replace(hidden, missing)).as(what).isEqualTo(unknown.body());
            }
        }
        // a document they see, a layer they may not read: refused, with the reason
        HttpResponse<String> layer = call(ann1, "GET", "/api/documents/" + assigned + "/layers/ann2", null);
        assertThat(layer.statusCode()).isEqualTo(403);
        assertThat(layer.body()).contains("may not read");
    }

    @Test
    void anAnnotatorSeesOnlyTheirDocumentsAndTheirOwnLayer() throws Exception {
        JsonNode list = JsonMapper.shared().readTree(call(ann1, "GET", "/api/documents", null).body()).path("documents");
        assertThat(list).hasSize(1);
        assertThat(list.path(0).path("id").asString()).isEqualTo(assigned);
        assertThat(list.path(0).path("spans").asInt()).isEqualTo(1); // their own, not ann2's and gold's
        assertThat(list.path(0).path("annotators").asInt()).isEqualTo(1); // of 3 layers: only their own counts

        HttpResponse<String> export = call(ann1, "GET", "/api/documents/" + assigned + "/export?format=json", null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(annotators(export.body())).containsExactly("ann1");
        assertThat(export.body()).doesNotContain("\"minister\""); // ann2's span covers "minister"

        JsonNode layers = JsonMapper.shared().readTree(call(ann1, "GET", "/api/documents/" + assigned + "/layers", null).body());
        assertThat(layers).hasSize(1);
        assertThat(layers.path(0).path("annotator").asString()).isEqualTo("ann1");

        // their own layer: read and replace
        HttpResponse<String> own = call(ann1, "GET", "/api/documents/" + assigned + "/layers/ann1", null);
        assertThat(own.statusCode()).isEqualTo(200);
        HttpResponse<String> put = call(ann1, "PUT", "/api/documents/" + assigned + "/layers/ann1",
                "{\"revision\": 1, \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"fact\"}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // the dataset export of "everything" is everything they may open
        HttpResponse<String> all = call(ann1, "GET", "/api/export?format=jsonl", null);
        assertThat(all.body().lines().count()).isEqualTo(1);
        assertThat(all.body()).contains(assigned).doesNotContain("talks failed").doesNotContain("\"minister\"");
    }

    @Test
    void withOthersVisibleAnnotatorsReadOtherAnnotatorsButNeverGoldAndWriteOnlyTheirOwn() throws Exception {
        projects.setOthersVisible(projects.projectOf(assigned).id(), true);
        assertThat(call(ann1, "GET", "/api/documents/" + assigned + "/layers/ann2", null).statusCode()).isEqualTo(200);
        assertThat(annotators(call(ann1, "GET", "/api/documents/" + assigned + "/export?format=json", null).body()))
                .containsExactlyInAnyOrder("ann1", "ann2");
        assertThat(call(ann1, "GET", "/api/documents/" + assigned + "/layers/gold", null).statusCode()).isEqualTo(403);
        assertThat(call(ann1, "PUT", "/api/documents/" + assigned + "/layers/ann2", "{\"revision\": 1, \"spans\": []}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aCuratorReachesEverythingInTheirProjectAndNothingOutside() throws Exception {
        HttpResponse<String> export = call(curator, "GET", "/api/documents/" + assigned + "/export?format=json", null);
        assertThat(annotators(export.body())).containsExactlyInAnyOrder("ann1", "ann2", "gold");
        assertThat(call(curator, "GET", "/api/documents/" + assigned + "/export?format=json&layers=majority", null)
                .statusCode()).isEqualTo(200);
        assertThat(call(curator, "PUT", "/api/documents/" + assigned + "/layers/gold", "{\"revision\": 1, \"spans\": []}")
                .statusCode()).isEqualTo(200);
        // a curator still does not write an annotator's own layer
        assertThat(call(curator, "PUT", "/api/documents/" + assigned + "/layers/ann1", "{\"revision\": 1, \"spans\": []}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> created = call(curator, "POST", "/api/documents?project=" + projects.projectOf(assigned).id(),
                "{\"title\": \"New\", \"text\": \"A new article.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String newId = JsonMapper.shared().readTree(created.body()).path("id").asString();
        assertThat(projects.projectOf(newId).id()).isEqualTo(projects.projectOf(assigned).id());

        // another project's documents do not exist for them
        assertThat(call(curator, "GET", "/api/documents/" + elsewhere + "/export?format=json", null).statusCode()).isEqualTo(404);
        assertThat(call(curator, "DELETE", "/api/documents/" + elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call(otherCurator, "GET", "/api/documents/" + assigned + "/layers/ann1", null).statusCode()).isEqualTo(404);
        JsonNode list = JsonMapper.shared().readTree(call(otherCurator, "GET", "/api/documents", null).body()).path("documents");
        assertThat(list).hasSize(1);
        assertThat(list.path(0).path("id").asString()).isEqualTo(elsewhere);
    }

    @Test
    void aDisabledAnnotatorsTokenIsRefusedAndTheirSessionReachesNothing() throws Exception {
        users.setDisabled("ann1", true);
        assertThat(call(ann1, "GET", "/api/documents", null).statusCode()).isEqualTo(401);
        // a session signed in before the change: the policy itself refuses them
        org.slant.security.AccessPolicy access = context.getBean(org.slant.security.AccessPolicy.class);
        assertThat(access.canOpen("ann1", assigned)).isFalse();
        assertThat(access.visibleDocuments("ann1")).isEmpty();
        assertThat(annotations.layer(assigned, "ann1").spans()).hasSize(1); // their work stays
    }

    @Test
    void aCuratorImportsIntoTheirProjectsDocumentsOnlyAndNeverIntoAnAnnotatorsLayer() throws Exception {
        String mine = "{\"id\": \"" + assigned + "\", \"text\": \"The minister SLAMMED critics on Monday.\", "
                + "\"label\": [[4, 12, \"Opinion\"]]}";
        String theirs = "{\"id\": \"" + elsewhere + "\", \"text\": \"Another project's article.\", "
                + "\"label\": [[0, 7, \"Opinion\"]]}";
        HttpResponse<String> model = call(curator, "POST", "/api/import?format=jsonl&annotator=model", mine);
        assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
        assertThat(annotations.layer(assigned, "model").spans()).hasSize(1);
        assertThat(call(curator, "POST", "/api/import?format=jsonl&annotator=gold", mine).statusCode()).isEqualTo(200);

        HttpResponse<String> other = call(curator, "POST", "/api/import?format=jsonl&annotator=model", mine + "\n" + theirs);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("not in a project you curate").contains(elsewhere);
        HttpResponse<String> person = call(curator, "POST", "/api/import?format=jsonl&annotator=ann1", mine);
        assertThat(person.statusCode()).isEqualTo(422);
        assertThat(annotations.layer(assigned, "ann1").spans()).hasSize(1); // unchanged
        assertThat(annotations.layer(elsewhere, "model").spans()).isEmpty();
    }

    @Test
    void agreementIsForTheProjectsCuratorsAsJsonOrCsv() throws Exception {
        String alpha = projects.projectOf(assigned).id();
        for (String path : List.of("/api/documents/" + assigned + "/agreement", "/api/agreement?project=" + alpha,
                "/api/agreement?documents=" + assigned)) {
            assertThat(call(ann1, "GET", path, null).statusCode()).as("annotator: " + path).isEqualTo(403);
            // a document of another project is unknown to them; the project itself is refused
            assertThat(call(otherCurator, "GET", path, null).statusCode()).as("other project's curator: " + path)
                    .isEqualTo(path.contains("project=") ? 403 : 404);
        }

        HttpResponse<String> json = call(curator, "GET", "/api/documents/" + assigned + "/agreement", null);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode report = JsonMapper.shared().readTree(json.body());
        assertThat(report.path("annotators").toString()).isEqualTo("[\"ann1\",\"ann2\"]"); // gold is not an annotator
        assertThat(report.path("rows")).anySatisfy(r -> {
            assertThat(r.path("level").asString()).isEqualTo("overall");
            assertThat(r.path("exact_f1").asDouble()).isEqualTo(0.0); // they marked different words
        });

        HttpResponse<String> csv = call(curator, "GET", "/api/agreement?project=" + alpha + "&format=csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".csv"));
        assertThat(csv.body()).startsWith("level,label,annotator_a,annotator_b,");

        HttpResponse<String> xml = call(curator, "GET", "/api/documents/" + assigned + "/agreement?format=xml", null);
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("use json or csv");
        assertThat(call(curator, "GET", "/api/documents/no-such-doc/agreement", null).statusCode()).isEqualTo(404);
        assertThat(call(curator, "GET", "/api/agreement", null).body()).contains("Name the documents");
    }

    /**
     * A layer under a name nobody has yet would become the layer of whoever is created later under that name:
     * curators (and admins) write only gold, the model layers and people's layers, and the model names are
     * closed to accounts.
     */
    @Test
    void aLayerForANameNobodyHasCannotBeWrittenSoNoLaterAccountInheritsIt() throws Exception {
        String put = "{\"revision\": 0, \"spans\": [{\"start\": 13, \"end\": 20, \"label\": \"sensational\"}]}";
        for (String token : List.of(curator, users.createToken(adminName(), "t").secret())) {
            HttpResponse<String> nobody = call(token, "PUT", "/api/documents/" + assigned + "/layers/newcomer", put);
            assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(403);
            assertThat(nobody.body()).contains("no account has that name");
        }
        assertThat(call(curator, "PUT", "/api/documents/" + assigned + "/layers/model-bert", put).statusCode()).isEqualTo(200);
        assertThat(call(ann1, "PUT", "/api/documents/" + assigned + "/layers/model", put).statusCode())
                .as("model layers are the curators'").isEqualTo(403);

        users.create("newcomer", null, "newcomer-password", false);
        projects.setMember(projects.projectOf(assigned).id(), "newcomer", ProjectRole.ANNOTATOR);
        HttpResponse<String> layers = call(curator, "GET", "/api/documents/" + assigned + "/layers", null);
        assertThat(layers.body()).contains("model-bert").doesNotContain("newcomer");
        assertThatThrownBy(() -> users.create("model-bert", null, "some-long-password", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    private String adminName() {
        String name = "boss-" + System.nanoTime() % 100000;
        users.create(name, null, name + "-password", true);
        return name;
    }
}
