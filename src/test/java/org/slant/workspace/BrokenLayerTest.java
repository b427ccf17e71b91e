package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.agreement.AgreementReport;
import org.slant.agreement.AgreementService;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.CurationService;
import org.slant.annotation.CurationService.Candidates;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.exchange.ExportFormat;
import org.slant.exchange.ExportService;
import org.slant.exchange.LayerSelection;
import org.slant.label.LabelService;
import org.slant.storage.StorageException;

/**
 * One annotator's layer file broken by hand: the other layers of the document still curate, export and
 * give agreement, the broken one is named with line and column wherever it is left out, and it is
 * never overwritten.
 */
class BrokenLayerTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final String TEXT = "The minister SLAMMED critics, officials said, in a speech that was a disgrace.";
    private static final byte[] BROKEN = "{\"format\": \"slant-layer/1\",\n \"document\": \"talks\",\n \"annotator\": \"cleo\"\n \"spans\": []}\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private JsonWorkspace workspace;
    private AnnotationService annotations;
    private CurationService curation;
    private AgreementService agreement;
    private ExportService exports;

    @BeforeEach
    void setUp() throws Exception {
        workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", TEXT, null, T0));
        Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new org.slant.project.ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        curation = new CurationService(annotations, documents, labels, clock);
        agreement = new AgreementService(annotations, documents, labels);
        exports = new ExportService(documents, annotations, labels);
        for (String annotator : List.of("ana", "ben", "cleo")) {
            mark(annotator, "SLAMMED", "sensational");
        }
        mark("ana", "disgrace", "opinion");
        Files.write(folder.resolve("layers/talks/cleo.json"), BROKEN);
        clock = Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC); // a restart, later: nothing cached
        documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        annotations = new AnnotationService(documents, labels, workspace, clock);
        curation = new CurationService(annotations, documents, labels, clock);
        agreement = new AgreementService(annotations, documents, labels);
        exports = new ExportService(documents, annotations, labels);
    }

    private void mark(String annotator, String part, String label) {
        int start = TEXT.indexOf(part);
        annotations.create("talks", annotator, start, start + part.length(), label, false);
    }

    private static void namesTheBrokenFile(List<String> problems) {
        assertThat(problems).singleElement().asString()
                .startsWith("layers/talks/cleo.json: line 4, column 2: not valid JSON");
    }

    @Test
    void theOtherLayersAreStillCuratedAndTheBrokenOneIsNamed() throws Exception {
        Candidates candidates = curation.candidates("talks");
        assertThat(candidates.annotators()).containsExactly("ana", "ben");
        namesTheBrokenFile(candidates.problems());

        curation.acceptAllWithAtLeast("talks", "cur", candidates.goldRevision(), 2, java.util.Optional.empty());
        assertThat(annotations.layer("talks", CurationService.GOLD).spans()).extracting(s -> s.text()).containsExactly("SLAMMED");
        assertThat(Files.readAllBytes(folder.resolve("layers/talks/cleo.json"))).isEqualTo(BROKEN);
    }

    @Test
    void agreementIsComputedOverTheReadableLayersAndSaysWhichWasLeftOut() {
        AgreementReport report = agreement.forDocument("talks");
        assertThat(report.annotators()).containsExactly("ana", "ben");
        assertThat(report.isDefined()).isTrue();
        namesTheBrokenFile(report.problems());
    }

    @Test
    void exportHasTheOtherLayersAndReturnsTheOneLeftOut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> leftOut = exports.export(ExportFormat.JSONL, List.of("talks"), LayerSelection.ALL, out);
        String jsonl = out.toString(StandardCharsets.UTF_8);
        assertThat(jsonl).contains("\"annotator\":\"ana\"").contains("\"annotator\":\"ben\"").doesNotContain("cleo");
        namesTheBrokenFile(leftOut);

        // asked for exactly the broken layer: refused, naming the file, rather than exported as empty
        assertThatThrownBy(() -> exports.export(ExportFormat.JSONL, List.of("talks"), LayerSelection.parse("annotator:cleo"),
                new ByteArrayOutputStream())).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("layers/talks/cleo.json: line 4, column 2");
    }

    @Test
    void theOwnerCannotEditTheBrokenLayerAndItIsNeverOverwritten() throws Exception {
        assertThatThrownBy(() -> mark("cleo", "disgrace", "opinion")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("layers/talks/cleo.json: line 4, column 2");
        mark("ben", "disgrace", "opinion"); // everyone else edits as usual
        assertThat(Files.readAllBytes(folder.resolve("layers/talks/cleo.json"))).isEqualTo(BROKEN);
        assertThat(annotations.overview(List.of(workspace.find("talks").orElseThrow())).getFirst())
                .satisfies(row -> {
                    assertThat(row.annotators()).isEqualTo(2);
                    assertThat(row.problem()).startsWith("layers/talks/cleo.json: line 4, column 2");
                });
    }

    @Test
    void theWorkspaceListsTheBrokenFileUntilItIsFixed() throws Exception {
        curation.candidates("talks");
        assertThat(workspace.problems()).anySatisfy(p -> assertThat(p).startsWith("layers/talks/cleo.json: line 4, column 2"));

        Files.writeString(folder.resolve("layers/talks/cleo.json"),
                "{\"format\": \"slant-layer/1\", \"document\": \"talks\", \"annotator\": \"cleo\", \"revision\": 1, \"spans\": []}\n");
        assertThat(workspace.problems()).isEmpty(); // read again because it changed
    }
}
