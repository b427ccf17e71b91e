package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random texts full of what breaks offset arithmetic (emoji, ZWJ sequences, combining marks, CRLF,
 * right-to-left scripts) with random spans: what goes out must come back at the same code points.
 *
 * <p>The Slant JSON trip uses the real {@link JsonExport}; the JSONL, brat and SemEval readers are
 * tested twice: with tiny local writers (the format as the reader expects it, independent of the
 * exporter) and through the real {@link JsonlWriter}, {@link BratWriter} and {@link SemEvalWriter}
 * and the import service. CoNLL goes through the real {@link ConllWriter} and the import service.
 */
class ExportImportRoundTripTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final Scheme LABELS = Scheme.defaults();
    private static final String[] PIECES = {
        "the", "summit", "HUMILIATED", "officials", "said", ",", ".", "!", "\"quoted\"", "42",
        "🔥", "👍🏽", "👩‍👩‍👧‍👦", "🏳️‍🌈", "𝔘𝔫𝔦", "e\u0301", "n\u0303o", "a\u0308\u0301",
        "Россия", "переговоры", "שלום", "עולם", "سلام", "العالم", "日本語",
    };
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\r\n", "\n", "\r\n\r\n", "\u00a0"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    /** A span as the import sees it: what must survive the trip. */
    record Mark(int start, int end, String label, String text, String note) {
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder(PIECES[random.nextInt(PIECES.length)]);
        int words = 1 + random.nextInt(40);
        for (int i = 0; i < words; i++) {
            sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String slice(String text, int start, int end) {
        int[] cps = text.codePoints().toArray();
        return new String(cps, start, end - start);
    }

    /** Random distinct (range, label) spans; {@code trimmed} keeps white space off both ends, as the UI does. */
    private static List<Mark> randomMarks(Random random, String text, boolean trimmed) {
        int length = text.codePointCount(0, text.length());
        int[] cps = text.codePoints().toArray();
        List<Mark> marks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count * 3 && marks.size() < count; i++) {
            int start = random.nextInt(length);
            int end = start + 1 + random.nextInt(Math.min(length - start, 30));
            if (trimmed) {
                while (start < end && Character.isWhitespace(cps[start])) {
                    start++;
                }
                while (end > start && Character.isWhitespace(cps[end - 1])) {
                    end--;
                }
                if (start == end) {
                    continue;
                }
            }
            String label = LABELS.labels().get(random.nextInt(LABELS.labels().size())).id();
            if (seen.add(start + ":" + end + ":" + label)) {
                String note = random.nextInt(3) == 0 ? "note " + i + " ✍️ " + PIECES[random.nextInt(PIECES.length)] : null;
                marks.add(new Mark(start, end, label, slice(text, start, end), note));
            }
        }
        return marks;
    }

    private static List<Mark> marks(List<ImportedSpan> spans) {
        return spans.stream().map(s -> new Mark(s.start(), s.end(), s.label(), s.text(), s.note())).toList();
    }

    private static List<Mark> withoutNotes(List<Mark> marks) {
        return marks.stream().map(m -> new Mark(m.start(), m.end(), m.label(), m.text(), null)).toList();
    }

    private static List<Mark> sorted(List<Mark> marks) {
        return marks.stream().sorted(java.util.Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end)
                .thenComparing(Mark::label)).toList();
    }

    private static Layer layerOf(String docId, List<Mark> marks) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            spans.add(new Span("s" + i, m.start(), m.end(), m.label(), m.text(), m.note(), "ana", T0, T0));
        }
        return new Layer(docId, "ana", 1, spans);
    }

    @Test
    void slantJsonExportReadsBackToTheSameSpans() {
        Random random = new Random(20251127L);
        int astral = 0;
        int crlf = 0;
        for (int round = 0; round < 300; round++) {
            String text = randomText(random);
            List<Mark> marks = randomMarks(random, text, false);
            astral += (int) marks.stream().filter(m -> m.text().length() > m.end() - m.start()).count();
            crlf += (int) marks.stream().filter(m -> m.text().contains("\r\n")).count();
            Document doc = new Document("doc-" + round, "Round " + round, text, null, T0);
            byte[] json = new JsonExport().toJson(doc, LABELS, List.of(layerOf(doc.id(), marks)))
                    .getBytes(StandardCharsets.UTF_8);

            ImportedFile file = new SlantJsonReader().read("r.json", json, "ana");

            assertThat(file.problems()).as("round %d", round).isEmpty();
            assertThat(file.documents().get(0).text()).as("round %d", round).isEqualTo(text);
            assertThat(sorted(marks(file.documents().get(0).spans()))).as("round %d: %s", round, text)
                    .isEqualTo(sorted(marks));
        }
        assertThat(astral).as("spans holding characters outside the BMP").isGreaterThan(50);
        assertThat(crlf).as("spans holding a CRLF").isGreaterThan(50);
    }

    @Test
    void slantJsonExportImportsIntoAnotherWorkspaceUnchanged() {
        JsonWorkspace target = new JsonWorkspace(folder);
        ImportService service = importService(target);
        Random random = new Random(7L);
        for (int round = 0; round < 25; round++) {
            String text = randomText(random) + " #" + round; // distinct texts, so each is a new document
            List<Mark> marks = randomMarks(random, text, false);
            Document doc = new Document("doc-" + round, "Round " + round, text, null, T0);
            byte[] json = new JsonExport().toJson(doc, LABELS, List.of(layerOf(doc.id(), marks)))
                    .getBytes(StandardCharsets.UTF_8);

            ImportReport report = service.apply(AnnotationFormat.SLANT_JSON, "r.json", json,
                    new ImportOptions("bob", Map.of(), false, true));

            assertThat(report.problems()).as("round %d", round).isEmpty();
            assertThat(report.spansImported()).isEqualTo(marks.size());
            Document stored = target.list().documents().stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow();
            List<Mark> back = new JsonWorkspace(folder).find(stored.id(), "bob").map(Layer::spans).orElse(List.of())
                    .stream().map(s -> new Mark(s.start(), s.end(), s.label(), s.text(), s.note())).toList();
            assertThat(sorted(back)).as("round %d", round).isEqualTo(sorted(marks));
        }
    }

    @Test
    void doccanoJsonlReadsBackToTheSameSpans() {
        Random random = new Random(11L);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random);
            List<Mark> marks = randomMarks(random, text, false);

            ImportedFile file = new JsonlReader().read("r.jsonl", jsonl(text, marks));

            assertThat(file.problems()).as("round %d", round).isEmpty();
            List<Mark> back = file.documents().get(0).spans().stream()
                    .map(s -> new Mark(s.start(), s.end(), idOfName(s.label()), slice(text, s.start(), s.end()), null)).toList();
            assertThat(sorted(back)).as("round %d: %s", round, text).isEqualTo(sorted(withoutNotes(marks)));
        }
    }

    @Test
    void bratStandoffReadsBackToTheSameSpansAndNotes() {
        Random random = new Random(13L);
        int acrossLines = 0;
        for (int round = 0; round < 200; round++) {
            String text = randomText(random);
            List<Mark> marks = randomMarks(random, text, true);
            acrossLines += (int) marks.stream().filter(m -> m.text().contains("\n")).count();

            ImportedFile file = new BratReader().read("r.zip", bratZip("doc", text, marks));

            assertThat(file.problems()).as("round %d", round).isEmpty();
            List<Mark> back = marks(file.documents().get(0).spans()).stream()
                    .map(m -> new Mark(m.start(), m.end(), LABELS.labels().stream()
                            .filter(l -> BratReader.labelKey(l.name()).equals(BratReader.labelKey(m.label())))
                            .findFirst().map(Label::id).orElse("?"), m.text(), m.note())).toList();
            assertThat(sorted(back)).as("round %d: %s", round, text).isEqualTo(sorted(marks));
        }
        assertThat(acrossLines).as("spans written as discontinuous fragments").isGreaterThan(50);
    }

    @Test
    void semEvalLabelsReadBackToTheSameSpans() {
        Random random = new Random(17L);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random);
            List<Mark> marks = randomMarks(random, text, false);
            StringBuilder tsv = new StringBuilder();
            for (Mark m : marks) {
                tsv.append("77\t").append(m.label()).append('\t').append(m.start()).append('\t').append(m.end()).append('\n');
            }

            ImportedFile file = new SemEvalReader().read("r.zip", BratReaderTest.zip("article77.txt", text, "gold.labels", tsv.toString()));

            assertThat(file.problems()).as("round %d", round).isEmpty();
            assertThat(file.documents().get(0).text()).isEqualTo(text);
            List<Mark> back = file.documents().get(0).spans().stream()
                    .map(s -> new Mark(s.start(), s.end(), s.label(), slice(text, s.start(), s.end()), null)).toList();
            assertThat(sorted(back)).as("round %d", round).isEqualTo(sorted(withoutNotes(marks)));
        }
    }

    /** The import service over a workspace, as the application wires it. */
    private static ImportService importService(JsonWorkspace target) {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(target, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(target));
        return new ImportService(documents, new AnnotationService(documents, labels, target, clock), labels, target, clock);
    }

        private static String idOfName(String name) {
        return LABELS.labels().stream().filter(l -> l.name().equals(name)).findFirst().map(Label::id).orElse("?" + name);
    }

    // ---- through the real exporters and the import service ----

    /**
     * Exports 30 random documents with one writer, imports the file into an empty workspace, and
     * expects every document with exactly its spans (notes too when the format keeps them). With
     * {@code twoLayers} the export also holds a second annotator, whose spans must stay out.
     */
    private void crossTrip(DatasetWriter writer, AnnotationFormat format, long seed, boolean trimmed, boolean notes,
                           boolean twoLayers) throws IOException {
        Random random = new Random(seed);
        List<ExportItem> items = new ArrayList<>();
        Map<String, List<Mark>> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String text = randomText(random) + " №" + i;
            Document doc = new Document("doc-" + i, "Doc " + i, text, null, T0);
            List<Mark> marks = randomMarks(random, text, trimmed);
            List<Layer> layers = new ArrayList<>(List.of(layerOf(doc.id(), marks)));
            if (twoLayers) {
                List<Mark> other = randomMarks(random, text, trimmed);
                List<Span> spans = new ArrayList<>();
                for (int k = 0; k < other.size(); k++) {
                    Mark m = other.get(k);
                    spans.add(new Span("b" + k, m.start(), m.end(), m.label(), m.text(), m.note(), "bob", T0, T0));
                }
                layers.add(new Layer(doc.id(), "bob", 1, spans));
            }
            items.add(new ExportItem(doc, layers));
            expected.put(text, notes ? marks : withoutNotes(marks));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(LABELS, items.stream(), out);

        Path root = folder.resolve(format.id() + seed);
        JsonWorkspace target = new JsonWorkspace(root);
        ImportService service = importService(target);
        ImportReport report = service.apply(format, "export", out.toByteArray(),
                new ImportOptions("ana", Map.of(), false, true));

        assertThat(report.problems()).isEmpty();
        assertThat(report.documentsCreated()).isEqualTo(30);
        assertThat(report.spansImported()).isEqualTo(expected.values().stream().mapToInt(List::size).sum());
        for (Document stored : target.list().documents()) {
            List<Mark> back = target.find(stored.id(), "ana").map(Layer::spans).orElse(List.of()).stream()
                    .map(s -> new Mark(s.start(), s.end(), s.label(), s.text(), notes ? s.note() : null)).toList();
            assertThat(expected).containsKey(stored.text());
            assertThat(sorted(back)).as("%s: %s", stored.id(), stored.text()).isEqualTo(sorted(expected.get(stored.text())));
        }
        assertThat(target.list().documents()).hasSize(30);
    }

    @Test
    void jsonlWriterOutputImportsBackUnchanged() throws IOException {
        crossTrip(new JsonlWriter(), AnnotationFormat.JSONL, 21L, false, true, false);
        crossTrip(new JsonlWriter(), AnnotationFormat.JSONL, 22L, false, true, true);
    }

    @Test
    void bratWriterOutputImportsBackUnchanged() throws IOException {
        crossTrip(new BratWriter(), AnnotationFormat.BRAT, 23L, true, true, false);
        crossTrip(new BratWriter(), AnnotationFormat.BRAT, 24L, true, true, true);
    }

    @Test
    void semEvalWriterOutputImportsBackUnchanged() throws IOException {
        crossTrip(new SemEvalWriter(), AnnotationFormat.SEMEVAL, 25L, false, false, false);
        crossTrip(new SemEvalWriter(), AnnotationFormat.SEMEVAL, 26L, false, false, true);
    }

    /** Random spans on whole tokens, disjoint per label: what CoNLL keeps exactly (it widens and merges the rest). */
    private static List<Mark> tokenMarks(Random random, String text) {
        List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
        List<Mark> marks = new ArrayList<>();
        for (Label label : LABELS.labels()) {
            for (int i = 0; i < tokens.size(); i++) {
                if (random.nextInt(6) == 0) {
                    int last = Math.min(tokens.size() - 1, i + random.nextInt(4));
                    int start = tokens.get(i).start();
                    int end = tokens.get(last).end();
                    marks.add(new Mark(start, end, label.id(), slice(text, start, end), null));
                    i = last;
                }
            }
        }
        return marks;
    }

    /**
     * CoNLL carries no text, so the documents are in the target workspace first; the export holds
     * two annotators and the import into "ana" must take exactly ana's spans.
     */
    @Test
    void conllWriterOutputImportsBackOntoTheSameTokens() throws IOException {
        Random random = new Random(27L);
        JsonWorkspace target = new JsonWorkspace(folder.resolve("conll"));
        List<ExportItem> items = new ArrayList<>();
        Map<String, List<Mark>> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            Document doc = new Document("doc-" + i, "Doc " + i, randomText(random) + " №" + i, null, T0);
            target.save(doc);
            List<Mark> marks = tokenMarks(random, doc.text());
            List<Span> other = tokenMarks(random, doc.text()).stream().map(m -> new Span("b" + m.start() + m.label(),
                    m.start(), m.end(), m.label(), m.text(), null, "bob", T0, T0)).toList();
            items.add(new ExportItem(doc, List.of(layerOf(doc.id(), marks), new Layer(doc.id(), "bob", 1, other))));
            expected.put(doc.id(), marks);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConllWriter().write(LABELS, items.stream(), out);
        ImportService service = importService(target);

        ImportReport report = service.apply(AnnotationFormat.CONLL, "export.conll", out.toByteArray(),
                new ImportOptions("ana", Map.of(), false, false));

        assertThat(report.problems()).isEmpty();
        assertThat(report.documentsMatched()).isEqualTo(30);
        assertThat(report.spansImported()).isEqualTo(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(100);
        expected.forEach((id, marks) -> {
            List<Mark> back = target.find(id, "ana").map(Layer::spans).orElse(List.of()).stream()
                    .map(s -> new Mark(s.start(), s.end(), s.label(), s.text(), null)).toList();
            assertThat(sorted(back)).as(id).isEqualTo(sorted(marks));
        });
    }

    // ---- tiny local writers, standing in for the real exporters ----

    private static byte[] jsonl(String text, List<Mark> marks) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", 1);
        line.put("text", text);
        ArrayNode labels = line.putArray("label");
        for (Mark m : marks) {
            labels.addArray().add(m.start()).add(m.end()).add(LABELS.find(m.label()).orElseThrow().name());
        }
        return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** brat cannot hold a line break in an .ann line: a span across lines becomes fragments, as brat does it. */
    private static byte[] bratZip(String name, String text, List<Mark> marks) {
        int[] cps = text.codePoints().toArray();
        StringBuilder ann = new StringBuilder();
        int t = 0;
        for (Mark m : marks) {
            t++;
            List<int[]> fragments = new ArrayList<>();
            int from = m.start();
            for (int i = m.start(); i <= m.end(); i++) {
                boolean lineBreak = i < m.end() && (cps[i] == '\n' || cps[i] == '\r');
                if (i == m.end() || lineBreak) {
                    if (i > from) {
                        fragments.add(new int[] {from, i});
                    }
                    from = i + 1;
                }
            }
            StringBuilder offsets = new StringBuilder();
            List<String> parts = new ArrayList<>();
            for (int[] f : fragments) {
                offsets.append(offsets.isEmpty() ? "" : ";").append(f[0]).append(' ').append(f[1]);
                parts.add(slice(text, f[0], f[1]));
            }
            String type = LABELS.find(m.label()).orElseThrow().name().replace(' ', '_');
            ann.append('T').append(t).append('\t').append(type).append(' ').append(offsets).append('\t')
                    .append(String.join(" ", parts)).append('\n');
            if (m.note() != null) {
                ann.append('#').append(t).append("\tAnnotatorNotes T").append(t).append('\t').append(m.note()).append('\n');
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name + ".txt"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry(name + ".ann"));
            out.write(ann.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
