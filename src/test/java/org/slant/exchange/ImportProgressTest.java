package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class ImportProgressTest {

    @TempDir
    Path folder;

    private ImportService service(JsonWorkspace workspace) {
        DocumentService documents = new DocumentService(workspace, Clock.systemUTC(), 1 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        return new ImportService(documents, new AnnotationService(documents, labels, workspace, Clock.systemUTC()),
                labels, workspace);
    }

    /** Forty documents with one span each, as doccano JSONL. */
    private static byte[] jsonl() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("{\"text\": \"Document ").append(i).append(" says officials said so.\", \"label\": [[0, 8, \"Opinion\"]]}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void progressCountsEveryDocument() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        ImportReport report = service(new JsonWorkspace(folder)).apply(AnnotationFormat.JSONL, "many.jsonl", jsonl(),
                new ImportOptions("model", Map.of(), false, true), new ImportProgress() {
                    @Override
                    public void documentDone(int done, int total) {
                        calls.incrementAndGet();
                        last.accumulateAndGet(done, Math::max);
                        assertThat(total).isEqualTo(40);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        assertThat(report.ok()).isTrue();
        assertThat(calls.get()).isEqualTo(40);
        assertThat(last.get()).isEqualTo(40);
    }

    @Test
    void cancellingStopsWritingKeepsWhatWasDoneAndSaysHowFarItGot() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        AtomicInteger done = new AtomicInteger();
        ImportReport report = service(workspace).apply(AnnotationFormat.JSONL, "many.jsonl", jsonl(),
                new ImportOptions("model", Map.of(), false, true), new ImportProgress() {
                    @Override
                    public void documentDone(int d, int total) {
                        done.incrementAndGet();
                    }

                    @Override
                    public boolean cancelled() {
                        return done.get() >= 5;
                    }
                });

        assertThat(report.spansImported()).isEqualTo(done.get()).isLessThan(40);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w.reason()).startsWith("cancelled")
                .contains(done.get() + " of 40"));
        long layers = new JsonWorkspace(folder).list().documents().stream()
                .filter(d -> !new JsonWorkspace(folder).findAll(d.id()).isEmpty()).count();
        assertThat(layers).isEqualTo(done.get());
    }
}
