package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.Iterator;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;

/**
 * Slant JSON. One document is written exactly as {@link JsonExport} writes it ("slant-export/1"), so
 * the download of one document and the export of one document are the same file. Several documents
 * become one "slant-export-set/1" object: the label set once, then per document the same
 * {"document", "layers"} as a single export. Written as items arrive; only two are held at a time
 * (the first is kept until the second shows whether this is a set).
 */
public final class SlantJsonWriter implements DatasetWriter {

    public static final String SET_FORMAT = "slant-export-set/1";

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        Iterator<ExportItem> it = items.iterator();
        ExportItem first = it.hasNext() ? it.next() : null;
        if (first != null && !it.hasNext()) {
            new JsonExport().write(first.document(), labels, first.layers(), out);
            out.flush();
            return;
        }
        // set -> documents -> item -> layers -> layer -> spans -> span: one span per line, as in JsonExport
        try (JsonGenerator g = SlantJson.generator(out, 7)) {
            g.writeStartObject();
            g.writeStringProperty("format", SET_FORMAT);
            SlantJson.writeScheme(g, labels);
            g.writeName("documents");
            g.writeStartArray();
            if (first != null) {
                writeItem(g, first);
                while (it.hasNext()) {
                    writeItem(g, it.next());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeItem(JsonGenerator g, ExportItem item) {
        g.writeStartObject();
        g.writeName("document");
        g.writeStartObject();
        SlantJson.writeDocumentFields(g, item.document());
        g.writeEndObject();
        g.writeName("layers");
        g.writeStartArray();
        for (Layer layer : item.layers().stream().sorted(Comparator.comparing(Layer::annotator)).toList()) {
            SlantJson.writeExportLayer(g, layer);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
