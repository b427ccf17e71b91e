package org.slant.document;

/** No document with that id in the workspace. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String id) {
        super(message(id));
    }

    /** The one wording, also for a document the caller may not see (which must read the same). */
    public static String message(String id) {
        return "No document \"" + id + "\" in the workspace";
    }
}
