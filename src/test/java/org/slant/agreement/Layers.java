package org.slant.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.label.AttributeValue;

/** Small layers for the agreement tests: {@code layer("ann", 0, 10, "x", 5, 8, "y")}. */
final class Layers {

    static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    private Layers() {
    }

    /** Triples of start, end, label. */
    static Layer layer(String annotator, Object... startEndLabel) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < startEndLabel.length; i += 3) {
            int start = (Integer) startEndLabel[i];
            int end = (Integer) startEndLabel[i + 1];
            spans.add(new Span("s" + i, start, end, (String) startEndLabel[i + 2], "text", null, annotator, T0, T0));
        }
        return new Layer("doc", annotator, 1, spans);
    }

    /** A span with attributes (a map of attribute id to value, or of nothing). */
    static Span span(String id, int start, int end, String label, Map<String, AttributeValue> attributes) {
        return new Span(id, start, end, label, "text", null, "x", T0, T0, attributes);
    }

    static Link link(String id, String type, String from, String to) {
        return new Link(id, type, from, to, "x", T0);
    }

    /** A layer with spans, links, sentence labels and answers. */
    static Layer layer(String annotator, List<Span> spans, List<Link> links, List<SentenceAnnotation> sentences,
                       Map<String, AttributeValue> answers) {
        return new Layer("doc", annotator, 1, spans, links, sentences, answers, null);
    }

    static AttributeValue text(String value) {
        return new AttributeValue.Text(value);
    }

    static AttributeValue choices(String... ids) {
        return new AttributeValue.Choices(List.of(ids));
    }

    static AttributeValue number(int value) {
        return new AttributeValue.Number(value);
    }

    static AnnotatedText text(int length, Layer... layers) {
        return AnnotatedText.of(List.of(layers), length);
    }

    static LabelledRange range(int start, int end, String label) {
        return new LabelledRange(start, end, label);
    }
}
