package org.slant.storage;

/**
 * Something stored could not be read or written. Neutral about the backend: the JSON workspace's
 * {@code WorkspaceException} is one kind of it, so services and adapters (API, UI, command line) handle
 * storage failures without knowing where the data lives. The message names the item (for the workspace,
 * the file relative to the folder, with line and column when it is a parse error).
 */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
