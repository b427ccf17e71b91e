package org.slant.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Holds a workspace folder for one process: an OS file lock on {@code <workspace>/.lock}, which also
 * says who holds it (PID, host, start time, and what: "server" or a command line command).
 *
 * <p>The services check revisions against the files, but only this lock makes that check and the
 * write that follows one step for the whole folder: with one process, in-process locks suffice.
 * The OS drops the lock when its process ends, however it ends, so a lock file left by a process
 * killed with {@code kill -9} never blocks: the next process takes the lock and rewrites the file.
 * The file itself is never deleted (deleting it would let two processes lock two different files).
 */
public final class WorkspaceLock implements AutoCloseable {

    public static final String FILE_NAME = ".lock";

    /**
     * The locked byte lies past the holder's details, so other processes can read those even where
     * locks are mandatory (Windows). Locking beyond the end of a file is allowed everywhere.
     */
    private static final long LOCKED_BYTE = Integer.MAX_VALUE;
    private static final int MAX_DETAILS = 4096;

    /**
     * The folders this JVM holds. Checked before the file is even opened: on POSIX, closing any channel
     * on a file drops every lock this process has on it, so a second try in this JVM must not touch it.
     */
    private static final java.util.Map<Path, WorkspaceLock> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path folder;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String details;

    private WorkspaceLock(Path folder, Path file, FileChannel channel, FileLock lock, String details) {
        this.folder = folder;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.details = details;
    }

    /**
     * Takes the folder (creating it if needed) for this process, as {@code holder} ("server", "import", ...).
     *
     * @throws WorkspaceInUseException when another process, or another part of this one, holds it
     */
    public static WorkspaceLock acquire(Path folder, String holder) {
        Path root;
        try {
            Files.createDirectories(folder);
            root = folder.toRealPath(); // one key per folder, however it is reached (symbolic links, "..")
        } catch (IOException e) {
            throw new WorkspaceException(folder.toAbsolutePath() + ": cannot create the workspace folder: " + e.getMessage(), e);
        }
        synchronized (HELD) {
            WorkspaceLock held = HELD.get(root);
            if (held != null) {
                throw new WorkspaceInUseException(root, "this process (" + held.details + ")");
            }
            WorkspaceLock taken = take(root, holder);
            HELD.put(root, taken);
            return taken;
        }
    }

    private static WorkspaceLock take(Path root, String holder) {
        Path file = root.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                // locked in this JVM, but not through this class (HELD was checked)
                throw new WorkspaceInUseException(root, "this process (" + readDetails(channel) + ")");
            }
            if (lock == null) {
                throw new WorkspaceInUseException(root, readDetails(channel));
            }
            String content = describe(holder);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new WorkspaceLock(root, file, channel, lock, summary(content));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WorkspaceException(file + ": cannot lock the workspace folder: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The folder this lock holds, as its real path. */
    public Path folder() {
        return folder;
    }

    /** Lets the folder go. The file stays, emptied, for the next process to lock. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            HELD.remove(folder, this);
            release();
        }
    }

    private void release() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases the lock anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static String describe(String holder) {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);
        return "holder=" + holder.replaceAll("[\\r\\n]", " ") + "\n"
                + "pid=" + self.pid() + "\n"
                + "host=" + hostName() + "\n"
                + "started=" + started + "\n";
    }

    /** "server, PID 4242 on host lab-1, started 2026-12-04T18:59:29Z", from what the holder wrote. */
    private static String readDetails(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DETAILS);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read up to MAX_DETAILS bytes
        }
        return summary(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    private static String summary(String content) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            return "a process whose details cannot be read (" + e.getMessage() + ")";
        }
        if (p.getProperty("pid") == null) {
            return "a process that has not written its details yet";
        }
        return p.getProperty("holder", "a process") + ", PID " + p.getProperty("pid") + " on host "
                + p.getProperty("host", "?") + ", started " + p.getProperty("started", "?");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
