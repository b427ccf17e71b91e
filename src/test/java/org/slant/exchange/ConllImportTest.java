package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** CoNLL through the real export and import services, against texts in a workspace. */
class ConllImportTest {

    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    /** An emoji before the spans, one with a skin tone inside one, and a span across a line break. */
    private static final String TEXT = "🔥 Trump HUMILIATED the nation,\nofficials said. Путин 👍🏽 agreed.";

    @TempDir
    Path folder;

    private DocumentService documents;
    private AnnotationService annotations;
    private ExportService exports;
    private ImportService imports;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        documents.addSampleIfEmpty(); // the article of ../shared/samples/peace-talks-article.txt, from the classpath
        workspace.save(new Document("talks", "Talks", TEXT, null, NOW));
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        exports = new ExportService(documents, annotations, labels);
        imports = new ImportService(documents, annotations, labels, workspace, clock);
    }

    private void mark(String annotator, String phrase, String label) {
        int at = TEXT.indexOf(phrase);
        annotations.create("talks", annotator, TEXT.codePointCount(0, at), TEXT.codePointCount(0, at + phrase.length()),
                label, false);
    }

    private byte[] export(LayerSelection layers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(ExportFormat.CONLL, List.of("talks"), layers, out);
        return out.toByteArray();
    }

    private static List<String> spans(Layer layer) {
        return layer.spans().stream().map(s -> s.start() + "-" + s.end() + " " + s.label() + " " + s.text()).sorted().toList();
    }

    private static ImportOptions into(String annotator) {
        return new ImportOptions(annotator, Map.of(), false, false);
    }

    @Test
    void anExportedLayerImportsIntoAFreshLayerWithTheSameSpans() throws Exception {
        mark("ana", "HUMILIATED the nation", "sensational");
        mark("ana", "Trump HUMILIATED", "attribution");          // overlaps, another label
        mark("ana", "nation,\nofficials said", "opinion");       // across a line break, so across sentences
        mark("ana", "Путин 👍🏽", "fact");                           // code points after two astral characters

        ImportReport report = imports.apply(AnnotationFormat.CONLL, "talks.conll", export(LayerSelection.of("ana")),
                into("copy"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.documentsMatched()).isEqualTo(1);
        assertThat(report.spansImported()).isEqualTo(4);
        assertThat(spans(annotations.layer("talks", "copy"))).isEqualTo(spans(annotations.layer("talks", "ana")))
                .contains("23-45 opinion nation,\nofficials said", "47-55 fact Путин 👍🏽");
    }

    @Test
    void anExportOfSeveralLayersIsRefusedUnlessTheTargetIsOneOfThem() throws Exception {
        mark("ana", "Trump", "attribution");
        mark("bob", "HUMILIATED", "sensational");
        byte[] both = export(LayerSelection.ALL);

        ImportReport refused = imports.apply(AnnotationFormat.CONLL, "both.conll", both, into("model"));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("several annotators").contains("ana at both.conll").contains("bob at both.conll"));
        assertThat(annotations.layer("talks", "model").spans()).isEmpty();

        annotations.delete("talks", "bob", annotations.layer("talks", "bob").spans().get(0).id());
        ImportReport bob = imports.apply(AnnotationFormat.CONLL, "both.conll", both, into("bob"));
        assertThat(bob.problems()).isEmpty();
        assertThat(bob.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("only the block of bob"));
        assertThat(annotations.layer("talks", "bob").spans()).extracting(Span::text).containsExactly("HUMILIATED");
    }

    @Test
    void modelOutputTokensAreFoundInTheSampleArticleAndTheirLabelMapped() {
        String text = documents.get("peace-talks").text();
        // a word-level tokenizer as a model pipeline has one: letter/digit runs, each other character alone
        Matcher m = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+|[^\\s\\p{L}\\p{N}\\p{M}]", Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        int humiliated = -1;
        for (int i = 0; i + 2 < tokens.size() && humiliated < 0; i++) {
            if (tokens.subList(i, i + 3).equals(List.of("HUMILIATED", "the", "nation"))) {
                humiliated = i;
            }
        }
        assertThat(humiliated).as("the sentence \"Trump HUMILIATED the nation\" of the sample").isPositive();
        StringBuilder conll = new StringBuilder("-DOCSTART- -X- -X- O\n\n# document: peace-talks\n");
        for (int i = 0; i < tokens.size(); i++) {
            String tag = i == humiliated ? "B-LOADED" : i == humiliated + 1 || i == humiliated + 2 ? "I-LOADED" : "O";
            conll.append(tokens.get(i)).append(" X B-NP ").append(tag).append('\n');
            if (tokens.get(i).equals(".")) {
                conll.append('\n');
            }
        }
        byte[] file = conll.toString().getBytes(StandardCharsets.UTF_8);

        ImportReport unmapped = imports.check(AnnotationFormat.CONLL, "model.conll", file, into("model"));
        assertThat(unmapped.unknownLabels()).containsExactly("LOADED");

        ImportReport report = imports.apply(AnnotationFormat.CONLL, "model.conll", file,
                new ImportOptions("model", Map.of("LOADED", "sensational"), false, false));

        assertThat(report.problems()).isEmpty();
        int at = text.indexOf("HUMILIATED the nation");
        assertThat(annotations.layer("peace-talks", "model").spans()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("sensational");
            assertThat(s.text()).isEqualTo("HUMILIATED the nation");
            assertThat(s.start()).isEqualTo(text.codePointCount(0, at));
        });
    }

    @Test
    void aMisalignedTokenIsReportedWithFileAndLineAndNothingIsWritten() {
        String conll = "# document: talks\n🔥 O\nTrump B-attribution\nHUMILIATED I-attribution\nthe O\nnatoin O\n";

        ImportReport report = imports.apply(AnnotationFormat.CONLL, "m.conll", conll.getBytes(StandardCharsets.UTF_8),
                into("model"));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m.conll");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.reason()).contains("token \"natoin\"").contains("code point 23").contains("\"nation\"");
        });
        assertThat(annotations.layer("talks", "model").spans()).isEmpty();
    }

    @Test
    void aDocumentMissingOrNotWritableIsRefusedWithoutShowingItsText() {
        byte[] missing = "# document: nowhere\nHello B-fact\n".getBytes(StandardCharsets.UTF_8);
        assertThat(imports.check(AnnotationFormat.CONLL, "m.conll", missing, new ImportOptions("model", Map.of(), false, true))
                .problems()).singleElement().satisfies(p -> assertThat(p.reason())
                        .contains("document nowhere").contains("add the document first"));

        byte[] misaligned = "# document: talks\nHello B-fact\n".getBytes(StandardCharsets.UTF_8);
        ImportReport curator = imports.check(AnnotationFormat.CONLL, "m.conll", misaligned,
                new ImportOptions("model", Map.of(), false, false, id -> false));
        assertThat(curator.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("may not write").doesNotContain("🔥"));
    }
}
