package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import tools.jackson.core.JsonGenerator;

/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection whose first AnnotationPage holds the annotations:
 * <ul>
 *   <li>one per span, motivation {@code tagging}: the label is a "tagging" TextualBody (its name), the note a
 *       "commenting" one, and each attribute value a TextualBody {@code "attribute=value"} (choice, scale and
 *       yes/no with purpose "classifying", one body per value of a multiple choice; free text and entities with
 *       purpose "describing");</li>
 *   <li>one per link, motivation {@code linking}: its target the two span annotations' ids, from first, to
 *       second, and its type a "tagging" body (the link type's name);</li>
 *   <li>one per labelled sentence, motivation {@code classifying}, on the sentence's text range, a
 *       "classifying" body {@code "label=value"} each;</li>
 *   <li>one for the document's answers, motivation {@code assessing}, whose target is the document itself,
 *       a body {@code "question=value"} each.</li>
 * </ul>
 * The target names the document as {@code urn:slant:document:{id}} (the id it was imported with, or its
 * workspace id; one that is an IRI itself is written as it is), and a span's annotation is
 * {@code urn:slant:{document}:{annotator}:{span id}} unless its span id is an IRI (a Web Annotation
 * import's own id), which is written as it is; a link's is {@code ...:link:{id}}, a sentence's
 * {@code ...:sentence:{start}-{end}}, the answers' {@code ...:answers}. A range target carries a
 * TextQuoteSelector (exact text, up to 32 code points of prefix and suffix) and a TextPositionSelector
 * whose start and end count Unicode code points, as the Web Annotation Data Model requires (not UTF-16 units).
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
                    String prefix = "urn:slant:" + urnPart(name) + ":" + layer.annotator() + ":";
                    java.util.Map<String, String> ids = new java.util.HashMap<>();
                    for (Span s : layer.spans()) {
                        // an annotation imported from a Web Annotation file keeps its IRI; the others get a URN
                        String id = isAbsoluteIri(s.id()) && annotationIds.add(s.id()) ? s.id() : prefix + urnPart(s.id());
                        ids.put(s.id(), id);
                        annotation(g, labels, d, source, id, index, layer, s);
                    }
                    for (Link l : layer.links()) {
                        start(g, prefix + "link:" + urnPart(l.id()), "linking", layer, l.created(), null);
                        g.writeName("body");
                        g.writeStartArray();
                        textualBody(g, "tagging", labels.linkType(l.type()).map(LinkType::name).orElse(l.type()));
                        g.writeEndArray();
                        g.writeName("target");
                        g.writeStartArray();
                        g.writeString(ids.get(l.from()));
                        g.writeString(ids.get(l.to()));
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    java.time.Instant when = layer.lastChange().orElse(java.time.Instant.EPOCH);
                    for (SentenceAnnotation s : layer.sentences()) {
                        start(g, prefix + "sentence:" + s.start() + "-" + s.end(), "classifying", layer, when, null);
                        valueBodies(g, s.values(), labels.sentenceLabels());
                        rangeTarget(g, d, source, index, s.start(), s.end());
                        g.writeEndObject();
                    }
                    if (!layer.answers().isEmpty()) {
                        start(g, prefix + "answers", "assessing", layer, when, null);
                        valueBodies(g, layer.answers(), labels.documentQuestions());
                        g.writeStringProperty("target", source);
                        g.writeEndObject();
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

    /** An annotation's opening fields; the caller writes body and target and closes it. */
    private static void start(JsonGenerator g, String id, String motivation, Layer layer, java.time.Instant created,
                              java.time.Instant modified) {
        g.writeStartObject();
        g.writeStringProperty("id", id);
        g.writeStringProperty("type", "Annotation");
        g.writeStringProperty("motivation", motivation);
        // "creator" is an IRI in the anno.jsonld context, so a bare name would read as a relative IRI
        g.writeName("creator");
        g.writeStartObject();
        g.writeStringProperty("id", "urn:slant:annotator:" + layer.annotator());
        g.writeStringProperty("type", "Person");
        g.writeStringProperty("nickname", layer.annotator());
        g.writeEndObject();
        g.writeStringProperty("created", SlantJson.iso(created));
        if (modified != null) {
            g.writeStringProperty("modified", SlantJson.iso(modified));
        }
    }

    /** A "body" of one "id=value" TextualBody per value (per choice of a multiple choice). */
    private static void valueBodies(JsonGenerator g, java.util.Map<String, AttributeValue> values, List<Attribute> defined) {
        g.writeName("body");
        g.writeStartArray();
        writeValues(g, values, defined);
        g.writeEndArray();
    }

    private static void writeValues(JsonGenerator g, java.util.Map<String, AttributeValue> values, List<Attribute> defined) {
        for (var v : values.entrySet()) {
            AttributeKind kind = defined.stream().filter(a -> a.id().equals(v.getKey())).findFirst().map(Attribute::kind)
                    .orElse(null);
            boolean describing = kind == AttributeKind.TEXT || kind == AttributeKind.ENTITY;
            if (v.getValue() instanceof AttributeValue.Choices c) {
                for (String choice : c.values()) {
                    textualBody(g, "classifying", v.getKey() + "=" + choice);
                }
            } else {
                textualBody(g, describing ? "describing" : "classifying", v.getKey() + "=" + v.getValue().display());
            }
        }
    }

    private static void annotation(JsonGenerator g, Scheme labels, Document d, String source, String id,
                                   CodePointIndex index, Layer layer, Span s) {
        start(g, id, "tagging", layer, s.created(), s.updated());
        g.writeName("body");
        g.writeStartArray();
        textualBody(g, "tagging", LabelNames.name(labels, s.label()));
        if (s.note() != null) {
            textualBody(g, "commenting", s.note());
        }
        writeValues(g, s.attributes(), labels.find(s.label()).map(Label::attributes).orElse(List.of()));
        g.writeEndArray();
        rangeTarget(g, d, source, index, s.start(), s.end());
        g.writeEndObject();
    }

    /** A "target" of the document's range [start, end): its quote with context, and its code point position. */
    private static void rangeTarget(JsonGenerator g, Document d, String source, CodePointIndex index, int start, int end) {
        g.writeName("target");
        g.writeStartObject();
        g.writeStringProperty("source", source);
        g.writeName("selector");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("type", "TextQuoteSelector");
        g.writeStringProperty("exact", index.slice(d.text(), start, end));
        String prefix = index.slice(d.text(), Math.max(0, start - CONTEXT), start);
        String suffix = index.slice(d.text(), end, Math.min(index.codePointLength(), end + CONTEXT));
        if (!prefix.isEmpty()) {
            g.writeStringProperty("prefix", prefix);
        }
        if (!suffix.isEmpty()) {
            g.writeStringProperty("suffix", suffix);
        }
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringProperty("type", "TextPositionSelector");
        g.writeNumberProperty("start", start);
        g.writeNumberProperty("end", end);
        g.writeEndObject();
        g.writeEndArray();
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
