package org.slant.exchange;

import java.util.List;
import java.util.Set;

/**
 * The outcome of checking or applying an import. With problems, nothing was written: {@link #ok()}
 * is false and each problem names the file, line and what is wrong. Warnings say what was left out on
 * purpose (renamed document ids, the other annotators' layers) and never block the import. The counts of
 * a check are what an apply would do. A file with very many problems lists only the first ones (setting
 * slant.limits.report-problems); {@code problemsNotListed} counts the rest.
 *
 * <p>Besides spans: {@code linksImported}, {@code sentenceLabelsImported} (one per sentence and label) and
 * {@code answersImported} (one per document and question) count the structure added, and
 * {@code schemeAdditions} names what the target project's scheme gained from the scheme the file declares
 * (a brat annotation.conf), one line each ("label Loaded Language (loaded-language)").
 */
public record ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                           Set<String> unknownLabels, List<ImportProblem> problems, List<ImportProblem> warnings,
                           int problemsNotListed, int linksImported, int sentenceLabelsImported, int answersImported,
                           List<String> schemeAdditions) {

    public ImportReport {
        unknownLabels = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unknownLabels));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        schemeAdditions = schemeAdditions == null ? List.of() : List.copyOf(schemeAdditions);
        if (problemsNotListed < 0) {
            throw new IllegalArgumentException("problemsNotListed must not be negative");
        }
    }

    public ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                        Set<String> unknownLabels, List<ImportProblem> problems, List<ImportProblem> warnings,
                        int problemsNotListed) {
        this(documentsMatched, documentsCreated, spansImported, spansSkipped, unknownLabels, problems, warnings,
                problemsNotListed, 0, 0, 0, List.of());
    }

    public ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                        Set<String> unknownLabels, List<ImportProblem> problems, List<ImportProblem> warnings) {
        this(documentsMatched, documentsCreated, spansImported, spansSkipped, unknownLabels, problems, warnings, 0);
    }

    public ImportReport(int documentsMatched, int documentsCreated, int spansImported, int spansSkipped,
                        Set<String> unknownLabels, List<ImportProblem> problems) {
        this(documentsMatched, documentsCreated, spansImported, spansSkipped, unknownLabels, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty() && problemsNotListed == 0;
    }

    /** Every problem, listed or not. */
    public int problemCount() {
        return problems.size() + problemsNotListed;
    }

    /** This report listing only the first {@code max} problems; the others are counted. */
    public ImportReport listingAtMost(int max) {
        if (problems.size() <= max) {
            return this;
        }
        return new ImportReport(documentsMatched, documentsCreated, spansImported, spansSkipped, unknownLabels,
                problems.subList(0, max), warnings, problemsNotListed + problems.size() - max, linksImported,
                sentenceLabelsImported, answersImported, schemeAdditions);
    }

    /** "… and 12,345 more problems", or null when every problem is listed. */
    public String notListedLine() {
        return problemsNotListed == 0 ? null
                : String.format(java.util.Locale.ROOT, "… and %,d more problem%s", problemsNotListed,
                problemsNotListed == 1 ? "" : "s");
    }

    /** "3 links, 12 sentence labels, 2 answers", leaving out what is none; empty when only spans were imported. */
    public String structureLine() {
        List<String> parts = new java.util.ArrayList<>();
        if (linksImported > 0) {
            parts.add(linksImported + (linksImported == 1 ? " link" : " links"));
        }
        if (sentenceLabelsImported > 0) {
            parts.add(sentenceLabelsImported + (sentenceLabelsImported == 1 ? " sentence label" : " sentence labels"));
        }
        if (answersImported > 0) {
            parts.add(answersImported + (answersImported == 1 ? " answer" : " answers"));
        }
        return String.join(", ", parts);
    }
}
