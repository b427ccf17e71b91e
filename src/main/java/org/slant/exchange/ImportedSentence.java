package org.slant.exchange;

import java.util.Map;
import org.slant.label.AttributeValue;

/**
 * The labels a file gives one sentence: {@code start}/{@code end} in code points, which must be one of
 * the document's sentences ({@link org.slant.document.Sentences}); {@code values} by the file's names
 * for the sentence labels, matched against the scheme by the import.
 */
public record ImportedSentence(int start, int end, Map<String, AttributeValue> values, String file, int line) {

    public ImportedSentence {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
