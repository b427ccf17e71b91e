package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.lines;
import static org.slant.exchange.ExportFixtures.span;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerStore;
import org.slant.annotation.LayerStore.LayerListing;
import org.slant.document.Document;
import org.slant.document.DocumentNotFoundException;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** "load peace" / "write at N bytes": shows when layers are read relative to the output. */
    private final List<String> events = new ArrayList<>();
    private ExportService service;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(DOC);
        workspace.save(new Document("other", "Other", "Second text 🙂 here.", null, ExportFixtures.T0));
        workspace.save(new Layer("peace", "ana", 1, List.of(span("a1", "HUMILIATED", "sensational", "ana", null),
                span("a2", "Путин", "attribution", "ana", null))), 0);
        workspace.save(new Layer("peace", "ben", 1, List.of(span("b1", "HUMILIATED", "sensational", "ben", null))), 0);
        workspace.save(new Layer("peace", "cy", 1, List.of(span("c1", "Путин", "opinion", "cy", null))), 0);
        LayerStore recording = new LayerStore() {
            @Override
            public Optional<Layer> find(String documentId, String annotator) {
                events.add("load " + documentId + " after " + out.size() + " bytes");
                return workspace.find(documentId, annotator);
            }

            @Override
            public LayerListing readAll(String documentId) {
                events.add("load " + documentId + " after " + out.size() + " bytes");
                return workspace.readAll(documentId);
            }

            @Override
            public void save(Layer layer, long expectedRevision) {
                workspace.save(layer, expectedRevision);
            }
        };
        Clock clock = Clock.fixed(ExportFixtures.T0, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        service = new ExportService(documents, new AnnotationService(documents, labels, recording, clock), labels);
    }

    private List<JsonNode> jsonl(List<String> ids, LayerSelection layers) throws IOException {
        service.export(ExportFormat.JSONL, ids, layers, out);
        return lines(out.toString(StandardCharsets.UTF_8)).stream().map(JSON::readTree).toList();
    }

    @Test
    void allLayersOfTheChosenDocuments() throws IOException {
        List<JsonNode> lines = jsonl(List.of("peace"), LayerSelection.ALL);

        assertThat(lines).extracting(l -> l.get("annotator").stringValue()).containsExactly("ana", "ben", "cy");
        JsonNode entity = lines.get(0).get("entities").get(1);
        assertThat(ExportFixtures.slice(TEXT, entity.get("start_offset").intValue(), entity.get("end_offset").intValue()))
                .isEqualTo("Путин");
    }

    @Test
    void noIdsMeansEveryDocument() throws IOException {
        List<JsonNode> lines = jsonl(List.of(), LayerSelection.ALL);

        assertThat(lines).extracting(l -> l.get("id").stringValue()).containsExactlyInAnyOrder("peace", "peace", "peace", "other");
    }

    @Test
    void documentsAreLoadedOnlyWhenTheWriterReachesThem() throws IOException {
        jsonl(List.of("peace", "other"), LayerSelection.ALL);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo("load peace after 0 bytes");
        assertThat(events.get(1)).startsWith("load other after ").isNotEqualTo("load other after 0 bytes");
    }

    @Test
    void anUnknownIdFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> service.export(ExportFormat.CSV, List.of("peace", "nope"), LayerSelection.ALL, out))
                .isInstanceOf(DocumentNotFoundException.class);
        assertThat(out.size()).isZero();
        assertThat(events).isEmpty();
        assertThatThrownBy(() -> service.checkDocumentsExist(List.of("nope"))).isInstanceOf(DocumentNotFoundException.class);
        service.checkDocumentsExist(List.of("peace", "other"));
    }

    @Test
    void oneAnnotatorsLayerAndAnEmptyOneWhereTheyHaveNone() throws IOException {
        List<JsonNode> lines = jsonl(List.of("peace", "other"), LayerSelection.of("ben"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("annotator").stringValue()).isEqualTo("ben");
        assertThat(lines.get(0).get("entities")).hasSize(1);
        assertThat(lines.get(1).get("id").stringValue()).isEqualTo("other");
        assertThat(lines.get(1).get("annotator").stringValue()).isEqualTo("ben");
        assertThat(lines.get(1).get("entities")).isEmpty();
    }

    @Test
    void theMajorityLayerKeepsWhatTwoOfThreeMarked() throws IOException {
        List<JsonNode> lines = jsonl(List.of("peace"), LayerSelection.MAJORITY);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("annotator").stringValue()).isEqualTo("majority");
        assertThat(lines.get(0).get("entities")).hasSize(1);
        JsonNode kept = lines.get(0).get("entities").get(0);
        assertThat(ExportFixtures.slice(TEXT, kept.get("start_offset").intValue(), kept.get("end_offset").intValue()))
                .isEqualTo("HUMILIATED");
        assertThat(kept.get("label").stringValue()).isEqualTo("Sensational framing");
    }

    @Test
    void everyFormatExportsTheWorkspace() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            service.export(format, List.of(), LayerSelection.ALL, bytes);
            assertThat(bytes.size()).as(format.id()).isPositive();
        }
    }
}
