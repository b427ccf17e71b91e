package org.slant.workspace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Replaces a file so that a reader, or a restart after a crash or power cut, sees either the old
 * content or the new, never a mix: write a temp file beside it, fsync, rename over, fsync the folder.
 */
final class AtomicFile {

    static final String TEMP_SUFFIX = ".tmp";

    /** How a temp file's bytes go to the disk. Tests put in one that fails the way a full disk does. */
    @FunctionalInterface
    interface Output {
        OutputStream open(Path temp, FileChannel channel) throws IOException;

        Output DISK = (temp, channel) -> Channels.newOutputStream(channel);
    }

    private AtomicFile() {
    }

    /** Temp files are ".{name}.{random}.tmp": hidden, unique per write, so concurrent writers never share one. */
    static boolean isTemp(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    static void write(Path target, Consumer<OutputStream> content) throws IOException {
        write(target, content, Output.DISK);
    }

    /** Whatever fails (a full disk, say), the temp file is deleted and {@code target} keeps its old content. */
    static void write(Path target, Consumer<OutputStream> content, Output output) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(output.open(temp, channel), 64 * 1024);
                content.accept(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp); // only still there if something failed
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; the rename is still atomic there. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform
        }
    }
}
