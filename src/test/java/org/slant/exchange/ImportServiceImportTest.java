package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class ImportServiceImportTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said.";

    @TempDir
    Path folder;

    private JsonWorkspace workspace;
    private AnnotationService annotations;
    private ImportService service;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        service = new ImportService(documents, annotations, labels, workspace, clock);
    }

    private static ImportOptions options() {
        return new ImportOptions("ana", Map.of(), false, true);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path layerFile(String doc, String annotator) {
        return folder.resolve("layers").resolve(doc).resolve(annotator + ".json");
    }

    private List<Span> stored(String doc, String annotator) {
        return new JsonWorkspace(folder).find(doc, annotator).map(Layer::spans).orElse(List.of());
    }

    @Test
    void aFilesSpanIdsAreKeptUnlessTheLayerHasThem() {
        annotations.addAll("talks", "ana", List.of(new Span("T1", 2, 7, "opinion", "Trump", null, "ana", T0, T0)));
        byte[] zip = BratReaderTest.zip("talks.txt", TEXT,
                "talks.ann", "T1\tSensational_framing 8 18\tHUMILIATED\nT2\tAttribution 31 45\tofficials said\n");

        assertThat(service.apply(AnnotationFormat.BRAT, "talks.zip", zip, options()).ok()).isTrue();

        assertThat(stored("talks", "ana")).extracting(Span::id, Span::text).satisfiesExactly(
                s -> assertThat(s.toList()).containsExactly("T1", "Trump"),
                s -> assertThat(s.toList()).satisfiesExactly(id -> assertThat((String) id).startsWith("i"),
                        text -> assertThat(text).isEqualTo("HUMILIATED")),
                s -> assertThat(s.toList()).containsExactly("T2", "officials said"));
    }

    @Test
    void formatsParseByIdAndNameTheValidOnesWhenWrong() {
        assertThat(AnnotationFormat.parse(" BRAT ")).isEqualTo(AnnotationFormat.BRAT);
        assertThat(AnnotationFormat.parse("jsonl")).isEqualTo(AnnotationFormat.JSONL);
        assertThat(AnnotationFormat.parse("CoNLL")).isEqualTo(AnnotationFormat.CONLL);
        assertThat(AnnotationFormat.parse("webanno")).isEqualTo(AnnotationFormat.WEB_ANNOTATION);
        assertThatThrownBy(() -> AnnotationFormat.parse("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"csv\"").hasMessageContaining("json, jsonl, brat, semeval, conll, webanno");
    }

    @Test
    void offsetsThatMissTheStatedTextAreReportedAndNothingIsWritten() {
        byte[] zip = BratReaderTest.zip("talks.txt", TEXT,
                "talks.ann", "T1\tSensational_framing 8 18\tHUMILIATED\nT2\tAttribution 8 13\tTrump\n");

        ImportReport report = service.apply(AnnotationFormat.BRAT, "talks.zip", zip, options());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("talks.ann");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("says it covers \"Trump\"").contains("the document has \"HUMIL\"");
        });
        assertThat(layerFile("talks", "ana")).doesNotExist();
        assertThat(workspace.list().documents()).hasSize(1);
    }

    @Test
    void aRefusedFileLeavesAnExistingLayerUntouched() throws Exception {
        annotations.create("talks", "ana", 2, 7, "opinion", false);
        byte[] before = Files.readAllBytes(layerFile("talks", "ana"));
        String jsonl = "{\"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"sensational\"], [40, 99, \"opinion\"]]}\n"
                + "{\"text\": \"A brand new article.\", \"label\": [[2, 7, \"fact\"]]}\n";

        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());

        assertThat(report.problems()).extracting(ImportProblem::file, ImportProblem::line).containsExactly(tuple("d.jsonl", 1));
        assertThat(report.problems().get(0).reason()).contains("40-99").contains("outside the text").contains("46");
        assertThat(Files.readAllBytes(layerFile("talks", "ana"))).isEqualTo(before);
        assertThat(workspace.list().documents()).extracting(Document::id).containsExactly("talks");
    }

    @Test
    void anUnknownLabelIsReportedThenMappedThenSkipped() {
        String jsonl = "\n{\"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"Loaded_Language\"], [2, 7, \"Loaded_Language\"],"
                + " [31, 45, \"Attribution\"]]}\n";

        ImportReport unknown = service.check(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.unknownLabels()).containsExactly("Loaded_Language");
        assertThat(unknown.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("unknown label \"Loaded_Language\" on 2 spans (first here)")
                    .contains("sensational (Sensational framing)");
        });
        assertThat(service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options()).ok()).isFalse();
        assertThat(layerFile("talks", "ana")).doesNotExist();

        ImportReport mapped = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl),
                new ImportOptions("ana", Map.of("Loaded_Language", "sensational"), false, false));
        assertThat(mapped.ok()).isTrue();
        assertThat(mapped.spansImported()).isEqualTo(3);
        assertThat(stored("talks", "ana")).extracting(Span::start, Span::end, Span::label, Span::text, Span::author)
                .containsExactly(tuple(2, 7, "sensational", "Trump", "ana"), tuple(8, 18, "sensational", "HUMILIATED", "ana"),
                        tuple(31, 45, "attribution", "officials said", "ana"));

        ImportReport skipped = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl),
                new ImportOptions("bob", Map.of(), true, false));
        assertThat(skipped.ok()).isTrue();
        assertThat(skipped.unknownLabels()).containsExactly("Loaded_Language");
        assertThat(skipped.spansImported()).isEqualTo(1);
        assertThat(skipped.spansSkipped()).isEqualTo(2);
        assertThat(stored("talks", "bob")).extracting(Span::label).containsExactly("attribution");
    }

    @Test
    void aMappingToNoLabelIsAProblem() {
        String jsonl = "{\"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"LL\"]]}\n";

        ImportReport report = service.check(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl),
                new ImportOptions("ana", Map.of("LL", "loaded"), false, false));

        assertThat(report.problems()).extracting(ImportProblem::reason).anySatisfy(r ->
                assertThat(r).contains("sends \"LL\" to \"loaded\", which is not a label id"));
    }

    @Test
    void labelsMatchByIdNameAndBratName() {
        String jsonl = "{\"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"SENSATIONAL FRAMING\"], [2, 7, \"opinion\"],"
                + " [31, 45, \"reported_fact\"]]}\n";

        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());

        assertThat(report.problems()).isEmpty();
        assertThat(stored("talks", "ana")).extracting(Span::label).containsExactly("opinion", "sensational", "fact");
    }

    @Test
    void theSameTextTwiceInAFileIsReportedAndBecomesOneDocument() {
        String jsonl = "{\"id\": 1, \"text\": \"Fresh text.\", \"label\": [[0, 5, \"opinion\"]]}\n"
                + "{\"id\": 2, \"text\": \"Fresh text.\", \"label\": [[6, 10, \"opinion\"], [0, 5, \"opinion\"]]}\n";

        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.reason()).isEqualTo("document 2 has the same text as the document at d.jsonl, line 1;"
                    + " their spans go into one document");
        });
        assertThat(report.documentsCreated()).isEqualTo(1);
        assertThat(report.spansImported()).isEqualTo(2);
        assertThat(report.spansSkipped()).isEqualTo(1);
        assertThat(workspace.list().documents()).extracting(Document::id).containsExactlyInAnyOrder("talks", "fresh-text");
        assertThat(stored("fresh-text", "ana")).extracting(Span::text).containsExactly("Fresh", "text");
    }

    @Test
    void theSameSpanTwiceOrAlreadyInTheLayerIsSkippedAndCounted() {
        annotations.create("talks", "ana", 2, 7, "opinion", false);
        String jsonl = "{\"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"sensational\"], [8, 18, \"sensational\"],"
                + " [2, 7, \"opinion\"], [2, 7, \"fact\"]]}\n";

        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());

        assertThat(report.ok()).isTrue();
        assertThat(report.spansImported()).isEqualTo(2);
        assertThat(report.spansSkipped()).isEqualTo(2);
        assertThat(stored("talks", "ana")).extracting(Span::start, Span::label)
                .containsExactly(tuple(2, "fact"), tuple(2, "opinion"), tuple(8, "sensational"));
        Layer layer = new JsonWorkspace(folder).find("talks", "ana").orElseThrow();
        assertThat(layer.revision()).as("the import saves once").isEqualTo(2);
    }

    @Test
    void documentsAreMatchedByTextOrIdAndCreatedOtherwise() {
        String jsonl = "{\"id\": \"elsewhere-7\", \"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"sensational\"]]}\n"
                + "{\"id\": \"talks\", \"title\": \"New one\", \"text\": \"Crime WAVE sweeps 🏙 city\", \"label\": [[6, 10, \"sensational\"]]}\n";

        ImportReport check = service.check(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(check.ok()).isTrue();
        assertThat(check.documentsMatched()).isEqualTo(1);
        assertThat(check.documentsCreated()).isEqualTo(1);
        assertThat(check.spansImported()).isEqualTo(2);
        assertThat(check.warnings()).singleElement().satisfies(w -> assertThat(w.reason())
                .contains("document talks has a different text"));
        assertThat(workspace.list().documents()).as("check writes nothing").hasSize(1);

        ImportReport applied = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(applied).isEqualTo(check);
        Document created = workspace.list().documents().stream().filter(d -> !d.id().equals("talks")).findFirst().orElseThrow();
        assertThat(created.id()).isEqualTo("new-one");
        assertThat(created.text()).isEqualTo("Crime WAVE sweeps 🏙 city");
        assertThat(stored("new-one", "ana")).extracting(Span::text).containsExactly("WAVE");
        assertThat(stored("talks", "ana")).extracting(Span::text).containsExactly("HUMILIATED");

        ImportReport again = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(again.documentsMatched()).isEqualTo(2);
        assertThat(again.documentsCreated()).isZero();
        assertThat(again.spansImported()).isZero();
        assertThat(again.spansSkipped()).isEqualTo(2);
        assertThat(workspace.list().documents()).hasSize(2);
    }

    @Test
    void withoutCreatingDocumentsANewTextIsAProblem() {
        String jsonl = "{\"text\": \"" + TEXT + "\"}\n{\"id\": 5, \"text\": \"Not here yet.\"}\n";

        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl),
                new ImportOptions("ana", Map.of(), false, false));

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("document 5 (\"Not here yet.\") is not in the workspace");
        });
        assertThat(workspace.list().documents()).hasSize(1);
    }

    @Test
    void aBareSemEvalFileUsesTheWorkspaceTexts() {
        workspace.save(new Document("article123", "Article", "They SLAM the deal 😡 today.", null, T0));
        String tsv = "123\tLoaded_Language\t5\t9\n123\tExaggeration\t19\t26\n999\tDoubt\t0\t4\n";

        ImportReport report = service.apply(AnnotationFormat.SEMEVAL, "gold.tsv", utf8(tsv),
                new ImportOptions("gold", Map.of("Loaded_Language", "sensational", "Exaggeration", "opinion"), false, true));

        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                tuple(3, "the file has no text for document article999 and the workspace has no document with that id;"
                        + " include the text, or add the document first"));
        assertThat(layerFile("article123", "gold")).doesNotExist();

        String fixed = "123\tLoaded_Language\t5\t9\n123\tExaggeration\t19\t26\n";
        ImportReport ok = service.apply(AnnotationFormat.SEMEVAL, "gold.tsv", utf8(fixed),
                new ImportOptions("gold", Map.of("Loaded_Language", "sensational", "Exaggeration", "opinion"), false, true));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.documentsMatched()).isEqualTo(1);
        assertThat(stored("article123", "gold")).extracting(Span::text, Span::label)
                .containsExactly(tuple("SLAM", "sensational"), tuple("😡 today", "opinion"));
    }

    @Test
    void aSemEvalZipCreatesItsArticles() {
        byte[] zip = BratReaderTest.zip("article5.txt", "Headline\nThey SLAM it.", "labels.tsv", "5\tsensational\t14\t18\n");

        ImportReport report = service.apply(AnnotationFormat.SEMEVAL, "t.zip", zip, options());

        assertThat(report.problems()).isEmpty();
        assertThat(report.documentsCreated()).isEqualTo(1);
        assertThat(stored("headline", "ana")).extracting(Span::text).containsExactly("SLAM");
    }

    @Test
    void aBadAnnotatorIsRefusedBeforeReading() {
        ImportReport report = service.check(AnnotationFormat.JSONL, "d.jsonl", utf8("{}"),
                new ImportOptions("Ana Smith", Map.of(), false, true));

        assertThat(report.problems()).singleElement().satisfies(p ->
                assertThat(p.reason()).contains("must be a slug").contains("\"Ana Smith\""));
    }
}
