package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slant.document.DocumentId;
import org.slant.storage.Limits;

/**
 * SemEval-2020 Task 11 (propaganda techniques): label files with
 * {@code article_id<TAB>label<TAB>start<TAB>end} lines, offsets in code points. Either a .zip holding
 * {@code article123.txt} files and one or more .tsv/.labels files, or a bare label file, in which case
 * the texts must already be in the workspace under the ids "article123" (or, for an article id that is
 * a slug, that id). Label files carry no span text, so every span is checked against the article only.
 */
public final class SemEvalReader {

    /** A zip's entries and sizes are capped by these. */
    private final Limits limits;

    public SemEvalReader() {
        this(Limits.DEFAULTS);
    }

    public SemEvalReader(Limits limits) {
        this.limits = limits;
    }

    private static final Pattern ARTICLE = Pattern.compile("(?:.*/)?article([^/]+)\\.txt");

    public ImportedFile read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /**
     * @param layer when the zip holds several label files and one is named after this annotator
     *              ({@code ana.labels.tsv}, as Slant's export writes one per annotator), only that one
     *              is read; may be null
     */
    public ImportedFile read(String fileName, byte[] content, String layer) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        Map<String, String> textFiles = new TreeMap<>();
        Map<String, List<ImportedSpan>> spans = new LinkedHashMap<>();
        if (ImportText.isZip(content)) {
            boolean labelFiles = false;
            Map<String, byte[]> entries = ImportZip.entries(fileName, content, limits, problems);
            List<String> labelPaths = entries.keySet().stream().filter(SemEvalReader::isLabelFile).toList();
            String own = labelPaths.size() < 2 || layer == null ? null : labelPaths.stream()
                    .filter(path -> ImportText.baseName(path).equals(layer + ".labels")
                            || ImportText.baseName(path).equals(layer)).findFirst().orElse(null);
            if (own != null) {
                warnings.add(new ImportProblem(fileName, 0, "only " + own + " is read of the label files " + labelPaths));
            } else if (labelPaths.size() > 1) {
                warnings.add(new ImportProblem(fileName, 0, "the spans of " + labelPaths.size()
                        + " label files are merged: " + labelPaths));
            }
            for (var e : entries.entrySet()) {
                String path = e.getKey();
                Matcher m = ARTICLE.matcher(path);
                if (m.matches()) {
                    String text = ImportText.utf8(e.getValue(), path, problems);
                    if (text != null) {
                        texts.put(m.group(1), text);
                        textFiles.put(m.group(1), path);
                    }
                } else if (isLabelFile(path)) {
                    labelFiles = true;
                    if (own == null || own.equals(path)) {
                        readLabels(path, e.getValue(), spans, problems, warnings);
                    }
                } else {
                    warnings.add(new ImportProblem(fileName, 0, "ignored " + path
                            + ": only article*.txt, .tsv and .labels files are read"));
                }
            }
            if (!labelFiles && problems.isEmpty()) {
                problems.add(new ImportProblem(fileName, 0, "the zip holds no .tsv or .labels file"));
            }
        } else {
            readLabels(fileName, content, spans, problems, warnings);
        }
        List<ImportedDocument> documents = new ArrayList<>();
        for (var e : spans.entrySet()) {
            String article = e.getKey();
            String text = texts.get(article);
            ImportedSpan first = e.getValue().get(0);
            documents.add(new ImportedDocument(documentId(article),
                    ImportText.titleOf(text, "article" + article), text, Map.of("semeval.article_id", article),
                    e.getValue(), text != null ? textFiles.get(article) : first.file(), text != null ? 0 : first.line(),
                    ImportText.datasetName(article, false, textFiles.get(article))));
        }
        for (var e : texts.entrySet()) {
            if (!spans.containsKey(e.getKey())) {
                documents.add(new ImportedDocument(documentId(e.getKey()),
                        ImportText.titleOf(e.getValue(), "article" + e.getKey()), e.getValue(),
                        Map.of("semeval.article_id", e.getKey()), List.of(), textFiles.get(e.getKey()), 0,
                        ImportText.datasetName(e.getKey(), false, textFiles.get(e.getKey()))));
            }
        }
        return new ImportedFile(documents, problems, warnings);
    }

    private static void readLabels(String file, byte[] bytes, Map<String, List<ImportedSpan>> spans,
                                   List<ImportProblem> problems, List<ImportProblem> warnings) {
        String all = ImportText.withoutBom(ImportText.utf8(bytes, file, problems));
        if (all == null) {
            return;
        }
        List<String> lines = ImportText.lines(all);
        int read = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNr = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length == 4 && lineNr == 1 && !isNumber(cols[2]) && !isNumber(cols[3])) {
                warnings.add(new ImportProblem(file, lineNr, "skipped the header line"));
                continue;
            }
            if (cols.length != 4) {
                problems.add(new ImportProblem(file, lineNr, "expected 4 tab-separated fields"
                        + " article_id, label, start, end; got " + cols.length
                        + (cols.length == 3 ? " (a span identification file without labels cannot be imported)" : "")));
                continue;
            }
            String article = cols[0].strip();
            String label = cols[1].strip();
            if (article.isEmpty() || label.isEmpty()) {
                problems.add(new ImportProblem(file, lineNr, "the article id or the label is empty"));
                continue;
            }
            if (!isNumber(cols[2].strip()) || !isNumber(cols[3].strip())) {
                problems.add(new ImportProblem(file, lineNr, "start and end must be whole numbers, got \""
                        + ImportText.abbreviate(cols[2]) + "\" and \"" + ImportText.abbreviate(cols[3]) + '"'));
                continue;
            }
            spans.computeIfAbsent(article, k -> new ArrayList<>()).add(new ImportedSpan(
                    Integer.parseInt(cols[2].strip()), Integer.parseInt(cols[3].strip()), label, null, null, file, lineNr));
            read++;
        }
        if (read == 0 && problems.isEmpty()) {
            warnings.add(new ImportProblem(file, 0, "the label file holds no spans"));
        }
    }

    private static boolean isLabelFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".labels");
    }

    /**
     * The task's numeric article 123 is the document "article123"; an article id that is already a
     * slug (Slant's own export writes document ids there) is that document.
     */
    static String documentId(String article) {
        return article.matches("\\d+") || !DocumentId.isValid(article) ? DocumentId.slugOf("article" + article) : article;
    }

    private static boolean isNumber(String s) {
        return s.matches("\\d{1,9}");
    }
}
