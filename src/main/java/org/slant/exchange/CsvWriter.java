package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.Scheme;

/**
 * One row per span: {@code document,title,annotator,label,start,end,text,note}, then one column per
 * span attribute of the scheme (its id; the value as {@link AttributeValue#display()} shows it: choice ids
 * joined by "|", yes/no, the number, the text), through {@link SpreadsheetCsv}: RFC 4180 with CRLF, a UTF-8
 * byte order mark first (without it Excel reads the file as the local code page and garbles accents,
 * Cyrillic and emoji), and a title, text, note or value that a spreadsheet would run as a formula
 * ({@code = + - @}, tab, CR first) prefixed with an apostrophe. Offsets are code points and cover the
 * span's text without that apostrophe; the label is its name. Links, sentence labels and answers are in
 * {@link CsvTablesWriter}'s tables.
 */
public final class CsvWriter implements DatasetWriter {

    public static final String HEADER = "document,title,annotator,label,start,end,text,note";

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.forSpreadsheet(out);
        List<String> attributes = attributeIds(labels);
        List<String> header = new ArrayList<>(List.of(HEADER.split(",")));
        header.addAll(attributes);
        csv.row(header);
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            String id = names.of(item.document(), name -> true); // the dataset's id, else the workspace id
            for (Layer layer : item.layers()) {
                for (Span s : layer.spans()) {
                    List<String> row = new ArrayList<>(List.of(id, item.document().title(), layer.annotator(),
                            LabelNames.name(labels, s.label()), Integer.toString(s.start()), Integer.toString(s.end()),
                            s.text(), s.note() == null ? "" : s.note()));
                    addValues(row, attributes, s.attributes());
                    csv.row(row);
                }
            }
        }
        csv.flush(); // not close: the caller owns out
    }

    /** The ids of every label's attributes, in scheme order, each once: one column each. */
    static List<String> attributeIds(Scheme scheme) {
        Set<String> ids = new LinkedHashSet<>();
        for (Label l : scheme.labels()) {
            l.attributes().forEach(a -> ids.add(a.id()));
        }
        return List.copyOf(ids);
    }

    static List<String> ids(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::id).toList();
    }

    /** One cell per column: the value's display form, or empty. */
    static void addValues(List<String> row, List<String> columns, Map<String, AttributeValue> values) {
        for (String column : columns) {
            AttributeValue v = values.get(column);
            row.add(v == null ? "" : v.display());
        }
    }
}
