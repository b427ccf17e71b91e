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

    /**
     * The same layer as structured annotation makes it: two attributes on every span and 2,000 links,
     * read back too (a page open and every compare-and-set read it).
     */
    @Test
    void savingAndReadingAStructuredLayerIsFast() throws Exception {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "benchmark-workspace");
        JsonWorkspace workspace = new JsonWorkspace(root);
        String text = WorkspaceFixtures.longText(2500);
        workspace.save(WorkspaceFixtures.document("big", "Big", text));
        Layer plain = WorkspaceFixtures.layerWith("big", "alice", text, 5000, 1);
        java.util.List<org.slant.annotation.Span> spans = new java.util.ArrayList<>();
        int k = 0;
        for (org.slant.annotation.Span s : plain.spans()) {
            spans.add(s.withAttributes(java.util.Map.of(
                    "polarity", new org.slant.label.AttributeValue.Text(k % 2 == 0 ? "negative" : "positive"),
                    "target", new org.slant.label.AttributeValue.Text("Entity " + (k++ % 40))), s.updated()));
        }
        java.util.List<org.slant.annotation.Link> links = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < spans.size() && links.size() < 2000; i += 2) {
            links.add(new org.slant.annotation.Link("l" + i, "source", spans.get(i).id(), spans.get(i + 1).id(), "alice",
                    WorkspaceFixtures.T0));
        }
        Layer layer = new Layer("big", "alice", 1, spans, links, java.util.List.of(), java.util.Map.of(), null);
        long revision = 0;
        for (int i = 0; i < 20; i++) {
            workspace.save(layer.atRevision(revision + 1, null), revision++);
        }
        long[] save = new long[50];
        long[] read = new long[50];
        for (int i = 0; i < save.length; i++) {
            Layer next = layer.atRevision(revision + 1, null);
            long start = System.nanoTime();
            workspace.save(next, revision++);
            save[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertThat(new JsonWorkspace(root).find("big", "alice").orElseThrow().links()).hasSize(2000);
            read[i] = System.nanoTime() - start;
        }
        Arrays.sort(save);
        Arrays.sort(read);
        System.out.printf("save of 5,000-span layer with 10,000 attributes and 2,000 links (%d bytes): median %.1f ms;"
                        + " read: median %.1f ms%n", Files.size(root.resolve("layers/big/alice.json")),
                save[save.length / 2] / 1e6, read[read.length / 2] / 1e6);
        assertThat(save[save.length / 2] / 1e6).isLessThan(40);
    }

    /** Every save moves the revision on by one: the store refuses a save from a revision it no longer holds. */
    private static Layer revisionOf(Layer layer, long revision) {
        return new Layer(layer.documentId(), layer.annotator(), revision, layer.spans());
    }
}
