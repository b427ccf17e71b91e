package org.slant.ui.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.annotation.MissingPart;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.Sentences;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.ui.SpanAnnotator.LinkView;
import org.slant.ui.SpanAnnotator.SentenceView;
import org.slant.ui.SpanAnnotator.SpanDecoration;

/** What the annotator element draws of a layer's structure: badges and incomplete marks, links, sentence tags. */
public final class StructureDrawing {

    private StructureDrawing() {
    }

    /** Each span's badge (its values, short) and whether a required part of it is missing; spans with neither left out. */
    public static Map<String, SpanDecoration> decorations(Layer layer, Scheme scheme, List<MissingPart> missing) {
        Set<String> incomplete = new HashSet<>();
        missing.forEach(m -> {
            if (m.spanId() != null) {
                incomplete.add(m.spanId());
            }
        });
        Map<String, SpanDecoration> out = new HashMap<>();
        for (Span s : layer.spans()) {
            Label label = scheme.find(s.label()).orElse(null);
            String badge = label == null || s.attributes().isEmpty() ? null : ValueText.badge(label.attributes(), s.attributes());
            if (badge != null || incomplete.contains(s.id())) {
                out.put(s.id(), new SpanDecoration(badge, incomplete.contains(s.id())));
            }
        }
        return out;
    }

    public static List<LinkView> links(Layer layer, Scheme scheme) {
        List<LinkView> out = new ArrayList<>(layer.links().size());
        layer.links().forEach(l -> out.add(new LinkView(l.id(), l.type(), l.from(), l.to(),
                scheme.linkType(l.type()).map(LinkType::name).orElse(l.type()))));
        return out;
    }

    /** A gutter marker per sentence when the scheme has sentence labels (none otherwise), tagged with its values. */
    public static List<SentenceView> sentences(List<Sentences.Sentence> sentences, Layer layer, Scheme scheme) {
        if (scheme.sentenceLabels().isEmpty()) {
            return List.of();
        }
        Map<Integer, SentenceAnnotation> labelled = new HashMap<>();
        layer.sentences().forEach(s -> labelled.put(s.start(), s));
        List<SentenceView> out = new ArrayList<>(sentences.size());
        for (Sentences.Sentence s : sentences) {
            SentenceAnnotation a = labelled.get(s.start());
            String tag = a == null ? null : ValueText.tag(scheme.sentenceLabels(), a.values());
            String title = a == null || a.values().isEmpty() ? "No sentence labels yet: click to label"
                    : ValueText.describe(scheme.sentenceLabels(), a.values());
            out.add(new SentenceView(s.start(), s.end(), tag, title));
        }
        return out;
    }
}
