package org.slant.exchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping between Slant's records and JSON, shared by the workspace files and the Slant JSON
 * export, so the two cannot drift apart. Explicit field by field (no annotations on the records), so
 * the on-disk format only changes when this file does; annotations/README.md documents it.
 *
 * <p>Readers throw {@link IllegalArgumentException} with a message saying what is wrong where
 * ("line 3, column 1: ...", "span s12: end 900 is past the end of the text"); callers add the file name.
 */
public final class SlantJson {

    public static final String DOCUMENT_FORMAT = "slant-document/1";
    public static final String LAYER_FORMAT = "slant-layer/2";
    /** Layer files written before spans had attributes and layers had links, sentence labels and answers: read as they are. */
    public static final String LAYER_FORMAT_1 = "slant-layer/1";
    public static final String SCHEME_FORMAT = "slant-scheme/1";
    public static final String LABELS_FORMAT = "slant-labels/1";
    public static final String EXPORT_FORMAT = "slant-export/1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SlantJson() {
    }

    /**
     * A UTF-8 generator that indents the outer structure and writes objects nested {@code inlineDepth}
     * deep or deeper on one line (3 puts each span of a layer file on its own line). The caller closes
     * it, which flushes but does not close {@code out}.
     */
    public static JsonGenerator generator(OutputStream out, int inlineDepth) {
        return MAPPER.writer().with(new CompactLinesPrinter(inlineDepth))
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .createGenerator(out);
    }

    // ---- writing ----

    /** The fields of a document (id, title, text, source, created), inside an object the caller opened. */
    public static void writeDocumentFields(JsonGenerator g, Document d) {
        g.writeStringProperty("id", d.id());
        g.writeStringProperty("title", d.title());
        g.writeStringProperty("text", d.text());
        writeSource(g, d.source());
        g.writeStringProperty("created", iso(d.created()));
    }

    /** A "source" object property with the known fields; nothing when nothing is known. */
    public static void writeSource(JsonGenerator g, Source s) {
        if (s.outlet() != null || s.url() != null || s.published() != null) {
            g.writeName("source");
            g.writeStartObject();
            if (s.outlet() != null) {
                g.writeStringProperty("outlet", s.outlet());
            }
            if (s.url() != null) {
                g.writeStringProperty("url", s.url());
            }
            if (s.published() != null) {
                g.writeStringProperty("published", s.published().toString());
            }
            g.writeEndObject();
        }
    }

    /** A whole layer file's object (format, document, annotator, revision, spans). */
    public static void writeLayer(JsonGenerator g, Layer layer) {
        g.writeStartObject();
        g.writeStringProperty("format", LAYER_FORMAT);
        g.writeStringProperty("document", layer.documentId());
        g.writeStringProperty("annotator", layer.annotator());
        g.writeNumberProperty("revision", layer.revision());
        if (layer.saved() != null) {
            g.writeStringProperty("saved", iso(layer.saved()));
        }
        writeSpans(g, layer.spans());
        writeStructure(g, layer);
        g.writeEndObject();
    }

    /** A layer's "links", "sentences" and "answers" properties, each only when there is something in it. */
    public static void writeStructure(JsonGenerator g, Layer layer) {
        if (!layer.links().isEmpty()) {
            g.writeName("links");
            g.writeStartArray();
            for (Link l : layer.links()) {
                g.writeStartObject();
                g.writeStringProperty("id", l.id());
                g.writeStringProperty("type", l.type());
                g.writeStringProperty("from", l.from());
                g.writeStringProperty("to", l.to());
                g.writeStringProperty("author", l.author());
                g.writeStringProperty("created", iso(l.created()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!layer.sentences().isEmpty()) {
            g.writeName("sentences");
            g.writeStartArray();
            for (SentenceAnnotation s : layer.sentences()) {
                g.writeStartObject();
                g.writeNumberProperty("start", s.start());
                g.writeNumberProperty("end", s.end());
                g.writeStringProperty("text", s.text());
                writeValues(g, "values", s.values());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!layer.answers().isEmpty()) {
            writeValues(g, "answers", layer.answers());
        }
    }

    /** An object property of attribute values: string, array of strings, integer or boolean each. */
    public static void writeValues(JsonGenerator g, String name, Map<String, AttributeValue> values) {
        g.writeName(name);
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            g.writeName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void writeValue(JsonGenerator g, AttributeValue value) {
        switch (value) {
            case AttributeValue.Text t -> g.writeString(t.value());
            case AttributeValue.Choices c -> {
                g.writeStartArray();
                for (String v : c.values()) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
            case AttributeValue.Number n -> g.writeNumber(n.value());
            case AttributeValue.Flag f -> g.writeBoolean(f.value());
        }
    }

    /** When a layer file was last saved; null in files written before Slant recorded it. */
    public static Instant savedTime(JsonNode node) {
        String value = string(node, "saved", "", false);
        return value == null ? null : instant(value, "\"saved\"");
    }

    /** One layer inside an export: annotator, revision and spans. */
    public static void writeExportLayer(JsonGenerator g, Layer layer) {
        g.writeStartObject();
        g.writeStringProperty("annotator", layer.annotator());
        g.writeNumberProperty("revision", layer.revision());
        writeSpans(g, layer.spans());
        writeStructure(g, layer);
        g.writeEndObject();
    }

    /** A "spans" array property. */
    public static void writeSpans(JsonGenerator g, List<Span> spans) {
        g.writeName("spans");
        g.writeStartArray();
        for (Span s : spans) {
            g.writeStartObject();
            g.writeStringProperty("id", s.id());
            g.writeNumberProperty("start", s.start());
            g.writeNumberProperty("end", s.end());
            g.writeStringProperty("label", s.label());
            g.writeStringProperty("text", s.text());
            if (s.note() != null) {
                g.writeStringProperty("note", s.note());
            }
            if (!s.attributes().isEmpty()) {
                writeValues(g, "attributes", s.attributes());
            }
            g.writeStringProperty("author", s.author());
            g.writeStringProperty("created", iso(s.created()));
            g.writeStringProperty("updated", iso(s.updated()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The scheme's properties: "labels" (each with its "attributes"), and "links", "sentenceLabels" and
     * "documentQuestions" when the scheme has any.
     */
    public static void writeScheme(JsonGenerator g, Scheme scheme) {
        g.writeName("labels");
        g.writeStartArray();
        for (Label l : scheme.labels()) {
            g.writeStartObject();
            g.writeStringProperty("id", l.id());
            g.writeStringProperty("name", l.name());
            g.writeStringProperty("color", l.color());
            if (l.hotkey() != null) {
                g.writeStringProperty("hotkey", l.hotkey());
            }
            g.writeStringProperty("mark", l.mark());
            g.writeStringProperty("definition", l.definition());
            if (!l.attributes().isEmpty()) {
                writeAttributes(g, "attributes", l.attributes());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!scheme.linkTypes().isEmpty()) {
            g.writeName("links");
            g.writeStartArray();
            for (LinkType t : scheme.linkTypes()) {
                g.writeStartObject();
                g.writeStringProperty("id", t.id());
                g.writeStringProperty("name", t.name());
                writeStrings(g, "from", t.from());
                writeStrings(g, "to", t.to());
                g.writeBooleanProperty("role", t.role());
                if (t.role()) {
                    g.writeBooleanProperty("required", t.required());
                    g.writeBooleanProperty("multiple", t.multiple());
                }
                g.writeStringProperty("definition", t.definition());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!scheme.sentenceLabels().isEmpty()) {
            writeAttributes(g, "sentenceLabels", scheme.sentenceLabels());
        }
        if (!scheme.documentQuestions().isEmpty()) {
            writeAttributes(g, "documentQuestions", scheme.documentQuestions());
        }
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeAttributes(JsonGenerator g, String name, List<Attribute> attributes) {
        g.writeName(name);
        g.writeStartArray();
        for (Attribute a : attributes) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("name", a.name());
            g.writeStringProperty("type", a.kind().jsonName());
            if (!a.choices().isEmpty()) {
                g.writeName("values");
                g.writeStartArray();
                for (Choice c : a.choices()) {
                    g.writeStartObject();
                    g.writeStringProperty("id", c.id());
                    g.writeStringProperty("name", c.name());
                    if (c.hotkey() != null) {
                        g.writeStringProperty("hotkey", c.hotkey());
                    }
                    if (!c.definition().isEmpty()) {
                        g.writeStringProperty("definition", c.definition());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanProperty("multiple", a.multiple());
            }
            if (a.min() != null) {
                g.writeNumberProperty("min", a.min());
                g.writeNumberProperty("max", a.max());
            }
            g.writeBooleanProperty("required", a.required());
            g.writeStringProperty("definition", a.definition());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Exactly {@link Instant#toString()}, about ten times faster: two instants per span made the
     * JDK formatter the biggest cost of saving a 5,000-span layer.
     */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= 253_402_300_800L) { // outside 1970..9999: rare, let the JDK do it
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nano = instant.getNano();
        if (nano > 0) {
            // like ISO_INSTANT: 3, 6 or 9 fraction digits, as few as needed
            int digits;
            int value;
            if (nano % 1_000_000 == 0) {
                digits = 3;
                value = nano / 1_000_000;
            } else if (nano % 1_000 == 0) {
                digits = 6;
                value = nano / 1_000;
            } else {
                digits = 9;
                value = nano;
            }
            String fraction = Integer.toString(value);
            sb.append('.').repeat('0', digits - fraction.length()).append(fraction);
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    // ---- reading ----

    /** A streaming parser with the same settings, for reading one field without parsing a whole file. */
    public static tools.jackson.core.JsonParser parser(java.io.InputStream in) {
        return MAPPER.createParser(in);
    }

    /** Parses a whole file; syntax errors become "line L, column C: what". */
    public static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String what = firstLine(e.getOriginalMessage());
            if (what.startsWith("Trailing token")) {
                what = "more content after the end of the JSON value";
            }
            throw new IllegalArgumentException(where + "not valid JSON: " + what, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("the file holds no JSON value");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object at the top");
        }
        return root;
    }

    /** Checks the "format" field; a newer or foreign format is refused rather than half-read. */
    public static void requireFormat(JsonNode root, String expected) {
        String format = string(root, "format", "", true);
        if (!expected.equals(format)) {
            throw new IllegalArgumentException("unknown format \"" + format + "\", expected \"" + expected + '"');
        }
    }

    public static Document readDocument(JsonNode node) {
        String id = string(node, "id", "", true);
        Source source = Source.UNKNOWN;
        JsonNode s = node.get("source");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw new IllegalArgumentException("\"source\" must be an object");
            }
            String published = string(s, "published", "source", false);
            source = new Source(string(s, "outlet", "source", false), string(s, "url", "source", false),
                    published == null ? null : date(published, "source: \"published\""));
        }
        return new Document(id, string(node, "title", "", false), string(node, "text", "", true), source,
                instant(string(node, "created", "", true), "\"created\""));
    }

    /** Reads a "spans" array and checks every span against the document text it points into. */
    public static List<Span> readSpans(JsonNode node, String text) {
        JsonNode array = node.get("spans");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("\"spans\" must be an array");
        }
        CodePointIndex index = new CodePointIndex(text);
        List<Span> spans = new ArrayList<>(array.size());
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = "spans[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            String id = string(n, "id", where, true);
            where = "span " + id;
            int start = integer(n, "start", where);
            int end = integer(n, "end", where);
            String created = string(n, "created", where, true);
            String updated = string(n, "updated", where, false);
            Span span = new Span(id, start, end, string(n, "label", where, true), string(n, "text", where, true),
                    string(n, "note", where, false), string(n, "author", where, true),
                    instant(created, where + ": \"created\""),
                    updated == null ? null : instant(updated, where + ": \"updated\""),
                    readValues(n, "attributes", where));
            if (end > index.codePointLength()) {
                throw new IllegalArgumentException(where + ": end " + end + " is past the end of the text ("
                        + index.codePointLength() + " code points)");
            }
            String covered = index.slice(text, start, end);
            if (!covered.equals(span.text())) {
                throw new IllegalArgumentException(where + ": its text \"" + abbreviate(span.text())
                        + "\" differs from the document text at " + start + ".." + end + ": \"" + abbreviate(covered) + '"');
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + ": the id is used twice");
            }
            spans.add(span);
        }
        return spans;
    }

    /** The scheme in an object: "labels" (required), "links", "sentenceLabels", "documentQuestions" (optional). */
    public static Scheme readScheme(JsonNode node) {
        JsonNode array = node.get("labels");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("\"labels\" must be an array");
        }
        List<Label> labels = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = "labels[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            String id = string(n, "id", where, true);
            labels.add(new Label(id, string(n, "name", where, true),
                    string(n, "color", where, true), string(n, "hotkey", where, false),
                    string(n, "mark", where, false), string(n, "definition", where, false),
                    readAttributes(n, "attributes", "label " + id)));
        }
        List<LinkType> types = new ArrayList<>();
        JsonNode links = node.get("links");
        if (links != null && !links.isNull()) {
            if (!links.isArray()) {
                throw new IllegalArgumentException("\"links\" must be an array");
            }
            int k = 0;
            for (JsonNode n : links.values()) {
                String where = "links[" + k++ + "]";
                if (!n.isObject()) {
                    throw new IllegalArgumentException(where + ": expected an object");
                }
                try {
                    types.add(new LinkType(string(n, "id", where, true), string(n, "name", where, true),
                            strings(n, "from", where), strings(n, "to", where), n.path("role").asBoolean(false),
                            n.path("required").asBoolean(false), n.path("multiple").asBoolean(false),
                            string(n, "definition", where, false)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            return new Scheme(labels, types, readAttributes(node, "sentenceLabels", ""),
                    readAttributes(node, "documentQuestions", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the scheme: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : array.values()) {
            if (!v.isString()) {
                throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be an array of strings");
            }
            out.add(v.asString());
        }
        return out;
    }

    private static List<Attribute> readAttributes(JsonNode node, String field, String owner) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(prefix(owner) + '"' + field + "\" must be an array");
        }
        List<Attribute> attributes = new ArrayList<>();
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = (owner.isEmpty() ? "" : owner + ", ") + field + "[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            try {
                List<Choice> choices = new ArrayList<>();
                JsonNode values = n.get("values");
                if (values != null && !values.isNull()) {
                    if (!values.isArray()) {
                        throw new IllegalArgumentException("\"values\" must be an array");
                    }
                    for (JsonNode c : values.values()) {
                        choices.add(new Choice(string(c, "id", "value", true), string(c, "name", "value", true),
                                string(c, "hotkey", "value", false), string(c, "definition", "value", false)));
                    }
                }
                JsonNode min = n.get("min");
                JsonNode max = n.get("max");
                attributes.add(new Attribute(string(n, "id", "", true), string(n, "name", "", true),
                        AttributeKind.fromJson(string(n, "type", "", true)), choices, n.path("multiple").asBoolean(false),
                        min == null || min.isNull() ? null : min.asInt(), max == null || max.isNull() ? null : max.asInt(),
                        n.path("required").asBoolean(false), string(n, "definition", "", false)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return attributes;
    }

    /** An object of attribute values (string, array of strings, integer, boolean); empty when absent. */
    public static Map<String, AttributeValue> readValues(JsonNode node, String field, String where) {
        JsonNode object = node.get(field);
        if (object == null || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be an object");
        }
        Map<String, AttributeValue> values = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            values.put(e.getKey(), readValue(e.getValue(), prefix(where) + '"' + field + "\": \"" + e.getKey() + '"'));
        }
        return values;
    }

    /** One attribute value: a string, an array of strings, an integer or a boolean. */
    public static AttributeValue readValue(JsonNode v, String where) {
        try {
            if (v.isString()) {
                return new AttributeValue.Text(v.asString());
            }
            if (v.isBoolean()) {
                return new AttributeValue.Flag(v.asBoolean());
            }
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return new AttributeValue.Number(v.asInt());
            }
            if (v.isArray()) {
                List<String> choices = new ArrayList<>();
                for (JsonNode c : v.values()) {
                    if (!c.isString()) {
                        throw new IllegalArgumentException("a list of values must hold strings only");
                    }
                    choices.add(c.asString());
                }
                return new AttributeValue.Choices(choices);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(where + " must be a string, a list of strings, a whole number or true/false");
    }

    /** A layer's "links" array; every end is checked by the Layer constructor. */
    public static List<Link> readLinks(JsonNode node) {
        JsonNode array = node.get("links");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"links\" must be an array");
        }
        List<Link> links = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = "links[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            String id = string(n, "id", where, true);
            where = "link " + id;
            try {
                links.add(new Link(id, string(n, "type", where, true), string(n, "from", where, true),
                        string(n, "to", where, true), string(n, "author", where, true),
                        instant(string(n, "created", where, true), where + ": \"created\"")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage(), e);
            }
        }
        return links;
    }

    /** A layer's "sentences" array, each sentence's text checked against the document text. */
    public static List<SentenceAnnotation> readSentences(JsonNode node, String text) {
        JsonNode array = node.get("sentences");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"sentences\" must be an array");
        }
        CodePointIndex index = new CodePointIndex(text);
        List<SentenceAnnotation> sentences = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = "sentences[" + i++ + "]";
            int start = integer(n, "start", where);
            int end = integer(n, "end", where);
            if (start < 0 || end <= start || end > index.codePointLength()) {
                throw new IllegalArgumentException(where + ": " + start + "-" + end + " is not a range of the text (0-"
                        + index.codePointLength() + ")");
            }
            String covered = index.slice(text, start, end);
            String said = string(n, "text", where, true);
            if (!covered.equals(said)) {
                throw new IllegalArgumentException(where + ": its text \"" + abbreviate(said)
                        + "\" differs from the document text at " + start + ".." + end + ": \"" + abbreviate(covered) + '"');
            }
            sentences.add(new SentenceAnnotation(start, end, said, readValues(n, "values", where)));
        }
        return sentences;
    }

    /** A whole layer object (a layer file, an import): format 1 or 2, checked against the document text. */
    public static Layer readLayer(JsonNode node, String documentId, String annotator, String text) {
        String format = string(node, "format", "", true);
        if (!LAYER_FORMAT.equals(format) && !LAYER_FORMAT_1.equals(format)) {
            throw new IllegalArgumentException("unknown format \"" + format + "\", expected \"" + LAYER_FORMAT + '"');
        }
        long revision = longInteger(node, "revision", "");
        List<Span> spans = readSpans(node, text);
        return new Layer(documentId, annotator, revision, spans, readLinks(node), readSentences(node, text),
                readValues(node, "answers", ""), savedTime(node));
    }

    /** A string field; null when optional and absent (or JSON null). */
    public static String string(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(prefix(where) + '"' + field + "\" is missing");
            }
            return null;
        }
        if (!v.isString()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be a string");
        }
        return v.stringValue();
    }

    public static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be a whole number, got: " + v);
        }
        return v.intValue();
    }

    public static long longInteger(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(prefix(where) + '"' + field + "\" must be a whole number, got: " + v);
        }
        return v.longValue();
    }

    private static Instant instant(String value, String what) {
        Instant fast = parseIsoFast(value);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be an ISO-8601 instant like 2025-08-16T09:30:00Z, got: " + value, e);
        }
    }

    /**
     * The shape {@link #iso} writes, "2025-08-16T09:30:00Z" with an optional 1-9 digit fraction, parsed
     * without the JDK's general parser (two instants per span made it the biggest cost of reading a
     * large layer). Anything else returns null and goes to {@link Instant#parse}, which also reports errors.
     */
    static Instant parseIsoFast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nano = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nano = digits(s, 20, fractionDigits);
            for (int k = fractionDigits; k < 9 && nano >= 0; k++) {
                nano *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        if ((year | month | day | hour | minute | second | nano) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. 31 February: let Instant.parse word the error
        }
    }

    /** The decimal number in s[from, from+count), or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static LocalDate date(String value, String what) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date like 2025-08-16, got: " + value, e);
        }
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
