package org.slant.teaching;

import java.util.Objects;
import org.slant.label.AttributeValue;

/**
 * How a student's value compares with the reference's for one attribute of a found passage, one sentence label
 * or one document question: {@code item} is the attribute, sentence label or question id, {@code yours} and
 * {@code reference} the two values (null for none), {@code sentence} the comparison in plain words
 * ("Polarity: you said positive, the reference says negative.").
 */
public record ValueVerdict(String item, AttributeValue yours, AttributeValue reference, String sentence) {

    public ValueVerdict {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(sentence, "sentence");
        if (yours == null && reference == null) {
            throw new IllegalArgumentException(item + ": neither the student nor the reference gave a value");
        }
    }

    public boolean agrees() {
        return Objects.equals(yours, reference);
    }
}
