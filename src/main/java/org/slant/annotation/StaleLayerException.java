package org.slant.annotation;

/** A layer was saved by someone else since the revision the caller started from. */
public class StaleLayerException extends RuntimeException {

    public StaleLayerException(String message) {
        super(message);
    }

    /** The message every refused save of a layer gives, whoever noticed (service or store). */
    public static StaleLayerException of(String documentId, String annotator, long stored, long expected) {
        return new StaleLayerException("The layer of " + annotator + " on " + documentId + " is at revision "
                + stored + ", not " + expected + ": someone saved it in between. "
                + "Fetch it again and reapply your changes.");
    }
}
