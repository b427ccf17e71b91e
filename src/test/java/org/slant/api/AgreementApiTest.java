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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.ProjectService;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The agreement endpoints carry the structure's rows, with the column names the README gives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class AgreementApiTest {

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
    LabelService labels;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("slant.workspace", () -> {
            try {
                return Files.createTempDirectory("slant-agreement-api").toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static final Scheme SCHEME = new Scheme(List.of(
            new Label("bias", "Bias", "#d9480f", "1", "wavy", "", List.of(
                    Attribute.choice("polarity", "Polarity", true, "", new Choice("pos", "Positive", "p", ""),
                            new Choice("neg", "Negative", "n", "")),
                    Attribute.scale("intensity", "Intensity", 1, 5, false, ""))),
            new Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new Label("source", "Source", "#0b7285", "3", "dotted", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, "")),
            List.of(Attribute.choice("biased", "Biased", false, "", new Choice("y", "Biased"), new Choice("n", "Not biased"))),
            List.of(Attribute.choice("tone", "Tone", false, "", new Choice("pro", "Pro"), new Choice("anti", "Anti"))));

    /*
     * Two documents. In each, cur1 and cur2 mark "SLAMMED" as bias; polarity (neg, neg) in the first, (pos, neg) in the
     * second: 2 matched pairs, κ 0 and α 0 (AgreementViewTest works the same table). Tone: (anti, anti), (pro, anti):
     * α over 2 documents, o_aa = 2, o_pa = o_ap = 1, n = 4, n_anti = 3, n_pro = 1: D_O = 1/2, D_E = 2·3/(4·3) = 1/2,
     * α = 0. Both link attribution -> source in the first document only: source link F1 1 over their 2 links.
     */
    @Test
    void pooledAgreementCarriesAttributeLinkSentenceAndQuestionRows() throws Exception {
        users.create("cur", null, "cur-password", false);
        String project = projects.create("Structured", "cur").id();
        labels.replace(project, SCHEME);
        String text = "The minister SLAMMED critics, officials said.";
        List<String> ids = new ArrayList<>();
        String[][] values = {{"neg", "neg", "anti", "anti"}, {"pos", "neg", "pro", "anti"}};
        for (int d = 0; d < 2; d++) {
            String id = documents.add(new Draft("Doc " + d, text), Source.UNKNOWN).id();
            projects.moveDocuments(List.of(id), project, Map.of());
            ids.add(id);
            for (int who = 0; who < 2; who++) {
                String annotator = "ann" + (who + 1);
                String span = annotations.create(id, annotator, 13, 20, "bias", false).after().id();
                annotations.setAttribute(id, annotator, span, "polarity", new AttributeValue.Text(values[d][who]));
                annotations.setAnswer(id, annotator, "tone", new AttributeValue.Text(values[d][2 + who]));
                if (d == 0) {
                    String attribution = annotations.create(id, annotator, 0, 28, "attribution", false).after().id();
                    String source = annotations.create(id, annotator, 30, 39, "source", false).after().id();
                    annotations.addLink(id, annotator, annotator, "source", attribution, source);
                }
            }
        }
        String token = users.createToken("cur", "t").secret();

        HttpResponse<String> json = get(token, "/api/agreement?project=" + project);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode rows = JsonMapper.shared().readTree(json.body()).path("rows");
        JsonNode polarity = row(rows, "attribute", "attribute", "polarity");
        assertThat(polarity.path("label").asString()).isEqualTo("bias");
        assertThat(polarity.path("measure").asString()).isEqualTo("nominal");
        assertThat(polarity.path("units").asInt()).isEqualTo(2);
        assertThat(polarity.path("kappa").asDouble()).isEqualTo(0.0);
        assertThat(polarity.path("alpha").asDouble()).isEqualTo(0.0);
        JsonNode intensity = row(rows, "attribute", "attribute", "intensity");
        assertThat(intensity.path("measure").asString()).isEqualTo("ordinal");
        assertThat(intensity.path("alpha").isNull()).as("nobody set it: not defined, null").isTrue();
        assertThat(row(rows, "attribute_pair", "attribute", "polarity").path("annotator_a").asString()).isEqualTo("ann1");
        JsonNode source = row(rows, "link", "link_type", "source");
        assertThat(source.path("links").asInt()).isEqualTo(2);
        assertThat(source.path("f1").asDouble()).isEqualTo(1.0);
        JsonNode sourcePair = row(rows, "link_pair", "link_type", "source");
        assertThat(sourcePair.path("matched").asInt()).isEqualTo(1);
        assertThat(sourcePair.path("precision").asDouble()).isEqualTo(1.0);
        JsonNode tone = row(rows, "question", "attribute", "tone");
        assertThat(tone.path("units").asInt()).isEqualTo(2);
        assertThat(tone.path("alpha").asDouble()).isEqualTo(0.0);
        assertThat(row(rows, "sentence_label", "attribute", "biased").path("units").asInt()).isZero();

        HttpResponse<String> csv = get(token, "/api/agreement?documents=" + String.join(",", ids) + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow()).endsWith(
                ",attribute,measure,alpha,units,one_sided,link_type,links,matched,precision,recall,f1");
        assertThat(csv.body()).contains("\nquestion,,,,2,,,0.0000,,,,,,,tone,nominal,0.0000,2,0,,,,,,");

        HttpResponse<String> one = get(token, "/api/documents/" + ids.getFirst() + "/agreement");
        JsonNode oneRows = JsonMapper.shared().readTree(one.body()).path("rows");
        assertThat(row(oneRows, "attribute", "attribute", "polarity").path("alpha").isNull())
                .as("one document: both said neg, all the same").isTrue();
    }

    private static JsonNode row(JsonNode rows, String level, String field, String value) {
        for (JsonNode r : rows) {
            if (r.path("level").asString().equals(level) && r.path(field).asString().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("No " + level + " row with " + field + " = " + value + " in " + rows);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
