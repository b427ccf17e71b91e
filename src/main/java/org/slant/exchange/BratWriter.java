package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * brat standoff, zipped. Per document {@code {name}.txt} and {@code {name}.ann} when the document comes
 * with one layer (or none: an empty .ann, which brat needs to open the text), and
 * {@code {annotator}/{name}.txt|.ann} per layer when it comes with several. Plus
 * {@code annotation.conf} and {@code visual.conf} for the label set. The name is the path the document was
 * imported from ({@code train/doc1}), or its dataset id, or else its workspace id; spans imported from brat keep
 * their T ids.
 *
 * <p>Offsets are code points: brat reads the .txt as a Python string (without newline
 * translation), so a CRLF counts two. An .ann line cannot hold a line break, so a span that
 * crosses one is written as fragments around the line breaks ({@code T1	Type 3 8;10 14	first second},
 * fragment texts joined by one space, as brat expects). A span of nothing but line breaks is left out.
 */
public final class BratWriter implements DatasetWriter {

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, "annotation.conf", annotationConf(labels));
        entry(zip, "visual.conf", visualConf(labels));
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            Document d = item.document();
            List<Layer> layers = item.layers();
            String name = names.claim(candidates(d), d.id(), n -> layers.size() <= 1 ? List.of(n)
                    : layers.stream().map(l -> l.annotator() + "/" + n).toList());
            if (layers.size() <= 1) {
                entry(zip, name + ".txt", d.text());
                entry(zip, name + ".ann", layers.isEmpty() ? "" : ann(labels, d, layers.getFirst()));
            } else {
                for (Layer layer : layers) {
                    entry(zip, layer.annotator() + "/" + name + ".txt", d.text());
                    entry(zip, layer.annotator() + "/" + name + ".ann", ann(labels, d, layer));
                }
            }
        }
        zip.finish(); // writes the central directory without closing out
        out.flush();
    }

    /**
     * The document's name in the collection, best first: the path of the .txt it was imported from, the
     * dataset's id for it, as long as they are safe paths (the workspace id is the last resort).
     */
    private static List<String> candidates(Document d) {
        List<String> names = new ArrayList<>(2);
        String file = d.source().file();
        if (file != null && file.endsWith(".txt") && ExportNames.isSafePath(file.substring(0, file.length() - 4))) {
            names.add(file.substring(0, file.length() - 4));
        }
        if (d.source().id() != null && ExportNames.isSafePath(d.source().id())) {
            names.add(d.source().id());
        }
        return names;
    }

    /** brat's own ids for text-bound annotations: T1, T2 ... */
    private static final java.util.regex.Pattern BRAT_ID = java.util.regex.Pattern.compile("T([1-9][0-9]{0,8})");

    /**
     * The .ann of one layer. Spans imported from brat keep their ids (T7) and come first in the order of
     * those ids, as brat lists them; every other span follows in reading order with the next free number.
     */
    static String ann(Scheme labels, Document d, Layer layer) {
        CodePointIndex index = new CodePointIndex(d.text());
        StringBuilder sb = new StringBuilder();
        List<Span> spans = layer.spans();
        int[] numbers = new int[spans.size()];
        java.util.TreeMap<Integer, Integer> kept = new java.util.TreeMap<>(); // T number -> index in spans
        for (int i = 0; i < spans.size(); i++) {
            java.util.regex.Matcher m = BRAT_ID.matcher(spans.get(i).id());
            if (m.matches() && kept.putIfAbsent(Integer.parseInt(m.group(1)), i) == null) {
                numbers[i] = Integer.parseInt(m.group(1));
            }
        }
        List<Integer> order = new ArrayList<>(kept.values());
        int next = kept.isEmpty() ? 0 : kept.lastKey();
        for (int i = 0; i < spans.size(); i++) {
            if (numbers[i] == 0) {
                numbers[i] = ++next;
                order.add(i);
            }
        }
        int notes = 0;
        java.util.Map<String, String> written = new java.util.HashMap<>(); // span id -> its T id
        for (int k : order) {
            Span s = spans.get(k);
            int t = numbers[k];
            List<int[]> fragments = fragments(d.text(), index, s.start(), s.end());
            if (fragments.isEmpty()) {
                continue;
            }
            sb.append('T').append(t).append('\t').append(type(labels, s.label())).append(' ');
            StringBuilder covered = new StringBuilder();
            for (int i = 0; i < fragments.size(); i++) {
                int[] f = fragments.get(i);
                sb.append(i == 0 ? "" : ";").append(f[0]).append(' ').append(f[1]);
                covered.append(i == 0 ? "" : " ").append(index.slice(d.text(), f[0], f[1]));
            }
            sb.append('\t').append(covered).append('\n');
            written.put(s.id(), "T" + t);
            if (s.note() != null) {
                notes++;
                sb.append('#').append(notes).append("\tAnnotatorNotes T").append(t).append('\t')
                        .append(oneLine(s.note())).append('\n');
            }
        }
        structure(sb, labels, layer, written, notes);
        return sb.toString();
    }

    /** brat's own ids for relations: R1, R2 ... */
    private static final java.util.regex.Pattern RELATION_ID = java.util.regex.Pattern.compile("R([1-9][0-9]{0,8})");

    /**
     * The layer's links and attributes after its spans: an event per span that anchors roles
     * ({@code E1	Attribution:T1 source:T2 cue:T3}, an argument that anchors roles itself by its event),
     * a relation per other link (an R id it was imported with is kept), an attribute line per value
     * (see {@link BratConf}) on the span's T, or its E when it has one, and a {@code #} line per free-text value.
     * Links and attributes of a span that was not written (nothing but line breaks) are left out with it.
     */
    private static void structure(StringBuilder sb, Scheme scheme, Layer layer, java.util.Map<String, String> written,
                                  int notes) {
        // an anchor with roles filled is an event; one without is its trigger alone (a T line), as brat has it
        java.util.Set<String> anchors = new java.util.HashSet<>();
        for (org.slant.annotation.Link l : layer.links()) {
            if (written.containsKey(l.from()) && written.containsKey(l.to())
                    && scheme.linkType(l.type()).map(LinkType::role).orElse(false)) {
                anchors.add(l.from());
            }
        }
        java.util.Map<String, String> eventIds = new java.util.LinkedHashMap<>(); // span id -> E id
        java.util.Map<String, Span> byId = new java.util.HashMap<>();
        for (Span s : layer.spans()) {
            byId.put(s.id(), s);
            if (anchors.contains(s.id())) {
                eventIds.put(s.id(), "E" + (eventIds.size() + 1));
            }
        }
        java.util.function.Function<String, String> ref = id -> eventIds.getOrDefault(id, written.get(id));
        java.util.Map<String, List<org.slant.annotation.Link>> roles = new java.util.HashMap<>();
        List<org.slant.annotation.Link> relations = new ArrayList<>();
        for (org.slant.annotation.Link l : layer.links()) {
            if (!written.containsKey(l.from()) || !written.containsKey(l.to())) {
                continue;
            }
            boolean role = scheme.linkType(l.type()).map(LinkType::role).orElse(false);
            if (role && eventIds.containsKey(l.from())) {
                roles.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
            } else {
                relations.add(l);
            }
        }
        for (var e : eventIds.entrySet()) {
            sb.append(e.getValue()).append('\t').append(type(scheme, byId.get(e.getKey()).label())).append(':')
                    .append(written.get(e.getKey()));
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (org.slant.annotation.Link l : roles.getOrDefault(e.getKey(), List.of())) {
                int n = seen.merge(l.type(), 1, Integer::sum); // brat numbers a repeated role: source, source2
                sb.append(' ').append(l.type()).append(n == 1 ? "" : Integer.toString(n)).append(':').append(ref.apply(l.to()));
            }
            sb.append('\n');
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (org.slant.annotation.Link l : relations) {
            java.util.regex.Matcher m = RELATION_ID.matcher(l.id());
            if (m.matches()) {
                taken.add(Integer.parseInt(m.group(1)));
            }
        }
        int next = 0;
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (org.slant.annotation.Link l : relations) {
            java.util.regex.Matcher m = RELATION_ID.matcher(l.id());
            int n;
            if (m.matches() && used.add(Integer.parseInt(m.group(1)))) {
                n = Integer.parseInt(m.group(1));
            } else {
                do {
                    next++;
                } while (taken.contains(next) || used.contains(next));
                n = next;
                used.add(n);
            }
            sb.append('R').append(n).append('\t').append(l.type()).append(" Arg1:").append(ref.apply(l.from()))
                    .append(" Arg2:").append(ref.apply(l.to())).append('\n');
        }
        int a = 0;
        StringBuilder texts = new StringBuilder();
        for (Span s : layer.spans()) {
            if (!written.containsKey(s.id()) || s.attributes().isEmpty()) {
                continue;
            }
            String target = ref.apply(s.id());
            org.slant.label.Label label = scheme.find(s.label()).orElse(null);
            for (var v : s.attributes().entrySet()) {
                org.slant.label.Attribute attribute = label == null ? null : label.attribute(v.getKey()).orElse(null);
                org.slant.label.AttributeValue value = v.getValue();
                if (attribute != null && attribute.kind() == org.slant.label.AttributeKind.CHOICE && attribute.multiple()) {
                    for (String choice : value.choiceIds()) {
                        sb.append('A').append(++a).append('\t').append(v.getKey()).append('_').append(choice).append(' ')
                                .append(target).append('\n');
                    }
                } else if (value instanceof org.slant.label.AttributeValue.Text t && attribute != null
                        && attribute.kind() != org.slant.label.AttributeKind.CHOICE) {
                    notes++;
                    texts.append('#').append(notes).append('\t').append(v.getKey()).append(' ').append(target).append('\t')
                            .append(oneLine(t.value())).append('\n');
                } else {
                    sb.append('A').append(++a).append('\t').append(v.getKey()).append(' ').append(target).append(' ')
                            .append(value.display().replace(' ', '_')).append('\n');
                }
            }
        }
        sb.append(texts);
    }

    /** The parts of [start, end) between line breaks, as code point ranges; empty parts dropped. */
    static List<int[]> fragments(String text, CodePointIndex index, int start, int end) {
        List<int[]> fragments = new ArrayList<>();
        int from = start;
        int cp = start;
        for (int i = index.toUtf16(start), stop = index.toUtf16(end); i < stop; cp++) {
            int c = text.codePointAt(i);
            if (isLineBreak(c)) {
                if (cp > from) {
                    fragments.add(new int[] {from, cp});
                }
                from = cp + 1;
            }
            i += Character.charCount(c);
        }
        if (end > from) {
            fragments.add(new int[] {from, end});
        }
        return fragments;
    }

    /** Everything Python's str.splitlines() splits at, which is how brat reads .ann lines. */
    static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(isLineBreak(c) ? ' ' : c));
        return sb.toString();
    }

    private static String type(Scheme labels, String labelId) {
        return BratConf.type(labels, labelId);
    }

    static String annotationConf(Scheme labels) {
        return BratConf.annotationConf(labels);
    }

    static String visualConf(Scheme labels) {
        return BratConf.visualConf(labels);
    }

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
