package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.Document;
import org.slant.workspace.JsonWorkspace;

class AnnotationServiceConcurrencyTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final int WORDS = 120;
    private static final int THREADS = 8;

    @TempDir
    Path folder;

    private String text;
    private AnnotationService service;

    @BeforeEach
    void setUp() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < WORDS; i++) {
            sb.append("🔥word").append(i).append(' ');
        }
        text = sb.toString();
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", text, null, T0));
        service = AnnotationServiceTest.newService(workspace, T0.plusSeconds(60));
    }

    private int[] word(int i) {
        return AnnotationServiceTest.at(text, "word" + i + " ");
    }

    private void runAll(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // rethrows any failure
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesOnOneLayerAreAllSaved() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            int[] r = word(i);
            String label = i % 2 == 0 ? "fact" : "opinion";
            tasks.add(() -> service.create("talks", "ana", r[0], r[1], label, true));
        }

        runAll(tasks);

        Layer layer = new JsonWorkspace(folder).find("talks", "ana").orElseThrow();
        assertThat(layer.spans()).hasSize(WORDS);
        assertThat(layer.revision()).isEqualTo(WORDS);
        assertThat(layer.spans()).extracting(Span::id).doesNotHaveDuplicates();
        assertThat(layer.spans()).extracting(Span::text).contains("word0", "word" + (WORDS - 1));
    }

    @Test
    void concurrentCreatesOnManyLayersAreAllSaved() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        for (int a = 0; a < THREADS; a++) {
            String annotator = "annotator-" + a;
            for (int i = 0; i < WORDS / 4; i++) {
                int[] r = word(i);
                tasks.add(() -> service.create("talks", annotator, r[0], r[1], "sensational", false));
            }
        }

        runAll(tasks);

        JsonWorkspace fresh = new JsonWorkspace(folder);
        assertThat(fresh.findAll("talks")).hasSize(THREADS);
        for (Layer layer : fresh.findAll("talks")) {
            assertThat(layer.spans()).as(layer.annotator()).hasSize(WORDS / 4);
            assertThat(layer.revision()).isEqualTo(WORDS / 4);
        }
    }

    @Test
    void concurrentEditsOfTheSameSpansLoseNoUpdate() throws Exception {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int[] r = word(i);
            spans.add(service.create("talks", "ana", r[0], r[1], "fact", false).after());
        }
        List<Runnable> tasks = new ArrayList<>();
        for (Span span : spans) {
            tasks.add(() -> service.relabel("talks", "ana", span.id(), "opinion"));
            tasks.add(() -> service.setNote("talks", "ana", span.id(), "note " + span.text()));
        }

        runAll(tasks);

        Layer layer = new JsonWorkspace(folder).find("talks", "ana").orElseThrow();
        assertThat(layer.revision()).isEqualTo(60);
        assertThat(layer.spans()).allSatisfy(s -> {
            assertThat(s.label()).isEqualTo("opinion");
            assertThat(s.note()).isEqualTo("note " + s.text());
        });
    }
}
