package org.slant.exchange;

import java.util.Map;

/**
 * How to import: {@code annotator} is the target layer (a slug); {@code labelMapping} maps a file's
 * label to a workspace label id; {@code skipUnknownLabels} drops spans whose label matches nothing
 * (counted as skipped) instead of refusing the file; {@code createDocuments} adds documents the
 * workspace does not have yet instead of refusing the file.
 */
public record ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                            boolean createDocuments) {

    public ImportOptions {
        labelMapping = labelMapping == null ? Map.of() : Map.copyOf(labelMapping);
    }
}
