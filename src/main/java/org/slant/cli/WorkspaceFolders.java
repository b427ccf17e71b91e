package org.slant.cli;

import java.nio.file.Path;

/**
 * How the command line reaches a workspace folder without knowing how it is kept. The composition root
 * ({@code SlantApplication}) implements it on the JSON workspace.
 */
public interface WorkspaceFolders {

    /**
     * Takes the folder for a command that writes, until the returned handle is closed. Refused with
     * {@link FolderInUseException}, naming the holder's PID, host and start time, while a server or another
     * command holds it.
     */
    AutoCloseable hold(Path folder, String command);

    /** The folder's stores for a command that holds it (see {@link #hold}). */
    WorkspaceStores open(Path folder);

    /**
     * The folder's stores for a command that only reads: it may run beside a server, so it leaves the
     * server's writes in progress (temporary files) alone.
     */
    WorkspaceStores openForReading(Path folder);

    /** Someone else holds the folder; the message says who. */
    final class FolderInUseException extends RuntimeException {
        public FolderInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
