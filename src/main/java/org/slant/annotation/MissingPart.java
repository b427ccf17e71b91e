package org.slant.annotation;

import java.util.Objects;
import org.slant.document.Sentences;

/**
 * One thing a layer still lacks to be finished, with where it is: a span's required attribute or role
 * ({@code spanId}), a sentence's required label ({@code sentence}) or a required document question
 * ({@code questionId}); exactly one of the three is set. {@code message} names the item and what is missing.
 */
public record MissingPart(String message, String spanId, Sentences.Sentence sentence, String questionId) {

    public MissingPart {
        Objects.requireNonNull(message, "message");
        int where = (spanId == null ? 0 : 1) + (sentence == null ? 0 : 1) + (questionId == null ? 0 : 1);
        if (where != 1) {
            throw new IllegalArgumentException("A missing part sits on one span, sentence or question: " + message);
        }
    }

    static MissingPart ofSpan(String spanId, String message) {
        return new MissingPart(message, spanId, null, null);
    }

    static MissingPart ofSentence(Sentences.Sentence sentence, String message) {
        return new MissingPart(message, null, sentence, null);
    }

    static MissingPart ofQuestion(String questionId, String message) {
        return new MissingPart(message, null, null, questionId);
    }
}
