package org.slant.document;

/** A pasted or uploaded document was refused; the message names the input and what was wrong. */
public class ImportException extends IllegalArgumentException {

    public ImportException(String message) {
        super(message);
    }
}
