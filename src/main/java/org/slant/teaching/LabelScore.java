package org.slant.teaching;

import java.util.OptionalDouble;
import org.slant.agreement.SpanMatchCounts;

/**
 * A student's overlap score on one label: counts from {@link org.slant.agreement.SpanMatching#overlap},
 * precision, recall and F1 from {@link SpanMatchCounts} (empty when not defined), and a sentence saying
 * it in plain words. {@code label} is the label id, {@code labelName} its display name.
 */
public record LabelScore(String label, String labelName, SpanMatchCounts counts, String sentence) {

    public OptionalDouble precision() {
        return counts.precision();
    }

    public OptionalDouble recall() {
        return counts.recall();
    }

    public OptionalDouble f1() {
        return counts.f1();
    }
}
