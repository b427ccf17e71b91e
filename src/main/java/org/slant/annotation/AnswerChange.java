package org.slant.annotation;

import org.slant.label.AttributeValue;

/** The answer to a document question before and after (null: unanswered). */
public record AnswerChange(Layer layer, String question, AttributeValue before, AttributeValue after)
        implements LayerChange {
}
