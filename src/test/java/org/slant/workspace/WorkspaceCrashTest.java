package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Layer;

/**
 * Kills a saving JVM with SIGKILL at random moments and checks that the workspace is never left with
 * a torn or lost file: every file parses and the layer holds at least every acknowledged save.
 */
class WorkspaceCrashTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path root;

    @Test
    void killDuringSavesNeverLeavesATornOrLostFile() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        int acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int acksWanted = 20 + random.nextInt(181);
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    CrashingSaver.class.getName(), root.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int acks = 0;
                String line;
                while (acks < acksWanted && (line = out.readLine()) != null) {
                    assertThat(line).startsWith("saved ");
                    acknowledged = Integer.parseInt(line.substring("saved ".length()));
                    acks++;
                }
                assertThat(acks).as("child stopped early (seed %d)", seed).isEqualTo(acksWanted);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            assertEveryFileParses();
            JsonWorkspace reopened = new JsonWorkspace(root);
            Layer layer = reopened.find(CrashingSaver.DOCUMENT, CrashingSaver.ANNOTATOR).orElseThrow();
            assertThat(layer.spans().size()).as("round %d, seed %d", round, seed).isGreaterThanOrEqualTo(acknowledged);
            assertThat(layer.spans()).hasSize((int) layer.revision());
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList())
                        .as("temp files are cleaned up on start").isEmpty();
            }
        }
    }

    /** Reads every JSON file through a fresh workspace, the way the app would after a restart. */
    private void assertEveryFileParses() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(root);
        assertThat(workspace.list().problems()).isEmpty();
        List<Path> layerFiles;
        try (Stream<Path> files = Files.walk(root.resolve("layers"))) {
            layerFiles = files.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(layerFiles).isNotEmpty();
        for (Path file : layerFiles) {
            String document = file.getParent().getFileName().toString();
            String annotator = file.getFileName().toString().replace(".json", "");
            assertThat(workspace.find(document, annotator)).as(root.relativize(file).toString().replace(File.separatorChar, '/')).isPresent();
        }
    }
}
