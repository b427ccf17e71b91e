package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines in doccano's sequence-labelling shape: one line per (document, layer) with
 * {@code "label": [[start, end, "Label name"], ...]}. The label is the name, as doccano shows it.
 * Offsets are code points (Python's), while doccano itself counts UTF-16 units unless its project
 * counts grapheme clusters, so texts with emoji shift in doccano: see docs/formats.md.
 * A document without layers still gets a line (no "annotator", empty "label") so its text is in the set.
 * {@code "id"} is the id the document was imported with (a doccano id stays a number), else its workspace id.
 */
public final class JsonlWriter implements DatasetWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            String id = names.of(item.document(), name -> true);
            if (item.layers().isEmpty()) {
                writeLine(labels, item.document(), id, null, out);
            }
            for (Layer layer : item.layers()) {
                writeLine(labels, item.document(), id, layer, out);
            }
        }
        out.flush();
    }

    /** {@code id}: the dataset's id the document was imported with (as a number if it was one), else its workspace id. */
    private static void writeLine(Scheme labels, Document d, String id, Layer layer, OutputStream out) {
        List<Span> spans = layer == null ? List.of() : layer.spans();
        // one generator per line: a shared one would put its root separator at the start of each line
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("id");
            if (ExportNames.isDatasetId(d, id)) {
                SlantJson.writeDatasetId(g, d.source());
            } else {
                g.writeString(id);
            }
            g.writeStringProperty("title", d.title());
            g.writeStringProperty("text", d.text());
            g.writeName("label");
            g.writeStartArray();
            for (Span s : spans) {
                g.writeStartArray();
                g.writeNumber(s.start());
                g.writeNumber(s.end());
                g.writeString(LabelNames.name(labels, s.label()));
                g.writeEndArray();
            }
            g.writeEndArray();
            if (layer != null) {
                g.writeStringProperty("annotator", layer.annotator());
            }
            if (spans.stream().anyMatch(s -> s.note() != null)) {
                // keyed by the span's index in "label": unlike "start-end", unique when spans overlap
                g.writeName("notes");
                g.writeStartObject();
                for (int i = 0; i < spans.size(); i++) {
                    if (spans.get(i).note() != null) {
                        g.writeStringProperty(Integer.toString(i), spans.get(i).note());
                    }
                }
                g.writeEndObject();
            }
            SlantJson.writeSource(g, d.source(), !ExportNames.isDatasetId(d, id)); // else it is the line's "id"
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
