package org.slant.workspace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slant.exchange.SlantJson;
import org.slant.storage.StorageFullException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * How every file of the workspace is read and written: atomically (see {@link AtomicFile}), with the
 * file named in every error, and never replacing a file that cannot be read (a hand edit with a typo
 * is the user's data too). Shared by the stores of this package so they all follow the same rules.
 */
final class WorkspaceFiles {

    private final Path root;

    /**
     * Size, modification time and file key of every file last seen readable (read or written by us).
     * A save checks the file on disk still matches; if not (broken on read, never read, or changed
     * behind our back) it parses the file first and refuses to replace it when that fails.
     */
    private final Map<Path, FileStamp> knownGood = new ConcurrentHashMap<>();
    private final AtomicFile.Output output;

    /**
     * Every file found unreadable and not read, written or deleted successfully since: what an admin
     * is shown. Each keeps how to read it again, so a file fixed by hand drops out on the next look.
     */
    private final Map<Path, Problem> problems = new ConcurrentHashMap<>();

    private record Problem(String message, FileStamp stamp, Runnable readAgain) {
    }

    WorkspaceFiles(Path root) {
        this(root, AtomicFile.Output.DISK);
    }

    /** With {@code output} in place of the disk, for tests (a disk that fills up). */
    WorkspaceFiles(Path root, AtomicFile.Output output) {
        this.root = root;
        this.output = output;
    }

    Path root() {
        return root;
    }

    /** Empty when the file does not exist; WorkspaceException naming the file when it cannot be read. */
    <T> Optional<T> read(Path file, Function<JsonNode, T> mapping) {
        FileStamp stamp = null;
        try {
            stamp = FileStamp.of(file); // before reading: if it changes meanwhile, the next save re-checks
            T value = mapping.apply(SlantJson.parse(Files.readAllBytes(file)));
            knownGood.put(file, stamp);
            problems.remove(file);
            return Optional.of(value);
        } catch (NoSuchFileException e) {
            knownGood.remove(file);
            problems.remove(file);
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(file, stamp, mapping, new WorkspaceException(relative(file) + ": cannot be read: " + e, e));
        } catch (IllegalArgumentException | NullPointerException e) {
            // the record constructors say what is wrong; add which file it is in
            throw unreadable(file, stamp, mapping, new WorkspaceException(relative(file) + ": " + e.getMessage(), e));
        } catch (WorkspaceException e) {
            // a file this one depends on (a layer's document) is broken or missing: this one cannot be checked either
            throw unreadable(file, stamp, mapping, e);
        }
    }

    private <T> WorkspaceException unreadable(Path file, FileStamp stamp, Function<JsonNode, T> mapping, WorkspaceException e) {
        knownGood.remove(file);
        problems.put(file, new Problem(e.getMessage(), stamp, () -> read(file, mapping)));
        return e;
    }

    /**
     * One message per file found unreadable (path, line and column, what is wrong), sorted by path.
     * A file changed since is read again first, and one that has gone or now reads is left out.
     */
    List<String> problems() {
        for (Map.Entry<Path, Problem> entry : problems.entrySet()) {
            Problem problem = entry.getValue();
            FileStamp now;
            try {
                now = FileStamp.of(entry.getKey());
            } catch (IOException e) {
                now = null; // gone, or cannot be looked at: read again, which says which
            }
            if (now == null || !now.equals(problem.stamp())) {
                try {
                    problem.readAgain().run(); // removes the entry when it reads, or updates the message
                } catch (WorkspaceException e) {
                    // still broken: the entry now holds the new message
                }
            }
        }
        return problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().message()).distinct().toList();
    }

    /**
     * Replaces {@code file} atomically, unless the file already there cannot be read: then the user's
     * content (maybe a hand edit with a typo) would be destroyed, so the save is refused instead.
     */
    void write(Path file, Runnable readExisting, Consumer<JsonGenerator> content) {
        // inline from depth 3: file -> spans/labels -> one span or label per line
        write(file, readExisting, 3, content);
    }

    /** As {@link #write(Path, Runnable, Consumer)}, with objects and arrays nested {@code inlineDepth} deep on one line. */
    void write(Path file, Runnable readExisting, int inlineDepth, Consumer<JsonGenerator> content) {
        refuseToReplaceUnreadable(file, readExisting);
        try {
            AtomicFile.write(file, out -> {
                try (JsonGenerator g = SlantJson.generator(out, inlineDepth)) {
                    content.accept(g);
                    g.writeRaw('\n');
                }
            }, output);
            knownGood.put(file, FileStamp.of(file));
            problems.remove(file);
        } catch (IOException | UncheckedIOException | tools.jackson.core.exc.JacksonIOException e) {
            // the generator wraps the stream's IOException in JacksonIOException
            if (isNoSpace(e)) {
                throw new StorageFullException(relative(file) + ": not saved, the disk is full (or the quota used up); "
                        + "it keeps its previous content. Free some space and save again. (" + e.getMessage() + ")", e);
            }
            throw new WorkspaceException(relative(file) + ": cannot be saved: " + e.getMessage(), e);
        }
    }

    /** ENOSPC or EDQUOT anywhere in the chain, as the JDK words them (Linux, macOS, Windows). */
    static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String reason = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : t.getMessage();
            if (reason != null) {
                String r = reason.toLowerCase(java.util.Locale.ROOT);
                if (r.contains("no space left") || r.contains("not enough space") || r.contains("quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses (WorkspaceException "not saved, because ...") when the file already there cannot be read;
     * cheap when it is the same file as last read or written. For a store that checks the file before
     * {@link #write}, which checks it again.
     */
    void refuseToReplaceUnreadable(Path file, Runnable readExisting) {
        FileStamp onDisk;
        try {
            onDisk = FileStamp.of(file);
        } catch (NoSuchFileException e) {
            return; // nothing to lose
        } catch (IOException e) {
            throw new WorkspaceException(relative(file) + ": cannot be checked before saving: " + e.getMessage(), e);
        }
        if (onDisk.equals(knownGood.get(file))) {
            return; // the same bytes we last read or wrote successfully
        }
        try {
            readExisting.run();
        } catch (WorkspaceException e) {
            throw new WorkspaceException(relative(file) + ": not saved, because the file already there cannot be read "
                    + "and would be lost. Fix or move it away first. The problem: " + e.getMessage(), e);
        }
    }

    /** Ids are slugs, so this cannot fail today; it stays as a second lock should the id rules ever loosen. */
    Path inside(Path path) {
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IllegalArgumentException("Path " + path + " is outside the workspace " + root);
        }
        return normal;
    }

    String relative(Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }

    /** Enough to notice that a file changed since we last saw it readable. */
    private record FileStamp(Object key, long size, long modifiedNanos) {

        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }
}
