package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Source ids survive: a corpus imported into an empty workspace and exported again in its own format
 * comes out under its own document ids, file names and span ids, with the same text and spans (byte for
 * byte where the format fixes the bytes), so that format's own tools read it as they read the original.
 */
class SourceIdRoundTripTest {

    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said.";
    static final String SECOND = "Второй текст: Putin said 👍🏽 nothing.\r\nThe end.";

    @TempDir
    Path folder;

    /** An empty workspace; {@link #export} takes the documents in the original file's order. */
    final class Workspace {
        final TestWorkspace ws;
        final JsonWorkspace store;

        Workspace(String name) {
            ws = new TestWorkspace(folder.resolve(name));
            store = ws.store;
        }

        ImportReport importFile(AnnotationFormat format, String name, byte[] content, String annotator) {
            return ws.importFile(format, name, content, annotator);
        }

        byte[] export(ExportFormat format, String annotator) {
            return export(format, annotator, List.of(TEXT, SECOND));
        }

        byte[] export(ExportFormat format, String annotator, List<String> texts) {
            return ws.export(format, annotator, texts);
        }

        Document byText(String text) {
            return ws.byText(text);
        }

        List<Span> spans(Document d, String annotator) {
            return ws.spans(d, annotator);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> jsonLines(byte[] jsonl) {
        return new String(jsonl, StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    // ---- doccano JSONL ----

    private static final String DOCCANO = "{\"id\": 17, \"text\": \"" + TEXT + "\", \"label\": [[8, 18, \"Sensational framing\"],"
            + " [31, 45, \"Attribution\"]]}\n"
            + "{\"id\": \"wire-2\", \"text\": " + JSON.writeValueAsString(SECOND) + ", \"entities\": [{\"id\": 5,"
            + " \"start_offset\": 14, \"end_offset\": 19, \"label\": \"Attribution\"}]}\n";

    @Test
    void doccanoIdsComeBackWithTheirJsonTypeTextAndSpans() {
        Workspace ws = new Workspace("jsonl");
        ws.importFile(AnnotationFormat.JSONL, "doccano.jsonl", utf8(DOCCANO), "ana");

        Document first = ws.byText(TEXT);
        assertThat(first.source()).isEqualTo(Source.inDataset("17", true, null));
        assertThat(ws.byText(SECOND).source()).isEqualTo(Source.inDataset("wire-2", false, null));
        assertThat(ws.spans(ws.byText(SECOND), "ana")).extracting(Span::id).containsExactly("5");
        byte[] exported = ws.export(ExportFormat.JSONL, "ana");

        List<JsonNode> original = jsonLines(utf8(DOCCANO));
        List<JsonNode> back = jsonLines(exported);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).get("id").isIntegralNumber()).as("17 stays a number").isTrue();
        assertThat(back.get(0).get("id").intValue()).isEqualTo(17);
        assertThat(back.get(1).get("id").isString()).isTrue();
        assertThat(back.get(1).get("id").stringValue()).isEqualTo("wire-2");
        for (int i = 0; i < 2; i++) {
            assertThat(back.get(i).get("text").stringValue()).isEqualTo(original.get(i).get("text").stringValue());
        }
        // the spans come back in doccano's relation layout, the entity id 5 as the number it was
        assertThat(back.get(0).get("entities")).extracting(e -> e.get("start_offset").intValue() + "-"
                + e.get("end_offset").intValue() + " " + e.get("label").stringValue())
                .containsExactly("8-18 Sensational framing", "31-45 Attribution");
        assertThat(back.get(1).get("entities").toString())
                .isEqualTo("[{\"id\":5,\"label\":\"Attribution\",\"start_offset\":14,\"end_offset\":19}]");

        // and again: the export read into another empty workspace exports to the same bytes
        Workspace again = new Workspace("jsonl-again");
        again.importFile(AnnotationFormat.JSONL, "export.jsonl", exported, "ana");
        assertThat(new String(again.export(ExportFormat.JSONL, "ana"), StandardCharsets.UTF_8))
                .isEqualTo(new String(exported, StandardCharsets.UTF_8));
    }

    // ---- SemEval-2020 Task 11 ----

    @Test
    void semEvalArticlesComeBackUnderTheirArticleIdsByteForByte() {
        String labels = "123\tSensational_framing\t8\t18\n123\tAttribution\t31\t45\n456\tAttribution\t14\t19\n";
        byte[] zip = BratReaderTest.zip("train-articles/article123.txt", TEXT, "train-articles/article456.txt", SECOND,
                "train-task2-TC.labels", labels);
        Workspace ws = new Workspace("semeval");
        ws.importFile(AnnotationFormat.SEMEVAL, "train.zip", zip, "gold");

        assertThat(ws.byText(TEXT).source()).isEqualTo(Source.inDataset("123", false, "train-articles/article123.txt"));
        Map<String, String> back = ExportFixtures.unzip(ws.export(ExportFormat.SEMEVAL, "gold"));

        assertThat(back.keySet()).containsExactly("articles/article123.txt", "articles/article456.txt", "labels.tsv");
        assertThat(back.get("articles/article123.txt")).isEqualTo(TEXT);
        assertThat(back.get("articles/article456.txt")).isEqualTo(SECOND);
        assertThat(back.get("labels.tsv")).isEqualTo(labels);

        // brat names the documents after the files they came in
        assertThat(ExportFixtures.unzip(ws.export(ExportFormat.BRAT, "gold")).keySet()).contains(
                "train-articles/article123.txt", "train-articles/article123.ann", "train-articles/article456.txt");
    }

    // ---- brat ----

    @Test
    void bratFilesAndTIdsComeBackByteForByte() {
        String ann1 = "T1\tSensational_framing 8 18\tHUMILIATED\n"
                + "#1\tAnnotatorNotes T1\tloaded verb\n"
                + "T2\tAttribution 31 45\tofficials said\n"
                + "T5\tOpinion 2 7\tTrump\n";
        // code points: "Putin said" after the Cyrillic, "nothing." after the emoji, then a CRLF
        String ann2 = "T1\tAttribution 14 24\tPutin said\n"
                + "T2\tOpinion 28 36;38 41\tnothing. The\n";
        byte[] zip = BratReaderTest.zip("news/peace talks.txt", TEXT, "news/peace talks.ann", ann1,
                "second.txt", SECOND, "second.ann", ann2);
        Workspace ws = new Workspace("brat");
        ws.importFile(AnnotationFormat.BRAT, "corpus.zip", zip, "ana");

        assertThat(ws.spans(ws.byText(TEXT), "ana")).extracting(Span::id, Span::text)
                .containsExactly(tuple("T5", "Trump"), tuple("T1", "HUMILIATED"), tuple("T2", "officials said"));
        Map<String, String> back = ExportFixtures.unzip(ws.export(ExportFormat.BRAT, "ana"));

        assertThat(back.keySet()).containsExactly("annotation.conf", "visual.conf", "news/peace talks.txt",
                "news/peace talks.ann", "second.txt", "second.ann");
        assertThat(back.get("news/peace talks.txt")).isEqualTo(TEXT);
        assertThat(back.get("news/peace talks.ann")).isEqualTo(ann1);
        assertThat(back.get("second.txt")).isEqualTo(SECOND);
        assertThat(back.get("second.ann")).isEqualTo(ann2);
    }

    // ---- CoNLL ----

    @Test
    void conllNamesDocumentsByTheirDatasetIdsAndImportsBackByThem() {
        Workspace ws = new Workspace("conll");
        ws.importFile(AnnotationFormat.JSONL, "doccano.jsonl", utf8(DOCCANO), "ana");
        byte[] conll = ws.export(ExportFormat.CONLL, "ana");

        assertThat(new String(conll, StandardCharsets.UTF_8)).contains("\n# document: 17\n", "\n# document: wire-2\n")
                .doesNotContain(ws.byText(TEXT).id());

        ws.importFile(AnnotationFormat.CONLL, "back.conll", conll, "bob");
        for (String text : List.of(TEXT, SECOND)) {
            Document d = ws.byText(text);
            assertThat(ws.spans(d, "bob")).extracting(Span::start, Span::end, Span::label)
                    .containsExactlyElementsOf(ws.spans(d, "ana").stream().map(s -> tuple(s.start(), s.end(), s.label())).toList());
        }
    }

    // ---- W3C Web Annotation ----

    /** What a Web Annotation client reads: id, bodies and target; not the times, which an import sets anew. */
    private static List<String> annotations(byte[] jsonld) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(jsonld).get("first").get("items").values()) {
            out.add(a.get("id").stringValue() + " " + a.get("body") + " " + a.get("target"));
        }
        return out;
    }

    @Test
    void webAnnotationIdsAndTargetsComeBack() {
        Workspace ws = new Workspace("webanno");
        ws.importFile(AnnotationFormat.JSONL, "doccano.jsonl", utf8(DOCCANO), "ana");
        byte[] exported = ws.export(ExportFormat.WEB_ANNOTATION, "ana");
        assertThat(annotations(exported)).first().asString()
                .startsWith("urn:slant:17:ana:").contains("\"source\":\"urn:slant:document:17\"");

        Workspace other = new Workspace("webanno-other");
        other.importFile(AnnotationFormat.JSONL, "texts.jsonl", utf8("{\"id\": 17, \"text\": \"" + TEXT + "\"}\n"
                + "{\"id\": \"wire-2\", \"text\": " + JSON.writeValueAsString(SECOND) + "}\n"), "nobody");
        other.importFile(AnnotationFormat.WEB_ANNOTATION, "export.jsonld", exported, "ana");
        assertThat(annotations(other.export(ExportFormat.WEB_ANNOTATION, "ana"))).isEqualTo(annotations(exported));

        // a foreign annotation: its IRI is kept, and a quote alone finds its place
        String foreign = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"https://example.org/anno/1\","
                + " \"type\": \"Annotation\", \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Opinion\"}],"
                + " \"target\": {\"source\": \"urn:slant:document:17\", \"selector\": {\"type\": \"TextQuoteSelector\","
                + " \"exact\": \"the nation\"}}}";
        other.importFile(AnnotationFormat.WEB_ANNOTATION, "one.jsonld", utf8(foreign), "cy");
        assertThat(other.spans(other.byText(TEXT), "cy")).extracting(Span::id, Span::start, Span::end)
                .containsExactly(tuple("https://example.org/anno/1", 19, 29));
        assertThat(annotations(other.export(ExportFormat.WEB_ANNOTATION, "cy"))).singleElement().asString()
                .startsWith("https://example.org/anno/1 ").contains("\"start\":19,\"end\":29");
    }

    // ---- Slant JSON ----

    @Test
    void slantJsonKeepsDocumentIdsSourcesAndSpanIds() {
        Source source = new Source("Daily Planet", "https://example.org/p", java.time.LocalDate.of(2025, 8, 16), "17", true,
                "news/peace.txt");
        Document doc = new Document("peace", "Peace talks", TEXT, source, NOW);
        Document other = new Document("second", "Second", SECOND, null, NOW);
        Layer layer = new Layer("peace", "ana", 3, List.of(new Span("s-1", 8, 18, "sensational", "HUMILIATED", "loaded",
                "ana", NOW, NOW)));
        ByteArrayOutputStream set = new ByteArrayOutputStream();
        try {
            new SlantJsonWriter().write(ExportFixtures.LABELS, java.util.stream.Stream.of(new ExportItem(doc, List.of(layer)),
                    new ExportItem(other, List.of())), set);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Workspace ws = new Workspace("json");
        ImportReport report = ws.importFile(AnnotationFormat.SLANT_JSON, "set.json", set.toByteArray(), "ana");

        assertThat(report.documentsCreated()).isEqualTo(2);
        Document back = ws.store.find("peace").orElseThrow();
        assertThat(back.source()).isEqualTo(source);
        assertThat(back.title()).isEqualTo("Peace talks");
        assertThat(ws.store.find("second")).isPresent();
        assertThat(ws.spans(back, "ana")).extracting(Span::id, Span::start, Span::end, Span::label, Span::note)
                .containsExactly(tuple("s-1", 8, 18, "sensational", "loaded"));
        JsonNode exported = JSON.readTree(ws.export(ExportFormat.SLANT_JSON, "ana"));
        assertThat(exported.get("documents").get(0).get("document").get("source").toString())
                .isEqualTo("{\"outlet\":\"Daily Planet\",\"url\":\"https://example.org/p\",\"published\":\"2025-08-16\","
                        + "\"id\":17,\"file\":\"news/peace.txt\"}");
    }

    // ---- one name per document in an export ----

    @Test
    void twoDocumentsWithOneDatasetIdAreToldApart() {
        Workspace ws = new Workspace("twice");
        ws.importFile(AnnotationFormat.JSONL, "a.jsonl", utf8("{\"id\": 1, \"text\": \"First corpus.\", \"label\": []}\n"), "ana");
        ws.importFile(AnnotationFormat.JSONL, "b.jsonl", utf8("{\"id\": 1, \"text\": \"Second corpus.\", \"label\": []}\n"), "ana");

        List<String> texts = List.of("First corpus.", "Second corpus.");
        List<JsonNode> lines = jsonLines(ws.export(ExportFormat.JSONL, "ana", texts));
        assertThat(lines.get(0).get("id").toString()).isEqualTo("1");
        assertThat(lines.get(1).get("id").stringValue()).isEqualTo(ws.byText("Second corpus.").id());
        assertThat(ExportFixtures.unzip(ws.export(ExportFormat.BRAT, "ana", texts)).keySet())
                .contains("1.txt", ws.byText("Second corpus.").id() + ".txt");
    }
}
