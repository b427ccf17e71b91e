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
import org.slant.label.Label;
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
            if (s.note() != null) {
                notes++;
                sb.append('#').append(notes).append("\tAnnotatorNotes T").append(t).append('\t')
                        .append(oneLine(s.note())).append('\n');
            }
        }
        return sb.toString();
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
        return labels.find(labelId).map(BratLabels::toBrat).orElseGet(() -> BratLabels.toBrat(labelId));
    }

    static String annotationConf(Scheme labels) {
        StringBuilder sb = new StringBuilder("# Slant label set as brat entity types\n[entities]\n");
        for (Label l : labels.labels()) {
            sb.append(BratLabels.toBrat(l)).append('\n');
        }
        return sb.append("\n[relations]\n\n[events]\n\n[attributes]\n").toString();
    }

    static String visualConf(Scheme labels) {
        StringBuilder sb = new StringBuilder("[labels]\n");
        for (Label l : labels.labels()) {
            sb.append(BratLabels.toBrat(l)).append(" | ").append(oneLine(l.name())).append('\n');
        }
        sb.append("\n[drawing]\n");
        for (Label l : labels.labels()) {
            sb.append(BratLabels.toBrat(l)).append("\tbgColor:").append(l.color()).append('\n');
        }
        return sb.toString();
    }

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
