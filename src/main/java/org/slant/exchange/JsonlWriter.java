package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.AttributeValue;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines in doccano's relation layout: one line per (document, layer) with
 * {@code "entities": [{"id", "label", "start_offset", "end_offset"}]} and
 * {@code "relations": [{"id", "from_id", "to_id", "type"}]}. Labels and link types are their names, as
 * doccano shows them; a role link (an Attribution's source) is a relation from the anchor to the filler.
 * An entity also carries its {@code "note"} and {@code "attributes"} (attribute id to value, as in Slant
 * JSON), a line its document's answers as fields named by question id (a question id that is one of the
 * line's own fields goes into {@code "answers"}) and its sentence labels in {@code "sentences"}: fields
 * doccano keeps as metadata. Offsets are code points (Python's), while doccano itself counts UTF-16 units
 * unless its project counts grapheme clusters, so texts with emoji shift in doccano: see docs/formats.md.
 * A document without layers still gets a line (no "annotator", no entities) so its text is in the set.
 * {@code "id"} is the id the document was imported with (a doccano id stays a number), else its workspace id;
 * span and link ids that are whole numbers (a doccano entity id) are written as numbers.
 */
public final class JsonlWriter implements DatasetWriter {

    /** The line's own fields: an answer to a question of one of these ids goes into "answers". */
    static final Set<String> FIELDS = Set.of("id", "title", "text", "entities", "relations", "annotator", "sentences",
            "answers", "source", "label", "labels", "notes", "meta", "Comments");

    private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        Map<String, String> labelNames = new java.util.HashMap<>();
        labels.labels().forEach(l -> labelNames.put(l.id(), l.name()));
        Map<String, String> typeNames = new java.util.HashMap<>();
        labels.linkTypes().forEach(t -> typeNames.put(t.id(), t.name()));
        for (ExportItem item : all) {
            String id = names.of(item.document(), name -> true);
            if (item.layers().isEmpty()) {
                writeLine(labelNames, typeNames, item.document(), id, null, out);
            }
            for (Layer layer : item.layers()) {
                writeLine(labelNames, typeNames, item.document(), id, layer, out);
            }
        }
        out.flush();
    }

    /** {@code id}: the dataset's id the document was imported with (as a number if it was one), else its workspace id. */
    private static void writeLine(Map<String, String> labelNames, Map<String, String> typeNames, Document d, String id,
                                  Layer layer, OutputStream out) {
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
            g.writeName("entities");
            g.writeStartArray();
            for (Span s : spans) {
                g.writeStartObject();
                g.writeName("id");
                writeId(g, s.id());
                g.writeStringProperty("label", labelNames.getOrDefault(s.label(), s.label()));
                g.writeNumberProperty("start_offset", s.start());
                g.writeNumberProperty("end_offset", s.end());
                if (s.note() != null) {
                    g.writeStringProperty("note", s.note());
                }
                if (!s.attributes().isEmpty()) {
                    SlantJson.writeValues(g, "attributes", s.attributes());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("relations");
            g.writeStartArray();
            if (layer != null) {
                for (Link l : layer.links()) {
                    g.writeStartObject();
                    g.writeName("id");
                    writeId(g, l.id());
                    g.writeName("from_id");
                    writeId(g, l.from());
                    g.writeName("to_id");
                    writeId(g, l.to());
                    g.writeStringProperty("type", typeNames.getOrDefault(l.type(), l.type()));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            if (layer != null) {
                g.writeStringProperty("annotator", layer.annotator());
                writeStructure(g, layer);
            }
            SlantJson.writeSource(g, d.source(), !ExportNames.isDatasetId(d, id)); // else it is the line's "id"
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** Sentence labels in "sentences", answers as fields of their own (or in "answers" if the name is taken). */
    private static void writeStructure(JsonGenerator g, Layer layer) {
        if (!layer.sentences().isEmpty()) {
            SlantJson.writeSentences(g, layer.sentences()); // as in Slant JSON
        }
        Map<String, AttributeValue> taken = new java.util.TreeMap<>();
        for (var a : layer.answers().entrySet()) {
            if (FIELDS.contains(a.getKey())) {
                taken.put(a.getKey(), a.getValue());
            } else {
                g.writeName(a.getKey());
                SlantJson.writeValue(g, a.getValue());
            }
        }
        if (!taken.isEmpty()) {
            SlantJson.writeValues(g, "answers", taken);
        }
    }

    /** An id that is a whole number (a doccano entity id imported as "5") goes back as the number it was. */
    private static void writeId(JsonGenerator g, String id) {
        if (isWholeNumber(id)) {
            g.writeNumber(Long.parseLong(id));
        } else {
            g.writeString(id);
        }
    }

    /** Like {@link Source#isInteger} for up to 18 digits, without a regular expression: it runs for every span. */
    static boolean isWholeNumber(String s) {
        int n = s.length();
        int first = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == first || n - first > 18 || (s.charAt(first) == '0' && (n - first > 1 || first == 1))) {
            return false;
        }
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
