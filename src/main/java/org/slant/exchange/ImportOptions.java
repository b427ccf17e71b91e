package org.slant.exchange;

import java.util.Map;
import java.util.function.Predicate;

/**
 * How to import: {@code annotator} is the target layer (a slug); {@code labelMapping} maps a file's
 * label to a workspace label id; {@code skipUnknownLabels} drops spans whose label matches nothing
 * (counted as skipped) instead of refusing the file; {@code createDocuments} adds documents the
 * workspace does not have yet instead of refusing the file. {@code mayWrite} says which existing
 * documents the importing user may write into (a curator: their projects'); any other is a problem
 * named in the report, so nothing is written.
 *
 * <p>{@code projectId} is the project the import targets: only its documents are matched, new documents
 * land in it, and every span is checked against its scheme. Null: as before projects were targeted,
 * documents anywhere are matched (each checked against its own project's scheme) and new ones land in
 * the default project. The scheme a file declares (brat's annotation.conf, a Slant export's scheme) extends
 * the target project's scheme (the default project's when none is given), when {@code mayChangeScheme}
 * allows it for that project, unless {@code skipUnknownLabels} is set: then the scheme stays as it is and
 * what it does not know is skipped.
 */
public record ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                            boolean createDocuments, Predicate<String> mayWrite, String projectId,
                            Predicate<String> mayChangeScheme) {

    public ImportOptions {
        labelMapping = labelMapping == null ? Map.of() : Map.copyOf(labelMapping);
        mayWrite = mayWrite == null ? id -> true : mayWrite;
        projectId = projectId == null || projectId.isBlank() ? null : projectId.strip();
        mayChangeScheme = mayChangeScheme == null ? id -> true : mayChangeScheme;
    }

    public ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                         boolean createDocuments, Predicate<String> mayWrite) {
        this(annotator, labelMapping, skipUnknownLabels, createDocuments, mayWrite, null, null);
    }

    /** For whoever may write every document: an admin, the command line. */
    public ImportOptions(String annotator, Map<String, String> labelMapping, boolean skipUnknownLabels,
                         boolean createDocuments) {
        this(annotator, labelMapping, skipUnknownLabels, createDocuments, id -> true);
    }

    /** These options targeting {@code project} (null: no project targeted). */
    public ImportOptions inProject(String project) {
        return new ImportOptions(annotator, labelMapping, skipUnknownLabels, createDocuments, mayWrite, project,
                mayChangeScheme);
    }
}
