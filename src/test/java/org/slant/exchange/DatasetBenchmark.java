package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dataset export/import speed and memory on a large workspace: 10,000 documents of ~2,000 characters
 * with 50 spans each (500,000 spans), one layer per document by annotator "bench".
 * Run with {@code ./mvnw -Pbenchmark verify} (failsafe; classes named *Benchmark are not unit tests).
 * Every figure is printed on a line starting with "BENCHMARK"; nothing is asserted about time.
 *
 * <p>The number of documents can be lowered with the system property {@code bench.documents} (default
 * 10,000); the subset export uses a fifth of it.
 */
class DatasetBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 10_000);
    private static final int SUBSET = Math.max(1, DOCUMENTS / 5); // 2,000 of 10,000
    private static final int SPANS_PER_DOCUMENT = 50;
    private static final int TEXT_CHARS = 2_000;
    private static final int RUNS = 3;
    private static final String ANNOTATOR = "bench";
    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");

    private static final String[] WORDS = {
        "government", "minister", "said", "talks", "peace", "summit", "officials", "confirmed", "according",
        "report", "crisis", "economy", "growth", "inflation", "market", "rally", "protest", "election", "vote",
        "parliament", "budget", "deal", "sanctions", "drones", "ceasefire", "negotiators", "Zürich", "München",
        "café", "naïve", "résumé", "Ålesund", "Kraków", "São", "Paulo", "€40", "million", "über", "señor",
        "the", "a", "of", "in", "and", "to", "with", "on", "by", "for", "from", "said", "claimed", "admitted",
        "reportedly", "analysts", "warned", "HUMILIATED", "slams", "unlikely", "profound", "clash", "record"};

    private static final JsonMapper READER = JsonMapper.shared();

    @Test
    void exportAndImportLargeDataset() throws Exception {
        Path base = Files.createDirectories(Path.of("target"));
        Path root = Files.createTempDirectory(base, "dataset-bench");
        print("documents=%d spans=%d (%d per document) textChars~%d runs=%d availableProcessors=%d maxHeap=%dMB",
                DOCUMENTS, DOCUMENTS * SPANS_PER_DOCUMENT, SPANS_PER_DOCUMENT, TEXT_CHARS, RUNS,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // ---- 1. setup: write the workspace files directly (no fsync), in the workspace's own format ----
        long t0 = System.nanoTime();
        Scheme labelSet = Scheme.defaults();
        writeWorkspace(root, labelSet, true);
        long setupMs = ms(t0);
        long t1 = System.nanoTime();
        int listed = new JsonWorkspace(root).list().documents().size();
        assertThat(listed).isEqualTo(DOCUMENTS);
        assertThat(new JsonWorkspace(root).list().problems()).isEmpty();
        print("setup: wrote %d files in %d ms (no fsync); new JsonWorkspace(...).list() read %d documents in %d ms",
                2 * DOCUMENTS + 1, setupMs, listed, ms(t1));

        // ---- 2. + 5. export through ExportService, with memory figures ----
        // Each run builds fresh services (cold DocumentService cache; the OS page cache is warm after
        // the first run), as a new process or a freshly opened workspace would.
        Path exportFile = base.resolve("dataset-bench-export.jsonl");
        long[] exportMs = new long[RUNS];
        MemoryFigures fullMemory = null;
        for (int r = 0; r < RUNS; r++) {
            Export run = export(root, List.of(), exportFile);
            exportMs[r] = run.ms;
            if (r == 0) {
                fullMemory = run.memory;
            }
        }
        long exportBytes = Files.size(exportFile);
        long lines;
        try (Stream<String> s = Files.lines(exportFile)) {
            lines = s.count();
        }
        assertThat(lines).isEqualTo(DOCUMENTS);
        print("export JSONL (ExportService, %d documents, %d lines, %d MB): median %d ms, runs %s ms",
                DOCUMENTS, lines, exportBytes >> 20, median(exportMs), Arrays.toString(exportMs));

        // ---- 3. baseline: bare Jackson streaming over the same files, same JSONL shape ----
        // Export side: ExportService.export =
        // the document ids from the folder listing, then per document: read + parse the document file
        // once (not cached), JsonWorkspace.findAll(document) lists the layer folder, reads + parses the
        // layer file and checks every span's text against the document, and JsonlWriter writes the line.
        // Baseline side (the fair design: both read the 20,000 files from disk, since reading is the bulk
        // of an export, and an in-memory-only baseline would compare writing against reading+writing):
        // read + parse every document file once with JsonMapper.readTree (sorted by id, the export's
        // order), then per document list its layer folder, read + parse the layer file with
        // readTree and write the line from the trees with one streaming generator. No record objects,
        // no span validation, no caching. The output must equal the export byte for byte.
        Path baselineFile = base.resolve("dataset-bench-baseline.jsonl");
        long[] baselineMs = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t = System.nanoTime();
            baselineReadAndWrite(root, labelSet, baselineFile);
            baselineMs[r] = ms(t);
        }
        assertThat(Files.mismatch(exportFile, baselineFile)).as("baseline output equals the export").isEqualTo(-1L);
        print("baseline read files + write (JsonMapper.readTree + one JsonGenerator): median %d ms, runs %s ms",
                median(baselineMs), Arrays.toString(baselineMs));
        print("ratio export/baseline (read files + write, both ways): %.2f",
                (double) median(exportMs) / Math.max(1, median(baselineMs)));

        // For reference only: the write alone from Document + Layer records already in memory (loaded once,
        // not timed). This is the lower bound of the JSONL writing itself.
        List<Document> docsInMemory = new ArrayList<>(new JsonWorkspace(root).list().documents());
        docsInMemory.sort(Comparator.comparing(Document::id)); // the export's order
        JsonWorkspace loader = new JsonWorkspace(root);
        List<List<org.slant.annotation.Layer>> layersInMemory = new ArrayList<>(docsInMemory.size());
        for (Document d : docsInMemory) {
            layersInMemory.add(loader.findAll(d.id()));
        }
        long[] writeOnlyMs = new long[RUNS];
        Path writeOnlyFile = base.resolve("dataset-bench-writeonly.jsonl");
        for (int r = 0; r < RUNS; r++) {
            long t = System.nanoTime();
            baselineWriteOnly(docsInMemory, layersInMemory, labelSet, writeOnlyFile);
            writeOnlyMs[r] = ms(t);
        }
        assertThat(Files.mismatch(exportFile, writeOnlyFile)).isEqualTo(-1L);
        print("baseline write only (records already in memory, one JsonGenerator): median %d ms, runs %s ms;"
                + " ratio export/write-only %.2f", median(writeOnlyMs), Arrays.toString(writeOnlyMs),
                (double) median(exportMs) / Math.max(1, median(writeOnlyMs)));
        docsInMemory = null;
        layersInMemory = null;

        // ---- 5. memory: the full export against a subset of SUBSET documents ----
        List<String> subsetIds = IntStream.range(0, SUBSET).mapToObj(DatasetBenchmark::id).toList();
        Path subsetFile = base.resolve("dataset-bench-export-subset.jsonl");
        Export subset = export(root, subsetIds, subsetFile);
        print("export JSONL subset (ExportService, %d documents by id): %d ms", SUBSET, subset.ms);
        print("memory export %d documents: %s", DOCUMENTS, fullMemory);
        print("memory export %d documents: %s", SUBSET, subset.memory);
        print("memory peak during export: %d documents %.1f MB, %d documents %.1f MB (ratio %.2f; flat would be ~1)",
                DOCUMENTS, mb(fullMemory.peak), SUBSET, mb(subset.memory.peak),
                (double) fullMemory.peak / Math.max(1, subset.memory.peak));
        print("memory retained after export (GC'd, services still reachable) minus before: %d documents %.1f MB,"
                + " %d documents %.1f MB", DOCUMENTS, mb(fullMemory.after - fullMemory.before), SUBSET,
                mb(subset.memory.after - subset.memory.before));

        // ---- 4. import the exported JSONL ----
        byte[] jsonl = Files.readAllBytes(exportFile);
        ImportOptions options = new ImportOptions(ANNOTATOR, Map.of(), false, true);

        // (a) a fresh workspace that already holds the same documents (no layers): spans go into new layers
        Path withDocs = Files.createTempDirectory(base, "dataset-bench-import-docs");
        writeWorkspace(withDocs, labelSet, false);
        importInto(withDocs, "documents present", jsonl, options, DOCUMENTS, 0);

        // (b) an empty workspace, createDocuments=true: every document is added (DocumentService.add, fsync)
        Path empty = Files.createTempDirectory(base, "dataset-bench-import-empty");
        importInto(empty, "empty workspace, createDocuments", jsonl, options, 0, DOCUMENTS);
        long t2 = System.nanoTime();
        assertThat(new JsonWorkspace(empty).list().documents()).hasSize(DOCUMENTS);
        print("import (empty workspace): list() of the created workspace %d ms", ms(t2));
    }

    // ---- export ----

    private record MemoryFigures(long before, long peak, long after) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap used before %.1f MB, peak during %.1f MB (sampled every 10 ms),"
                    + " after (GC'd) %.1f MB", mb(before), mb(peak), mb(after));
        }
    }

    private record Export(long ms, MemoryFigures memory) {
    }

    private static Export export(Path root, List<String> ids, Path file) throws Exception {
        JsonWorkspace store = new JsonWorkspace(root);
        Clock clock = Clock.systemUTC();
        DocumentService documents = new DocumentService(store, clock, 2 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(store));
        AnnotationService annotations = new AnnotationService(documents, labels, store, clock);
        ExportService service = new ExportService(documents, annotations, labels);

        long before = usedAfterGc();
        AtomicLong peak = new AtomicLong(usedNow());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(usedNow(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            service.export(ExportFormat.JSONL, ids, LayerSelection.ALL, out);
        }
        long elapsed = ms(t);
        sampling.set(false);
        sampler.join();
        peak.accumulateAndGet(usedNow(), Math::max);
        long after = usedAfterGc(); // the services (and DocumentService's cache) are still reachable here
        java.lang.ref.Reference.reachabilityFence(service);
        return new Export(elapsed, new MemoryFigures(before, peak.get(), after));
    }

    private static void baselineReadAndWrite(Path root, Scheme labels, Path file) throws IOException {
        Map<String, String> names = labelNames(labels);
        record Doc(String id, String title, String text) {
        }
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("documents"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode n = READER.readTree(Files.readAllBytes(f));
                docs.add(new Doc(n.get("id").stringValue(), n.get("title").stringValue(), n.get("text").stringValue()));
            }
        }
        docs.sort(Comparator.comparing(Doc::id)); // the export's order: document ids, sorted
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
             JsonGenerator g = lineGenerator(out)) {
            for (Doc d : docs) {
                List<Path> layerFiles;
                try (Stream<Path> files = Files.list(root.resolve("layers").resolve(d.id()))) {
                    layerFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                }
                for (Path lf : layerFiles) {
                    JsonNode layer = READER.readTree(Files.readAllBytes(lf));
                    g.writeStartObject();
                    g.writeStringProperty("id", d.id());
                    g.writeStringProperty("title", d.title());
                    g.writeStringProperty("text", d.text());
                    g.writeName("label");
                    g.writeStartArray();
                    // the layer file keeps spans in reading order, as Layer sorts them
                    for (JsonNode s : layer.get("spans").values()) {
                        g.writeStartArray();
                        g.writeNumber(s.get("start").intValue());
                        g.writeNumber(s.get("end").intValue());
                        String label = s.get("label").stringValue();
                        g.writeString(names.getOrDefault(label, label));
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeStringProperty("annotator", layer.get("annotator").stringValue());
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        }
    }

    private static void baselineWriteOnly(List<Document> docs, List<List<org.slant.annotation.Layer>> layers,
                                          Scheme labels, Path file) throws IOException {
        Map<String, String> names = labelNames(labels);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
             JsonGenerator g = lineGenerator(out)) {
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                for (org.slant.annotation.Layer layer : layers.get(i)) {
                    g.writeStartObject();
                    g.writeStringProperty("id", d.id());
                    g.writeStringProperty("title", d.title());
                    g.writeStringProperty("text", d.text());
                    g.writeName("label");
                    g.writeStartArray();
                    for (Span s : layer.spans()) {
                        g.writeStartArray();
                        g.writeNumber(s.start());
                        g.writeNumber(s.end());
                        g.writeString(names.getOrDefault(s.label(), s.label()));
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeStringProperty("annotator", layer.annotator());
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        }
    }

    /** One generator for the whole file, without root value separator: each line ends with a raw line break. */
    private static JsonGenerator lineGenerator(OutputStream out) {
        JsonMapper mapper = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        return mapper.writer().withRootValueSeparator("").createGenerator(out);
    }

    private static Map<String, String> labelNames(Scheme labels) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Label l : labels.labels()) {
            names.put(l.id(), l.name());
        }
        return names;
    }

    // ---- import ----

    private static void importInto(Path root, String what, byte[] jsonl, ImportOptions options, int matched, int created) {
        JsonWorkspace store = new JsonWorkspace(root);
        Clock clock = Clock.systemUTC();
        DocumentService documents = new DocumentService(store, clock, 2 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(store));
        AnnotationService annotations = new AnnotationService(documents, labels, store, clock);
        ImportService service = new ImportService(documents, annotations, labels, store);

        long t = System.nanoTime();
        ImportReport check = service.check(AnnotationFormat.JSONL, "export.jsonl", jsonl, options);
        long checkMs = ms(t);
        assertThat(check.problems()).isEmpty();
        assertThat(check.documentsMatched()).isEqualTo(matched);
        assertThat(check.documentsCreated()).isEqualTo(created);
        assertThat(check.spansImported()).isEqualTo(DOCUMENTS * SPANS_PER_DOCUMENT);

        t = System.nanoTime();
        ImportReport applied = service.apply(AnnotationFormat.JSONL, "export.jsonl", jsonl, options);
        long applyMs = ms(t);
        assertThat(applied.ok()).isTrue();
        assertThat(applied.spansImported()).isEqualTo(DOCUMENTS * SPANS_PER_DOCUMENT);
        print("import JSONL (%s, %d documents matched, %d created, %d spans): check() %d ms, apply() %d ms"
                + " (apply re-runs the check, then writes %d files with fsync)", what, applied.documentsMatched(),
                applied.documentsCreated(), applied.spansImported(), checkMs, applyMs,
                created > 0 ? 2 * DOCUMENTS : DOCUMENTS);
    }

    // ---- the workspace ----

    static String id(int i) {
        return String.format(Locale.ROOT, "bench-%05d", i);
    }

    /** documents/{id}.json, labels.json and, with {@code withLayers}, layers/{id}/bench.json: SlantJson, no fsync. */
    private static void writeWorkspace(Path root, Scheme labels, boolean withLayers) throws IOException {
        Files.createDirectories(root.resolve("documents"));
        Files.createDirectories(root.resolve("layers"));
        writeJson(root.resolve("labels.json"), g -> {
            g.writeStringProperty("format", SlantJson.LABELS_FORMAT);
            SlantJson.writeScheme(g, labels);
        });
        List<String> labelIds = labels.labels().stream().map(Label::id).toList();
        IntStream.range(0, DOCUMENTS).parallel().forEach(i -> {
            Document d = document(i);
            writeJson(root.resolve("documents").resolve(d.id() + ".json"), g -> {
                g.writeStringProperty("format", SlantJson.DOCUMENT_FORMAT);
                SlantJson.writeDocumentFields(g, d);
            });
            if (withLayers) {
                List<Span> spans = spans(d, i, labelIds);
                Path dir = root.resolve("layers").resolve(d.id());
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                writeJson(dir.resolve(ANNOTATOR + ".json"), g -> {
                    g.writeStringProperty("format", SlantJson.LAYER_FORMAT);
                    g.writeStringProperty("document", d.id());
                    g.writeStringProperty("annotator", ANNOTATOR);
                    g.writeNumberProperty("revision", 1);
                    // sorted like Layer does, so the file looks like one JsonWorkspace wrote
                    SlantJson.writeSpans(g, spans.stream().sorted(org.slant.annotation.Layer.READING_ORDER).toList());
                });
            }
        });
    }

    private static void writeJson(Path file, java.util.function.Consumer<JsonGenerator> fields) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 16 * 1024)) {
            try (JsonGenerator g = SlantJson.generator(out, 3)) {
                g.writeStartObject();
                fields.accept(g);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** ~2,000 characters of varied words (some non-ASCII, one emoji, so UTF-16 and code points differ). */
    private static Document document(int i) {
        Random random = new Random(i * 7919L + 17);
        StringBuilder text = new StringBuilder(TEXT_CHARS + 100);
        text.append("Bench article ").append(i).append(" \uD83D\uDE42. ");
        while (text.length() < TEXT_CHARS) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            int p = random.nextInt(20);
            text.append(p == 0 ? ". " : p == 1 ? ", " : p == 2 ? "\n\n" : " ");
        }
        String title = "Bench document " + i + " – " + WORDS[random.nextInt(WORDS.length)];
        return new Document(id(i), title, text.toString().strip(), Source.UNKNOWN, CREATED.plusSeconds(i));
    }

    /** 50 spans on 50 distinct words, in code point offsets. */
    private static List<Span> spans(Document d, int docIndex, List<String> labelIds) {
        String text = d.text();
        List<int[]> words = new ArrayList<>(); // code point start, end
        int cp = 0;
        int wordStart = -1;
        for (int k = 0; k < text.length(); ) {
            int c = text.codePointAt(k);
            boolean letter = Character.isLetterOrDigit(c) || c == '€';
            if (letter && wordStart < 0) {
                wordStart = cp;
            } else if (!letter && wordStart >= 0) {
                words.add(new int[] {wordStart, cp});
                wordStart = -1;
            }
            k += Character.charCount(c);
            cp++;
        }
        if (wordStart >= 0) {
            words.add(new int[] {wordStart, cp});
        }
        int step = words.size() / SPANS_PER_DOCUMENT;
        int[] offsets = text.codePoints().toArray();
        List<Span> spans = new ArrayList<>(SPANS_PER_DOCUMENT);
        for (int s = 0; s < SPANS_PER_DOCUMENT; s++) {
            int[] w = words.get(s * step);
            int end = s % 5 == 0 && s * step + 1 < words.size() ? words.get(s * step + 1)[1] : w[1]; // some two-word spans
            String covered = new String(offsets, w[0], end - w[0]);
            Instant at = CREATED.plusSeconds(docIndex).plusMillis(s * 137L + 1);
            spans.add(new Span("s" + Integer.toString(docIndex, 36) + "x" + s, w[0], end,
                    labelIds.get((docIndex + s) % labelIds.size()), covered, null, ANNOTATOR, at, at));
        }
        return spans;
    }

    // ---- helpers ----

    private static long usedNow() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return usedNow();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(Locale.ROOT, format, args));
    }
}
