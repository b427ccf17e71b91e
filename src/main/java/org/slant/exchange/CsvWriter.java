package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Scheme;

/**
 * One row per span: {@code document,title,annotator,label,start,end,text,note}, through
 * {@link SpreadsheetCsv}: RFC 4180 with CRLF, a UTF-8 byte order mark first (without it Excel reads the
 * file as the local code page and garbles accents, Cyrillic and emoji), and a title, text or note that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR first) prefixed with an apostrophe.
 * Offsets are code points and cover the span's text without that apostrophe; the label is its name.
 */
public final class CsvWriter implements DatasetWriter {

    public static final String HEADER = "document,title,annotator,label,start,end,text,note";

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.forSpreadsheet(out);
        csv.row(HEADER.split(","));
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            String id = names.of(item.document(), name -> true); // the dataset's id, else the workspace id
            for (Layer layer : item.layers()) {
                for (Span s : layer.spans()) {
                    csv.row(id, item.document().title(), layer.annotator(),
                            LabelNames.name(labels, s.label()), Integer.toString(s.start()), Integer.toString(s.end()),
                            s.text(), s.note() == null ? "" : s.note());
                }
            }
        }
        csv.flush(); // not close: the caller owns out
    }
}
