package org.slant.exchange;

import java.util.ArrayList;
import java.util.HashMap;
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
 * brat standoff, as a .zip of {@code name.txt} + {@code name.ann} pairs (in any folders), with the
 * collection's {@code annotation.conf} (and {@code visual.conf}) when it has one.
 * <ul>
 *   <li>{@code T1<TAB>Type start end[;start end]*<TAB>text}: a span;</li>
 *   <li>{@code R1<TAB>Type Arg1:T1 Arg2:T2}: a link of that type from Arg1 to Arg2;</li>
 *   <li>{@code E1<TAB>Type:T1 Role:T2 Role2:T3}: the trigger T1 is the anchor span, each argument a link of its
 *       role from it (a repeated role's number, Role2, is dropped; an argument that is an event is its trigger);</li>
 *   <li>{@code A1<TAB>Name T1 [Value]} (and the older {@code M1}): an attribute of the span (of an event: of its
 *       trigger), yes when it has no value;</li>
 *   <li>{@code #1<TAB>AnnotatorNotes T1<TAB>note}: the span's note; a {@code #} line of another type is the
 *       free-text attribute of that name ({@code #2<TAB>target T1<TAB>Putin}).</li>
 * </ul>
 * The annotation.conf is read into the scheme it declares ({@link BratConf}), which the import adds to its
 * project's, and every .ann is checked against it: a relation type, event type or role, attribute or value it
 * does not declare is a problem naming the file and line, as is an argument that names no annotation.
 * Normalisations (N) and equivalences (*) have no place in Slant: they are left out with one warning per file.
 * Offsets are code points (brat is Python). A single .ann uploaded without its text is not accepted: zip the pair.
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
        BratConf.Read conf = conf(entries, layer, problems, warnings);
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
            List<ImportedLink> links = List.of();
            if (ann != null) {
                String annText = ImportText.withoutBom(ImportText.utf8(ann, stem + ".ann", problems));
                if (annText == null) {
                    continue;
                }
                Ann read = readAnn(stem + ".ann", annText, text, conf, problems, warnings);
                spans = read.spans();
                links = read.links();
            }
            String base = ImportText.baseName(stem + ".txt");
            // the document's name in the collection: its path without .txt (and without the annotator's
            // folder of a Slant export), so an export writes it back under the same name
            String name = stem.substring(layerFolder.length());
            documents.add(new ImportedDocument(DocumentId.slugOf(base), ImportText.titleOf(text, base), text,
                    Map.of("brat.file", stem + ".txt"), spans, stem + ".txt", 0,
                    ImportText.datasetName(name, false, name + ".txt")).withStructure(links, List.of(), Map.of()));
        }
        return new ImportedFile(documents, problems, warnings, conf == null ? null : conf.scheme());
    }

    /**
     * The collection's annotation.conf: the one nearest the top of the zip (Slant's export has one at the top;
     * a brat collection may have one per folder, which the first stands for), read with the visual.conf
     * beside it. Null when the zip has none.
     */
    private static BratConf.Read conf(Map<String, byte[]> entries, String layer, List<ImportProblem> problems,
                                      List<ImportProblem> warnings) {
        List<String> confs = entries.keySet().stream().filter(p -> p.equals("annotation.conf") || p.endsWith("/annotation.conf"))
                .sorted(java.util.Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(p -> p)).toList();
        if (confs.isEmpty()) {
            return null;
        }
        String path = confs.getFirst();
        if (layer != null && confs.contains(layer + "/annotation.conf") && !path.equals(layer + "/annotation.conf")
                && confs.size() > 1 && path.split("/").length > 1) {
            path = layer + "/annotation.conf";
        }
        if (confs.size() > 1) {
            warnings.add(new ImportProblem(path, 0, "the zip holds " + confs.size() + " annotation.conf files; "
                    + path + " is read: " + confs));
        }
        String conf = ImportText.withoutBom(ImportText.utf8(entries.get(path), path, problems));
        if (conf == null) {
            return null;
        }
        String folder = path.substring(0, path.length() - "annotation.conf".length());
        byte[] visualBytes = entries.get(folder + "visual.conf");
        String visual = visualBytes == null ? null : ImportText.withoutBom(ImportText.utf8(visualBytes, folder + "visual.conf",
                problems));
        BratConf.Read read = BratConf.read(conf, visual);
        for (BratConf.Problem p : read.problems()) {
            problems.add(new ImportProblem(path, p.line(), p.reason()));
        }
        return read;
    }

    /** What one .ann holds for Slant: spans (with notes and attributes) and links. */
    private record Ann(List<ImportedSpan> spans, List<ImportedLink> links) {
    }

    /** A line kept for the second pass: its number and tab-separated fields. */
    private record Line(int number, String[] cols) {
    }

    private static Ann readAnn(String file, String ann, String text, BratConf.Read conf, List<ImportProblem> problems,
                               List<ImportProblem> warnings) {
        CodePointIndex index = new CodePointIndex(text);
        Map<String, ImportedSpan> spans = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Map<String, Integer> noteLines = new LinkedHashMap<>();
        List<Line> events = new ArrayList<>();
        List<Line> relations = new ArrayList<>();
        List<Line> attributes = new ArrayList<>();
        List<Line> comments = new ArrayList<>();
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
                if (span != null) {
                    types.put(cols[0], span.label());
                }
            } else if (kind == '#') {
                String[] ref = cols.length >= 2 ? cols[1].split(" ") : new String[0];
                if (cols.length < 3 || ref.length != 2) {
                    problems.add(new ImportProblem(file, lineNr, "a note line must be #1<TAB>AnnotatorNotes T1<TAB>note"));
                    continue;
                }
                if (ref[0].equals("AnnotatorNotes")) {
                    notes.computeIfAbsent(ref[1], k -> new ArrayList<>()).add(cols[2]);
                    noteLines.putIfAbsent(ref[1], lineNr);
                } else {
                    comments.add(new Line(lineNr, cols));
                }
            } else if (kind == 'E' && cols.length >= 2) {
                events.add(new Line(lineNr, cols));
            } else if (kind == 'R' && cols.length >= 2) {
                relations.add(new Line(lineNr, cols));
            } else if ((kind == 'A' || kind == 'M') && cols.length >= 2) {
                attributes.add(new Line(lineNr, cols));
            } else if (kind == 'N' || kind == '*') {
                unsupported = true;
            } else {
                problems.add(new ImportProblem(file, lineNr, "not a brat annotation line (it should start with T, #, R, E, A, M, N or *): "
                        + ImportText.abbreviate(line)));
            }
        }
        if (unsupported) {
            warnings.add(new ImportProblem(file, 0, "not imported: normalizations (N) and equivalences (*) have no place in Slant"));
        }
        // events first: their ids stand for their triggers in relations, attributes, notes and other events
        Map<String, String> triggers = new HashMap<>();
        for (Line e : events) {
            String[] parts = e.cols()[1].strip().split(" +");
            int colon = parts[0].indexOf(':');
            String trigger = colon > 0 ? parts[0].substring(colon + 1) : null;
            if (trigger == null || !spans.containsKey(trigger)) {
                problems.add(new ImportProblem(file, e.number(), e.cols()[0] + ": " + (trigger == null
                        ? "expected \"Type:T1\" first, the event's type and its trigger" : "its trigger " + trigger
                        + " is not a text annotation in this file")));
                continue;
            }
            triggers.put(e.cols()[0], trigger);
        }
        java.util.function.Function<String, String> spanOf = ref -> spans.containsKey(ref) ? ref : triggers.get(ref);
        List<ImportedLink> links = new ArrayList<>();
        for (Line e : events) {
            String id = e.cols()[0];
            String trigger = triggers.get(id);
            if (trigger == null) {
                continue;
            }
            String[] parts = e.cols()[1].strip().split(" +");
            String type = parts[0].substring(0, parts[0].indexOf(':'));
            if (!type.equals(types.get(trigger))) {
                problems.add(new ImportProblem(file, e.number(), id + " is of type " + type + " but its trigger " + trigger
                        + " is " + types.get(trigger) + "; in brat they are the same"));
                continue;
            }
            java.util.Set<String> declared = conf == null ? null : conf.eventRoles().get(type);
            if (conf != null && declared == null) {
                problems.add(new ImportProblem(file, e.number(), id + ": event type " + type + " is not in annotation.conf's"
                        + " [events]: " + conf.eventRoles().keySet()));
                continue;
            }
            for (int k = 1; k < parts.length; k++) {
                int colon = parts[k].indexOf(':');
                if (colon <= 0) {
                    problems.add(new ImportProblem(file, e.number(), id + ": argument \"" + parts[k] + "\" is not Role:ID"));
                    continue;
                }
                String role = parts[k].substring(0, colon);
                String plain = role.replaceFirst("(?<=\\D)\\d+$", ""); // brat numbers a repeated role: Theme, Theme2
                if (declared != null ? !declared.contains(role) && declared.contains(plain) : !plain.isEmpty()) {
                    role = plain;
                }
                if (declared != null && !declared.contains(role)) {
                    problems.add(new ImportProblem(file, e.number(), id + ": role " + role + " is not one of " + type
                            + "'s in annotation.conf: " + declared));
                    continue;
                }
                String to = spanOf.apply(parts[k].substring(colon + 1));
                if (to == null) {
                    problems.add(new ImportProblem(file, e.number(), id + ": argument " + parts[k] + " names no text"
                            + " annotation or event of this file"));
                    continue;
                }
                links.add(new ImportedLink(null, role, trigger, to, file, e.number()));
            }
        }
        for (Line r : relations) {
            String id = r.cols()[0];
            String[] parts = r.cols()[1].strip().split(" +");
            String type = parts[0];
            String from = null;
            String to = null;
            for (int k = 1; k < parts.length; k++) {
                if (parts[k].startsWith("Arg1:")) {
                    from = parts[k].substring(5);
                } else if (parts[k].startsWith("Arg2:")) {
                    to = parts[k].substring(5);
                }
            }
            if (from == null || to == null) {
                problems.add(new ImportProblem(file, r.number(), id + ": a relation needs Arg1 and Arg2: " + id
                        + "<TAB>Type Arg1:T1 Arg2:T2"));
                continue;
            }
            if (conf != null && !conf.relations().containsKey(type)) {
                problems.add(new ImportProblem(file, r.number(), id + ": relation type " + type + " is not in annotation.conf's"
                        + " [relations]: " + conf.relations().keySet()));
                continue;
            }
            String fromSpan = spanOf.apply(from);
            String toSpan = spanOf.apply(to);
            if (fromSpan == null || toSpan == null) {
                problems.add(new ImportProblem(file, r.number(), id + ": " + (fromSpan == null ? "Arg1:" + from : "Arg2:" + to)
                        + " names no text annotation or event of this file"));
                continue;
            }
            links.add(new ImportedLink(id, type, fromSpan, toSpan, file, r.number()));
        }
        Map<String, Map<String, org.slant.label.AttributeValue>> values = new HashMap<>();
        for (Line a : attributes) {
            String id = a.cols()[0];
            String[] parts = a.cols()[1].strip().split(" +");
            if (parts.length < 2) {
                problems.add(new ImportProblem(file, a.number(), id + ": an attribute line is " + id + "<TAB>Name T1 [Value]"));
                continue;
            }
            String name = parts[0];
            String target = spanOf.apply(parts[1]);
            String value = parts.length > 2 ? parts[2] : null;
            if (target == null) {
                problems.add(new ImportProblem(file, a.number(), id + ": " + parts[1] + " names no text annotation or event"
                        + " of this file"));
                continue;
            }
            Map<String, org.slant.label.AttributeValue> of = values.computeIfAbsent(target, k -> new LinkedHashMap<>());
            String[] choice = conf == null ? null : conf.choiceTypes().get(name);
            if (choice != null) {
                // one value of a multiple choice, written as a binary attribute of its own
                List<String> picked = new ArrayList<>(of.get(choice[0]) instanceof org.slant.label.AttributeValue.Choices c
                        ? c.values() : List.of());
                if (!picked.contains(choice[1])) {
                    picked.add(choice[1]);
                }
                of.put(choice[0], new org.slant.label.AttributeValue.Choices(picked));
                continue;
            }
            if (conf != null && !conf.attributeValues().containsKey(name)) {
                problems.add(new ImportProblem(file, a.number(), id + ": attribute " + name + " is not in annotation.conf's"
                        + " [attributes]: " + conf.attributeValues().keySet()));
                continue;
            }
            java.util.Set<String> allowed = conf == null ? null : conf.attributeValues().get(name);
            if (allowed != null && (value == null || !allowed.contains(value))) {
                problems.add(new ImportProblem(file, a.number(), id + ": " + (value == null ? "attribute " + name + " needs a value"
                        : "value " + value + " of attribute " + name + " is not in annotation.conf") + "; its values: " + allowed));
                continue;
            }
            if (of.put(name, value == null ? new org.slant.label.AttributeValue.Flag(true)
                    : new org.slant.label.AttributeValue.Text(value)) != null) {
                problems.add(new ImportProblem(file, a.number(), id + ": " + parts[1] + " has attribute " + name + " twice"));
            }
        }
        for (Line c : comments) {
            String[] ref = c.cols()[1].split(" ");
            String target = spanOf.apply(ref[1]);
            if (conf != null && !conf.textAttributes().contains(ref[0])) {
                problems.add(new ImportProblem(file, c.number(), c.cols()[0] + ": a note is #1<TAB>AnnotatorNotes T1<TAB>note,"
                        + " and " + ref[0] + " is no free-text attribute of annotation.conf"));
                continue;
            }
            if (target == null) {
                problems.add(new ImportProblem(file, c.number(), c.cols()[0] + ": " + ref[1] + " names no text annotation or"
                        + " event of this file"));
                continue;
            }
            if (!c.cols()[2].isBlank()) {
                values.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(ref[0],
                        new org.slant.label.AttributeValue.Text(c.cols()[2]));
            }
        }
        for (var v : values.entrySet()) {
            spans.put(v.getKey(), spans.get(v.getKey()).withAttributes(v.getValue()));
        }
        for (var n : notes.entrySet()) {
            String target = spanOf.apply(n.getKey());
            ImportedSpan span = target == null ? null : spans.get(target);
            if (span == null) {
                // a note on a relation is left out with it; on nothing at all it is an error
                if (n.getKey().startsWith("R")) {
                    continue;
                }
                problems.add(new ImportProblem(file, noteLines.get(n.getKey()), "the note refers to " + n.getKey()
                        + ", which is not a text annotation in this file"));
                continue;
            }
            spans.put(target, span.withNote(String.join("\n", n.getValue())));
        }
        return new Ann(new ArrayList<>(spans.values()), links);
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
