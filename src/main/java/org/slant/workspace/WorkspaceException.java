package org.slant.workspace;

/**
 * A workspace file could not be read or written. The message starts with the file's path relative
 * to the workspace ("layers/peace/alice.json: line 3, column 1: ..."), so a user can find and fix it.
 */
public class WorkspaceException extends org.slant.storage.StorageException {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
