package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.workspace.WorkspaceFixtures.T0;
import static org.slant.workspace.WorkspaceFixtures.TRICKY_TEXT;
import static org.slant.workspace.WorkspaceFixtures.document;
import static org.slant.workspace.WorkspaceFixtures.layerWith;
import static org.slant.workspace.WorkspaceFixtures.longText;
import static org.slant.workspace.WorkspaceFixtures.span;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Layer;
import org.slant.annotation.StaleLayerException;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.Scheme;

class JsonWorkspaceTest {

    @TempDir
    Path root;

    @Test
    void documentLayerAndLabelsSurviveARoundTripWithNonBmpCrlfCyrillicAndRtlText() {
        JsonWorkspace workspace = new JsonWorkspace(root);
        Document doc = document("tricky", "Путин «нет» 🔥", TRICKY_TEXT);
        int fire = TRICKY_TEXT.codePoints().boxed().toList().indexOf("🔥".codePointAt(0));
        int hebrew = TRICKY_TEXT.codePoints().boxed().toList().indexOf((int) 'ש');
        int thumbs = TRICKY_TEXT.codePoints().boxed().toList().indexOf("👍".codePointAt(0));
        Layer layer = new Layer("tricky", "alice", 3, List.of(
                span("s1", TRICKY_TEXT, fire, fire + 1, "sensational", "emoji «only»", "alice"),
                span("s2", TRICKY_TEXT, fire + 2, fire + 14, "opinion", null, "alice"), // crosses the CRLF
                span("s3", TRICKY_TEXT, hebrew, hebrew + 10, "fact", "RTL: שלום", "alice"),
                span("s4", TRICKY_TEXT, thumbs, thumbs + 2, "opinion", null, "alice"))); // emoji + modifier
        Scheme labels = Scheme.defaults();

        workspace.save(doc);
        workspace.save(layer, 0);
        workspace.save(labels);

        JsonWorkspace reopened = new JsonWorkspace(root);
        assertThat(reopened.find("tricky")).contains(doc);
        assertThat(reopened.find("tricky", "alice")).contains(layer);
        assertThat(reopened.find()).contains(labels);
        assertThat(reopened.find("tricky", "alice").orElseThrow().spans().get(3).text()).isEqualTo("👍🏽");
    }

    @Test
    void onDiskFormatIsTheDocumentedOne() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        workspace.save(new Document("peace", "Peace talks", "Hello world", Source.UNKNOWN, T0));
        workspace.save(new Layer("peace", "alice", 1, List.of(span("s1", "Hello world", 6, 11, "fact", null, "alice"))), 0);

        String doc = Files.readString(root.resolve("documents/peace.json"));
        assertThat(doc).contains("\"format\": \"slant-document/1\"", "\"created\": \"2025-08-16T09:30:00Z\"")
                .doesNotContain("source", "\r");
        String layer = Files.readString(root.resolve("layers/peace/alice.json"));
        assertThat(layer).contains("\"format\": \"slant-layer/2\"", "\"document\": \"peace\"", "\"annotator\": \"alice\"",
                "\"revision\": 1").doesNotContain("note");
        assertThat(layer.lines()).as("one span per line, so git diffs and hand edits stay readable")
                .contains("    {\"id\": \"s1\", \"start\": 6, \"end\": 11, \"label\": \"fact\", \"text\": \"world\", "
                        + "\"author\": \"alice\", \"created\": \"2025-08-16T09:30:00Z\", \"updated\": \"2025-08-16T09:30:06Z\"}");
    }

    @Test
    void missingThingsAreEmptyNotErrors() {
        JsonWorkspace workspace = new JsonWorkspace(root);
        assertThat(workspace.find("nothing")).isEmpty();
        assertThat(workspace.find("nothing", "alice")).isEmpty();
        assertThat(workspace.findAll("nothing")).isEmpty();
        assertThat(workspace.find()).isEmpty();
        assertThat(workspace.list().documents()).isEmpty();
    }

    @Test
    void listIsSortedByTitleAndFindAllByAnnotator() {
        JsonWorkspace workspace = new JsonWorkspace(root);
        workspace.save(document("b", "banana", "text b"));
        workspace.save(document("a", "Cherry", "text a"));
        workspace.save(document("c", "apple", "text c"));
        workspace.save(new Layer("a", "zoe", 1, List.of()), 0);
        workspace.save(new Layer("a", "bob", 2, List.of(span("s1", "text a", 0, 4, "fact", null, "bob"))), 0);

        assertThat(workspace.list().documents()).extracting(Document::title).containsExactly("apple", "banana", "Cherry");
        assertThat(workspace.findAll("a")).extracting(Layer::annotator).containsExactly("bob", "zoe");
    }

    @Test
    void idsThatCouldEscapeTheFolderAreRefused() {
        JsonWorkspace workspace = new JsonWorkspace(root);
        for (String bad : List.of("../x", "..", "a/b", "/etc/passwd", "A", "x\\..\\y", "")) {
            assertThatThrownBy(() -> workspace.find(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> workspace.find("ok", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> workspace.find(bad, "alice")).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> workspace.findAll(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(root.getParent().resolve("x.json")).doesNotExist();
    }

    @Test
    void leftoverTempFilesAreIgnoredByListAndDeletedOnStart() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        workspace.save(document("a", "A", "text a"));
        Path strayDoc = root.resolve("documents/.a.json.1234.tmp");
        Path strayLayer = root.resolve("layers/a/.alice.json.5678.tmp");
        Files.createDirectories(strayLayer.getParent());
        Files.writeString(strayDoc, "{\"format\":");
        Files.writeString(strayLayer, "{");

        assertThat(workspace.list().problems()).isEmpty();
        assertThat(workspace.findAll("a")).isEmpty();

        new JsonWorkspace(root);
        assertThat(strayDoc).doesNotExist();
        assertThat(strayLayer).doesNotExist();
        assertThat(root.resolve("documents/a.json")).exists();
    }

    @Test
    void concurrentSavesToDifferentLayersAllEndUpComplete() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        String text = longText(200);
        workspace.save(document("big", "Big", text));
        int annotators = 16;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int a = 0; a < annotators; a++) {
                String annotator = "annotator-" + a;
                futures.add(pool.submit(() -> {
                    for (int r = 1; r <= rounds; r++) {
                        workspace.save(layerWith("big", annotator, text, r * 20, r), r - 1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Layer> layers = new JsonWorkspace(root).findAll("big");
        assertThat(layers).hasSize(annotators);
        assertThat(layers).allSatisfy(l -> {
            assertThat(l.revision()).isEqualTo(rounds);
            assertThat(l.spans()).hasSize(rounds * 20);
        });
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void concurrentSavesToTheSameLayerNeverTearTheFileNorLoseAnAcknowledgedSave() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        String text = longText(200);
        workspace.save(document("big", "Big", text));
        java.util.concurrent.atomic.AtomicInteger saved = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int size = 100 + t * 50;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < 10; r++) {
                        // each save starts from the revision stored; one that lost the race to another is refused
                        long stored = workspace.revision("big", "alice");
                        Layer layer = layerWith("big", "alice", text, size, stored + 1);
                        try {
                            workspace.save(layer, stored);
                            saved.incrementAndGet();
                        } catch (StaleLayerException e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Layer last = new JsonWorkspace(root).find("big", "alice").orElseThrow();
        assertThat(last.spans().size()).isBetween(100, 450).matches(n -> (n - 100) % 50 == 0); // whichever won, it is whole
        // every acknowledged save moved the revision on by one: none was written over another from the same revision
        assertThat(last.revision()).isEqualTo(saved.get());
        assertThat(saved.get() + refused.get()).isEqualTo(80);
    }

    @Test
    void aSaveFromARevisionNoLongerStoredIsRefusedAndChangesNothing() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        workspace.save(new Document("peace", "Peace talks", "Hello world", Source.UNKNOWN, T0));
        workspace.save(new Layer("peace", "alice", 1, List.of(span("s1", "Hello world", 6, 11, "fact", null, "alice"))), 0);
        Path file = root.resolve("layers/peace/alice.json");
        String stored = Files.readString(file);

        assertThatThrownBy(() -> workspace.save(new Layer("peace", "alice", 1, List.of()), 0))
                .isInstanceOf(StaleLayerException.class).hasMessageContaining("revision 1, not 0");
        assertThatThrownBy(() -> new JsonWorkspace(root).save(new Layer("peace", "alice", 3, List.of()), 2))
                .isInstanceOf(StaleLayerException.class).hasMessageContaining("revision 1, not 2");
        assertThat(Files.readString(file)).isEqualTo(stored);
        assertThat(workspace.revision("peace", "alice")).isEqualTo(1);
        assertThat(workspace.revision("peace", "nobody")).isZero();
        assertThatThrownBy(() -> workspace.save(new Layer("peace", "alice", 1, List.of()), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision");
    }

    @Test
    void labelsKeepOrderHotkeysAndMarks() {
        JsonWorkspace workspace = new JsonWorkspace(root);
        Scheme labels = new Scheme(List.of(
                new Label("loaded", "Loaded «word»", "#112233", "ж", "wavy", "Слово с оценкой 🔥"),
                new Label("other", "Other", "#445566", null, "dotted", "")));
        workspace.save(labels);
        assertThat(new JsonWorkspace(root).find()).contains(labels);
        assertThat(new String(readBytes(root.resolve("labels.json")), StandardCharsets.UTF_8))
                .contains("\"format\": \"slant-labels/1\"");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
