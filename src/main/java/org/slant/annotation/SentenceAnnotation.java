package org.slant.annotation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slant.document.DocumentId;
import org.slant.label.AttributeValue;

/**
 * The labels one annotator gave one sentence: sentence label id to value. {@code start}/{@code end} are
 * the sentence's boundaries from {@link org.slant.document.Sentences} (code points), {@code text} its text.
 */
public record SentenceAnnotation(int start, int end, String text, Map<String, AttributeValue> values) {

    public SentenceAnnotation {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A sentence needs 0 <= start < end, got " + start + "-" + end);
        }
        Objects.requireNonNull(text, "text");
        values = values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(values));
        for (Map.Entry<String, AttributeValue> v : values.entrySet()) {
            DocumentId.require(v.getKey(), "Sentence label id at " + start + "-" + end);
            Objects.requireNonNull(v.getValue(), "value of sentence label " + v.getKey());
        }
    }

    /** With {@code labelId} set to {@code value}, or removed when {@code value} is null. */
    public SentenceAnnotation with(String labelId, AttributeValue value) {
        Map<String, AttributeValue> changed = new TreeMap<>(values);
        if (value == null) {
            changed.remove(labelId);
        } else {
            changed.put(labelId, value);
        }
        return new SentenceAnnotation(start, end, text, changed);
    }
}
