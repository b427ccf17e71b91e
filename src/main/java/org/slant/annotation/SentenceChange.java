package org.slant.annotation;

/** A sentence's labels before and after (null: the sentence had, or has, none). */
public record SentenceChange(Layer layer, int start, SentenceAnnotation before, SentenceAnnotation after)
        implements LayerChange {
}
