package org.slant.annotation;

/**
 * One saved edit of a layer, enough to undo it and to update a view without resending the layer:
 * a span, a link, a sentence's labels or a document answer. {@code layer} is the layer as saved.
 */
public sealed interface LayerChange permits SpanChange, LinkChange, SentenceChange, AnswerChange {

    Layer layer();
}
