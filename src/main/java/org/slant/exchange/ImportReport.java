package org.slant.exchange;

import java.util.List;
import java.util.Set;

/**
 * The outcome of checking or applying an import. With problems, nothing was written: {@link #ok()}
 * is false and each problem names the file, line and what is wrong. Warnings say what was left out on
 * purpose (brat relations, renamed document ids) and never block the import. The counts of a check
 * are what an apply would do.
 */
public record ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                           Set<String> unknownLabels, List<ImportProblem> problems, List<ImportProblem> warnings) {

    public ImportReport {
        unknownLabels = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unknownLabels));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                        Set<String> unknownLabels, List<ImportProblem> problems) {
        this(documentsMatched, documentsCreated, spansImported, spansSkipped, unknownLabels, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
