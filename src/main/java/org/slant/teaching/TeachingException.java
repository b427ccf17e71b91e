package org.slant.teaching;

/** A classroom action refused by the rules; the message is meant for the person who tried it. */
public class TeachingException extends RuntimeException {

    public TeachingException(String message) {
        super(message);
    }
}
