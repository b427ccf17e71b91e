package org.slant.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.LabelSet;

/**
 * One row per span: {@code document,title,annotator,label,start,end,text,note}, RFC 4180 (CRLF
 * between records, fields with a comma, quote or line break quoted, quotes doubled). Starts with a
 * UTF-8 byte order mark: without it Excel reads the file as the local code page and garbles
 * accents, Cyrillic and emoji. Offsets are code points; the label is its name.
 */
public final class CsvWriter implements DatasetWriter {

    public static final String HEADER = "document,title,annotator,label,start,end,text,note";

    @Override
    public void write(LabelSet labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        w.write(HEADER);
        w.write("\r\n");
        Iterable<ExportItem> all = items::iterator;
        for (ExportItem item : all) {
            for (Layer layer : item.layers()) {
                for (Span s : layer.spans()) {
                    row(w, item.document().id(), item.document().title(), layer.annotator(),
                            LabelNames.name(labels, s.label()), Integer.toString(s.start()), Integer.toString(s.end()),
                            s.text(), s.note() == null ? "" : s.note());
                }
            }
        }
        w.flush(); // not close: the caller owns out
    }

    private static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields[i]));
        }
        w.write("\r\n");
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
