package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slant.document.CodePointIndex;
import org.slant.document.DocumentId;
import org.slant.storage.Limits;

/**
 * brat standoff, as a .zip of {@code name.txt} + {@code name.ann} pairs (in any folders). Text-bound
 * annotations {@code T1<TAB>Type start end[;start end]*<TAB>text} become spans and
 * {@code #1<TAB>AnnotatorNotes T1<TAB>note} their notes. Relations, events, attributes and
 * normalisations have no place in a Slant layer: they are left out with one warning per file.
 * Offsets are code points (brat is Python). A single .ann uploaded without its text is not accepted:
 * zip the pair.
 */
public final class BratReader {

    /** A zip's entries and sizes are capped by these. */
    private final Limits limits;

    public BratReader() {
        this(Limits.DEFAULTS);
    }

    public BratReader(Limits limits) {
        this.limits = limits;
    }

    private static final Pattern FRAGMENT = Pattern.compile("(\\d+) (\\d+)");
    /** brat configuration files that travel with a collection; nothing to import from them. */
    private static final List<String> CONFIG_FILES = List.of("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf");

    /**
     * The key a brat type and a Slant label are compared by: brat types cannot hold spaces or most
     * punctuation, so "Sensational framing" is written "Sensational_framing". Case is folded and every
     * run of characters other than a-z and 0-9 becomes one '_'. TODO: merge with the exporter's
     * BratLabels (written alongside) so the two are one mapping.
     */
    public static String labelKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    public ImportedFile read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /**
     * @param layer when the zip holds one folder per annotator (as Slant's brat export does for
     *              several layers) and one is named so, only that folder is read; may be null
     */
    public ImportedFile read(String fileName, byte[] content, String layer) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<ImportedDocument> documents = new ArrayList<>();
        if (!ImportText.isZip(content)) {
            problems.add(new ImportProblem(fileName, 0, "brat import takes a .zip holding .txt and .ann files"
                    + " (a single .ann has no text to check its offsets against)"));
            return new ImportedFile(documents, problems, warnings);
        }
        Map<String, byte[]> entries = ImportZip.entries(fileName, content, limits, problems);
        Map<String, byte[]> texts = new TreeMap<>();
        Map<String, byte[]> anns = new TreeMap<>();
        for (var e : entries.entrySet()) {
            String path = e.getKey();
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".txt")) {
                texts.put(path.substring(0, path.length() - 4), e.getValue());
            } else if (lower.endsWith(".ann")) {
                anns.put(path.substring(0, path.length() - 4), e.getValue());
            } else if (!CONFIG_FILES.contains(path.substring(path.lastIndexOf('/') + 1))) {
                warnings.add(new ImportProblem(fileName, 0, "ignored " + path + ": only .txt and .ann files are read"));
            }
        }
        String layerFolder = "";
        if (layer != null && texts.keySet().stream().anyMatch(stem -> stem.startsWith(layer + "/"))
                && texts.keySet().stream().anyMatch(stem -> !stem.startsWith(layer + "/"))) {
            layerFolder = layer + "/";
            warnings.add(new ImportProblem(fileName, 0, "only the folder " + layer + "/ is read: the zip holds"
                    + " one folder per annotator"));
            texts.keySet().removeIf(stem -> !stem.startsWith(layer + "/"));
            anns.keySet().removeIf(stem -> !stem.startsWith(layer + "/"));
        }
        for (String stem : anns.keySet()) {
            if (!texts.containsKey(stem)) {
                problems.add(new ImportProblem(stem + ".ann", 0, "there is no " + stem + ".txt next to it in the zip"));
            }
        }
        if (texts.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "the zip holds no .txt files"));
        }
        for (var e : texts.entrySet()) {
            String stem = e.getKey();
            String text = ImportText.utf8(e.getValue(), stem + ".txt", problems);
            if (text == null) {
                continue;
            }
            byte[] ann = anns.get(stem);
            List<ImportedSpan> spans = new ArrayList<>();
            if (ann != null) {
                String annText = ImportText.withoutBom(ImportText.utf8(ann, stem + ".ann", problems));
                if (annText == null) {
                    continue;
                }
                spans = readAnn(stem + ".ann", annText, text, problems, warnings);
            }
            String base = ImportText.baseName(stem + ".txt");
            // the document's name in the collection: its path without .txt (and without the annotator's
            // folder of a Slant export), so an export writes it back under the same name
            String name = stem.substring(layerFolder.length());
            documents.add(new ImportedDocument(DocumentId.slugOf(base), ImportText.titleOf(text, base), text,
                    Map.of("brat.file", stem + ".txt"), spans, stem + ".txt", 0,
                    ImportText.datasetName(name, false, name + ".txt")));
        }
        return new ImportedFile(documents, problems, warnings);
    }

    private static List<ImportedSpan> readAnn(String file, String ann, String text, List<ImportProblem> problems,
                                              List<ImportProblem> warnings) {
        CodePointIndex index = new CodePointIndex(text);
        Map<String, ImportedSpan> spans = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Map<String, Integer> noteLines = new LinkedHashMap<>();
        boolean unsupported = false;
        List<String> lines = ImportText.lines(ann);
        for (int i = 0; i < lines.size(); i++) {
            int lineNr = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            char kind = line.charAt(0);
            if (kind == 'T') {
                if (cols.length < 3) {
                    problems.add(new ImportProblem(file, lineNr, "a T line needs three tab-separated fields:"
                            + " T1<TAB>Type start end<TAB>text"));
                    continue;
                }
                ImportedSpan span = textBound(file, lineNr, cols, text, index, problems);
                if (span != null && spans.put(cols[0], span) != null) {
                    problems.add(new ImportProblem(file, lineNr, cols[0] + " is defined twice"));
                }
            } else if (kind == '#') {
                String[] ref = cols.length >= 2 ? cols[1].split(" ") : new String[0];
                if (cols.length < 3 || ref.length != 2 || !ref[0].equals("AnnotatorNotes")) {
                    problems.add(new ImportProblem(file, lineNr, "a note line must be #1<TAB>AnnotatorNotes T1<TAB>note"));
                    continue;
                }
                notes.computeIfAbsent(ref[1], k -> new ArrayList<>()).add(cols[2]);
                noteLines.putIfAbsent(ref[1], lineNr);
            } else if ("REAMN*".indexOf(kind) >= 0) {
                unsupported = true;
            } else {
                problems.add(new ImportProblem(file, lineNr, "not a brat annotation line (it should start with T, #, R, E, A, M, N or *): "
                        + ImportText.abbreviate(line)));
            }
        }
        if (unsupported) {
            warnings.add(new ImportProblem(file, 0, "not imported: relations/events/attributes are not supported"));
        }
        for (var n : notes.entrySet()) {
            ImportedSpan span = spans.get(n.getKey());
            if (span == null) {
                // a note on a relation or event is left out with it; on nothing at all it is an error
                if (!n.getKey().startsWith("T")) {
                    continue;
                }
                problems.add(new ImportProblem(file, noteLines.get(n.getKey()), "the note refers to " + n.getKey()
                        + ", which is not a text annotation in this file"));
                continue;
            }
            spans.put(n.getKey(), span.withNote(String.join("\n", n.getValue())));
        }
        return new ArrayList<>(spans.values());
    }

    /** One T line; discontinuous fragments are joined when only white space lies between them. */
    private static ImportedSpan textBound(String file, int line, String[] cols, String text, CodePointIndex index,
                                          List<ImportProblem> problems) {
        int space = cols[1].indexOf(' ');
        if (space <= 0) {
            problems.add(new ImportProblem(file, line, cols[0] + ": expected \"Type start end\", got: " + ImportText.abbreviate(cols[1])));
            return null;
        }
        String type = cols[1].substring(0, space);
        List<int[]> fragments = new ArrayList<>();
        for (String f : cols[1].substring(space + 1).split(";")) {
            var m = FRAGMENT.matcher(f.strip());
            if (!m.matches()) {
                problems.add(new ImportProblem(file, line, cols[0] + ": \"" + f + "\" is not a \"start end\" pair of numbers"));
                return null;
            }
            try {
                fragments.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            } catch (NumberFormatException e) {
                problems.add(new ImportProblem(file, line, cols[0] + ": offset too large: " + f));
                return null;
            }
        }
        if (fragments.size() == 1) {
            return new ImportedSpan(cols[0], fragments.get(0)[0], fragments.get(0)[1], type, cols[2], null, file, line);
        }
        fragments.sort((a, b) -> Integer.compare(a[0], b[0]));
        int length = index.codePointLength();
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < fragments.size(); k++) {
            int[] f = fragments.get(k);
            if (f[0] < 0 || f[1] > length || f[0] >= f[1]) {
                problems.add(new ImportProblem(file, line, cols[0] + ": fragment " + f[0] + " " + f[1]
                        + " is empty or outside the text (0-" + length + ")"));
                return null;
            }
            if (k > 0) {
                int gapStart = fragments.get(k - 1)[1];
                if (f[0] < gapStart) {
                    problems.add(new ImportProblem(file, line, cols[0] + ": fragments overlap at " + f[0]));
                    return null;
                }
                String gap = index.slice(text, gapStart, f[0]);
                if (!gap.isBlank()) {
                    problems.add(new ImportProblem(file, line, cols[0] + " is discontinuous with \""
                            + ImportText.abbreviate(gap) + "\" between fragments (" + gapStart + "-" + f[0]
                            + "); a Slant span is one stretch of text, so split it into separate spans"));
                    return null;
                }
            }
            parts.add(index.slice(text, f[0], f[1]));
        }
        // brat writes a discontinuous span's text as its fragments joined by one space
        String stated = String.join(" ", parts);
        if (!stated.equals(cols[2])) {
            problems.add(new ImportProblem(file, line, cols[0] + " says it covers \"" + ImportText.abbreviate(cols[2])
                    + "\" but its fragments hold \"" + ImportText.abbreviate(stated) + "\""));
            return null;
        }
        int start = fragments.get(0)[0];
        int end = fragments.get(fragments.size() - 1)[1];
        return new ImportedSpan(cols[0], start, end, type, index.slice(text, start, end), null, file, line);
    }
}
