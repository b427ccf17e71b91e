package org.slant.annotation;

/** A span or edit was refused; the message says which span and why, for showing to the user. */
public class SpanRejectedException extends IllegalArgumentException {

    public SpanRejectedException(String message) {
        super(message);
    }
}
