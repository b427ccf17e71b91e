package org.slant.exchange;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.slant.annotation.Layer;
import org.slant.document.Document;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;

/**
 * The "Slant JSON" export: one document with every annotator's layer and the label set, in one file,
 * so it can be analysed without the workspace. Same field layout as the workspace files (see
 * annotations/README.md); offsets are code points, so Python's {@code text[start:end]} is the span.
 */
public final class JsonExport {

    /** Writes UTF-8 JSON to {@code out}, which is flushed but left open. */
    public void write(Document document, Scheme labels, List<Layer> layers, OutputStream out) {
        for (Layer layer : layers) {
            if (!layer.documentId().equals(document.id())) {
                throw new IllegalArgumentException("Layer of " + layer.annotator() + " belongs to document "
                        + layer.documentId() + ", not " + document.id());
            }
        }
        // inline from depth 5: export -> layers -> layer -> spans -> span, one span per line
        try (JsonGenerator g = SlantJson.generator(out, 5)) {
            g.writeStartObject();
            g.writeStringProperty("format", SlantJson.EXPORT_FORMAT);
            g.writeName("document");
            g.writeStartObject();
            SlantJson.writeDocumentFields(g, document);
            g.writeEndObject();
            SlantJson.writeScheme(g, labels);
            g.writeName("layers");
            g.writeStartArray();
            for (Layer layer : layers.stream().sorted(Comparator.comparing(Layer::annotator)).toList()) {
                SlantJson.writeExportLayer(g, layer);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    public String toJson(Document document, Scheme labels, List<Layer> layers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(document, labels, layers, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
