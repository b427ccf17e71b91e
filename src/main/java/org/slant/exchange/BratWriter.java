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
 * brat standoff, zipped. Per document {@code {id}.txt} and {@code {id}.ann} when the document comes
 * with one layer (or none: an empty .ann, which brat needs to open the text), and
 * {@code {annotator}/{id}.txt|.ann} per layer when it comes with several. Plus
 * {@code annotation.conf} and {@code visual.conf} for the label set.
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
        for (ExportItem item : all) {
            Document d = item.document();
            if (item.layers().size() <= 1) {
                entry(zip, d.id() + ".txt", d.text());
                entry(zip, d.id() + ".ann", item.layers().isEmpty() ? "" : ann(labels, d, item.layers().getFirst()));
            } else {
                for (Layer layer : item.layers()) {
                    entry(zip, layer.annotator() + "/" + d.id() + ".txt", d.text());
                    entry(zip, layer.annotator() + "/" + d.id() + ".ann", ann(labels, d, layer));
                }
            }
        }
        zip.finish(); // writes the central directory without closing out
        out.flush();
    }

    static String ann(Scheme labels, Document d, Layer layer) {
        CodePointIndex index = new CodePointIndex(d.text());
        StringBuilder sb = new StringBuilder();
        int t = 0;
        int notes = 0;
        for (Span s : layer.spans()) {
            List<int[]> fragments = fragments(d.text(), index, s.start(), s.end());
            if (fragments.isEmpty()) {
                continue;
            }
            t++;
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
