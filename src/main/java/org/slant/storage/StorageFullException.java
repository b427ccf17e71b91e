package org.slant.storage;

/**
 * A write failed because the storage has no room (a full disk, a quota). Nothing was changed: the item
 * keeps its previous content. The API answers 507 Insufficient Storage.
 */
public class StorageFullException extends StorageException {

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
