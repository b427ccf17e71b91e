package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

/**
 * Twenty annotators save spans on one document at the same time while a curator keeps replacing the
 * gold layer: afterwards every acknowledged span is on disk and every layer file reads back.
 */
class TwentyAnnotatorsTest {

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedSpanSurvivesConcurrentAnnotatorsAndACurator() throws Exception {
        JsonWorkspace store = new JsonWorkspace(folder);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(store));
        AnnotationService annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        String text = "word ".repeat(400).strip();
        String id = documents.add(new Draft("Shared", text), Source.UNKNOWN).id();
        String[] labelIds = {"sensational", "attribution", "opinion", "fact"};

        int annotators = 20;
        int spansEach = 25;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger goldSaves = new AtomicInteger();
        AtomicInteger staleRefusals = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(annotators + 1);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int a = 0; a < annotators; a++) {
            String name = "ann" + a;
            int offset = a;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < spansEach; i++) {
                    int word = (offset * 7 + i * 13) % 400;
                    SpanChange change = annotations.create(id, name, word * 5, word * 5 + 4, labelIds[i % 4], false);
                    acknowledged.add(name + "/" + change.after().id());
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            start.await();
            // the curator rebuilds gold from whatever ann0 has so far, again and again, with revision checks
            for (int round = 0; round < 40; round++) {
                Layer gold = annotations.layer(id, "gold");
                List<Span> copy = annotations.layer(id, "ann0").spans().stream()
                        .map(s -> new Span("g" + s.id(), s.start(), s.end(), s.label(), s.text(), null, "curator",
                                s.created(), s.updated()))
                        .toList();
                try {
                    annotations.replaceLayer(id, "gold", gold.revision(), copy);
                    goldSaves.incrementAndGet();
                } catch (StaleLayerException e) {
                    staleRefusals.incrementAndGet();
                }
            }
            return null;
        }));
        start.countDown();
        for (var f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JsonWorkspace fresh = new JsonWorkspace(folder); // what is on disk, not what is cached
        List<Layer> layers = fresh.findAll(id);
        assertThat(layers).hasSize(annotators + 1);
        for (int a = 0; a < annotators; a++) {
            Layer layer = fresh.find(id, "ann" + a).orElseThrow();
            assertThat(layer.spans()).hasSize(spansEach);
            assertThat(layer.revision()).isEqualTo(spansEach);
            for (Span s : layer.spans()) {
                assertThat(acknowledged).contains("ann" + a + "/" + s.id());
            }
        }
        assertThat(fresh.find(id, "gold").orElseThrow().revision()).isEqualTo(goldSaves.get());
        assertThat(goldSaves.get() + staleRefusals.get()).isEqualTo(40);
        assertThat(acknowledged).hasSize(annotators * spansEach);
    }
}
