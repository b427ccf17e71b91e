package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;

/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection whose first AnnotationPage holds one
 * Annotation per span. The label is a "tagging" TextualBody (its name), the note a "commenting" one.
 * The target names the document as {@code urn:slant:document:{id}} (the id it was imported with, or its
 * workspace id; one that is an IRI itself is written as it is), and an annotation is
 * {@code urn:slant:{document}:{annotator}:{span id}} unless its span id is an IRI (a Web Annotation
 * import's own id), which is written as it is. The target carries a TextQuoteSelector
 * (exact text, up to 32 code points of prefix and suffix) and a TextPositionSelector whose start and
 * end count Unicode code points, as the Web Annotation Data Model requires (not UTF-16 units).
 */
public final class WebAnnotationWriter implements DatasetWriter {

    static final int CONTEXT = 32;

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        // collection -> page -> items -> annotation: one annotation per line
        try (JsonGenerator g = SlantJson.generator(out, 4)) {
            g.writeStartObject();
            g.writeStringProperty("@context", "http://www.w3.org/ns/anno.jsonld");
            g.writeStringProperty("id", "urn:slant:export");
            g.writeStringProperty("type", "AnnotationCollection");
            g.writeStringProperty("label", "Slant export");
            g.writeName("first");
            g.writeStartObject();
            g.writeStringProperty("id", "urn:slant:export:page-1");
            g.writeStringProperty("type", "AnnotationPage");
            g.writeName("items");
            g.writeStartArray();
            Iterable<ExportItem> all = items::iterator;
            ExportNames names = new ExportNames();
            java.util.Set<String> annotationIds = new java.util.HashSet<>();
            for (ExportItem item : all) {
                Document d = item.document();
                String name = names.of(d, n -> true);
                String source = isAbsoluteIri(name) ? name : "urn:slant:document:" + urnPart(name);
                CodePointIndex index = new CodePointIndex(d.text());
                for (Layer layer : item.layers()) {
                    for (Span s : layer.spans()) {
                        // an annotation imported from a Web Annotation file keeps its IRI; the others get a URN
                        String id = isAbsoluteIri(s.id()) && annotationIds.add(s.id()) ? s.id()
                                : "urn:slant:" + urnPart(name) + ":" + layer.annotator() + ":" + urnPart(s.id());
                        annotation(g, labels, d, source, id, index, layer, s);
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void annotation(JsonGenerator g, Scheme labels, Document d, String source, String id,
                                   CodePointIndex index, Layer layer, Span s) {
        g.writeStartObject();
        g.writeStringProperty("id", id);
        g.writeStringProperty("type", "Annotation");
        // "creator" is an IRI in the anno.jsonld context, so a bare name would read as a relative IRI
        g.writeName("creator");
        g.writeStartObject();
        g.writeStringProperty("id", "urn:slant:annotator:" + layer.annotator());
        g.writeStringProperty("type", "Person");
        g.writeStringProperty("nickname", layer.annotator());
        g.writeEndObject();
        g.writeStringProperty("created", SlantJson.iso(s.created()));
        g.writeStringProperty("modified", SlantJson.iso(s.updated()));
        g.writeName("body");
        g.writeStartArray();
        textualBody(g, "tagging", LabelNames.name(labels, s.label()));
        if (s.note() != null) {
            textualBody(g, "commenting", s.note());
        }
        g.writeEndArray();
        g.writeName("target");
        g.writeStartObject();
        g.writeStringProperty("source", source);
        g.writeName("selector");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("type", "TextQuoteSelector");
        g.writeStringProperty("exact", index.slice(d.text(), s.start(), s.end()));
        String prefix = index.slice(d.text(), Math.max(0, s.start() - CONTEXT), s.start());
        String suffix = index.slice(d.text(), s.end(), Math.min(index.codePointLength(), s.end() + CONTEXT));
        if (!prefix.isEmpty()) {
            g.writeStringProperty("prefix", prefix);
        }
        if (!suffix.isEmpty()) {
            g.writeStringProperty("suffix", suffix);
        }
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringProperty("type", "TextPositionSelector");
        g.writeNumberProperty("start", s.start());
        g.writeNumberProperty("end", s.end());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void textualBody(JsonGenerator g, String purpose, String value) {
        g.writeStartObject();
        g.writeStringProperty("type", "TextualBody");
        g.writeStringProperty("purpose", purpose);
        g.writeStringProperty("value", value);
        g.writeEndObject();
    }

    /**
     * An IRI with a scheme ({@code https://example.org/anno/1}, {@code urn:uuid:...}): what a Web Annotation
     * file names its annotations and documents by, and so an id worth giving back as it was.
     */
    static boolean isAbsoluteIri(String s) {
        return s.matches("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");
    }

    /** Span ids are free text: percent-encode what a URN may not hold (RFC 8141), ':' included. */
    static String urnPart(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
