package org.slant.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;

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

    static AnnotatedText text(int length, Layer... layers) {
        return AnnotatedText.of(List.of(layers), length);
    }

    static LabelledRange range(int start, int end, String label) {
        return new LabelledRange(start, end, label);
    }
}
