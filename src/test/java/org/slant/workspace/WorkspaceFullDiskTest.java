package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.workspace.WorkspaceFixtures.document;
import static org.slant.workspace.WorkspaceFixtures.layerWith;
import static org.slant.workspace.WorkspaceFixtures.longText;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Layer;
import org.slant.storage.StorageFullException;

/**
 * A write that finds the disk full (or the quota used up) is refused with {@link StorageFullException}
 * naming the file; the old file is untouched and no temp file is left. The disk is simulated: after a
 * few bytes the write fails the way the JDK reports ENOSPC, or (on Linux) the bytes go to /dev/full.
 */
class WorkspaceFullDiskTest {

    private static final String TEXT = longText(50);

    @TempDir
    Path root;

    private final AtomicBoolean full = new AtomicBoolean();
    private JsonWorkspace workspace;

    /** The real disk until {@code full} is set; then every write fails after 100 bytes. */
    private final AtomicFile.Output disk = (temp, channel) -> new FilterOutputStream(Channels.newOutputStream(channel)) {
        private long written;

        @Override
        public void write(int b) throws IOException {
            if (full.get() && ++written > 100) {
                throw new FileSystemException(temp.toString(), null, "No space left on device");
            }
            out.write(b);
        }
    };

    @BeforeEach
    void workspaceWithALayer() {
        workspace = new JsonWorkspace(root, true, disk);
        workspace.save(document("peace", "Peace", TEXT));
        workspace.save(layerWith("peace", "alice", TEXT, 40, 1), 0);
    }

    @Test
    void aFullDiskRefusesTheSaveNamingTheFileAndLeavesTheOldFileAndNoTempFile() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        byte[] before = Files.readAllBytes(file);
        full.set(true);

        assertThatThrownBy(() -> workspace.save(layerWith("peace", "alice", TEXT, 80, 2), 1))
                .isInstanceOf(StorageFullException.class)
                .hasMessageStartingWith("layers/peace/alice.json: not saved, the disk is full")
                .hasMessageContaining("No space left on device");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(tempFiles()).isEmpty();

        assertThatThrownBy(() -> workspace.save(document("other", "Other", TEXT)))
                .isInstanceOf(StorageFullException.class).hasMessageStartingWith("documents/other.json: ");
        assertThat(root.resolve("documents/other.json")).doesNotExist();
        assertThat(tempFiles()).isEmpty();

        full.set(false); // space freed: the same save goes through, from the revision still stored
        workspace.save(layerWith("peace", "alice", TEXT, 80, 2), 1);
        assertThat(new JsonWorkspace(root).find("peace", "alice").orElseThrow().spans()).hasSize(80);
    }

    /** /dev/full answers every write with ENOSPC: the kernel's and the JDK's own wording, without filling a disk. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIf("devFullExists")
    void theRealNoSpaceErrorFromTheSystemIsRecognised() throws Exception {
        java.util.List<java.nio.channels.FileChannel> opened = new java.util.ArrayList<>();
        JsonWorkspace onFullDevice = new JsonWorkspace(root, true, (temp, channel) -> {
            java.nio.channels.FileChannel full = java.nio.channels.FileChannel.open(Path.of("/dev/full"),
                    java.nio.file.StandardOpenOption.WRITE);
            opened.add(full);
            return Channels.newOutputStream(full);
        });
        Path file = root.resolve("layers/peace/alice.json");
        byte[] before = Files.readAllBytes(file);
        try {
            assertThatThrownBy(() -> onFullDevice.save(layerWith("peace", "alice", TEXT, 80, 2), 1))
                    .isInstanceOf(StorageFullException.class).hasMessageStartingWith("layers/peace/alice.json: not saved");
        } finally {
            for (var channel : opened) {
                channel.close();
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(tempFiles()).isEmpty();
    }

    static boolean devFullExists() {
        return Files.isWritable(Path.of("/dev/full"));
    }

    @Test
    void aQuotaOrAWrappedNoSpaceCountsAsFullAndOtherFailuresDoNot() {
        assertThat(WorkspaceFiles.isNoSpace(new FileSystemException("/w/a.json", null, "Disk quota exceeded"))).isTrue();
        assertThat(WorkspaceFiles.isNoSpace(new RuntimeException("write failed",
                new IOException("No space left on device")))).isTrue();
        assertThat(WorkspaceFiles.isNoSpace(new IOException("There is not enough space on the disk"))).isTrue(); // Windows
        assertThat(WorkspaceFiles.isNoSpace(new FileSystemException("/w/a.json", null, "Permission denied"))).isFalse();
        assertThat(WorkspaceFiles.isNoSpace(new IOException((String) null))).isFalse();
    }

    @Test
    void theServiceReportsTheFullDiskAndKeepsEveryAcknowledgedSpan() {
        var clock = java.time.Clock.systemUTC();
        var documents = new org.slant.document.DocumentService(workspace, clock, 1 << 20);
        var annotations = new org.slant.annotation.AnnotationService(documents,
                new org.slant.label.LabelService(new org.slant.project.ProjectRegistry(workspace)), workspace, clock);
        String kept = annotations.create("peace", "bob", 0, 8, "opinion", false).after().id();
        full.set(true);

        assertThatThrownBy(() -> annotations.create("peace", "bob", 9, 12, "fact", false))
                .isInstanceOf(StorageFullException.class);
        full.set(false);
        annotations.create("peace", "bob", 13, 20, "fact", false);

        Layer stored = new JsonWorkspace(root).find("peace", "bob").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.spans()).hasSize(2).anyMatch(s -> s.id().equals(kept)).noneMatch(s -> s.start() == 9);
    }

    private java.util.List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(AtomicFile::isTemp).toList();
        }
    }
}
