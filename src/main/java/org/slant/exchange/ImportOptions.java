package org.slant.exchange;

import java.util.Map;

/**
 * How to import: {@code annotator} is the target layer (a slug); {@code labelMapping} maps a file's
 * label to a workspace label id; {@code skipUnknownLabels} drops spans whose label matches nothing
 * (counted as skipped) instead of refusing the file; {@code createDocuments} adds documents the
 * workspace does not have yet instead of refusing the file. {@code mayWrite} says which existing
 * documents the importing user may write into (a curator: their projects'); any other is a problem
 * named in the report, so nothing is written.
 */
public record ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                            boolean createDocuments, java.util.function.Predicate<String> mayWrite) {

    public ImportOptions {
        labelMapping = labelMapping == null ? Map.of() : Map.copyOf(labelMapping);
        mayWrite = mayWrite == null ? id -> true : mayWrite;
    }

    /** For whoever may write every document: an admin, the command line. */
    public ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                         boolean createDocuments) {
        this(annotator, labelMapping, skipUnknownLabels, createDocuments, id -> true);
    }
}
