package org.slant.annotation;

/** A layer was saved by someone else since the revision the caller started from. */
public class StaleLayerException extends RuntimeException {

    public StaleLayerException(String message) {
        super(message);
    }
}
