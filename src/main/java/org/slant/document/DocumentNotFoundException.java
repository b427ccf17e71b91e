package org.slant.document;

/** No document with that id in the workspace. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String id) {
        super("No document \"" + id + "\" in the workspace");
    }
}
