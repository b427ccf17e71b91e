package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;

/**
 * Saving a 5,000-span layer, fsync included, should take well under 20 ms (median) so autosave after
 * every edit stays invisible. Runs with ./mvnw -Pbenchmark verify; writes under target/ so it hits a
 * real disk rather than a tmpfs /tmp where fsync is free.
 */
class JsonWorkspaceBenchmark {

    @Test
    void savingA5000SpanLayerIsFast() throws Exception {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "benchmark-workspace");
        JsonWorkspace workspace = new JsonWorkspace(root);
        String text = WorkspaceFixtures.longText(2500); // ~125,000 characters
        workspace.save(WorkspaceFixtures.document("big", "Big", text));
        Layer layer = WorkspaceFixtures.layerWith("big", "alice", text, 5000, 1);
        long revision = 0;
        for (int i = 0; i < 20; i++) {
            workspace.save(revisionOf(layer, revision + 1), revision++); // warm up
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            Layer next = revisionOf(layer, revision + 1);
            long start = System.nanoTime();
            workspace.save(next, revision++);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        System.out.printf("save of 5,000-span layer (%d bytes): median %.1f ms, max %.1f ms%n",
                Files.size(root.resolve("layers/big/alice.json")), medianMs, nanos[nanos.length - 1] / 1e6);
        assertThat(medianMs).isLessThan(20);
    }

    /** Every save moves the revision on by one: the store refuses a save from a revision it no longer holds. */
    private static Layer revisionOf(Layer layer, long revision) {
        return new Layer(layer.documentId(), layer.annotator(), revision, layer.spans());
    }
}
