package org.slant.teaching;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.label.AttributeValue;

/**
 * What a reference or a submission holds besides its spans (whose attributes travel with them): the links
 * between its spans, its sentence labels and its answers to the document questions. Frozen with the spans.
 */
public record Structure(List<Link> links, List<SentenceAnnotation> sentences, Map<String, AttributeValue> answers) {

    public static final Structure NONE = new Structure(List.of(), List.of(), Map.of());

    public Structure {
        links = links == null ? List.of() : links.stream().map(Objects::requireNonNull).toList();
        sentences = sentences == null ? List.of() : sentences.stream().map(Objects::requireNonNull)
                .filter(s -> !s.values().isEmpty()).sorted(java.util.Comparator.comparingInt(SentenceAnnotation::start)).toList();
        answers = answers == null || answers.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(answers));
    }

    /** A layer's structure, keeping only the links whose two ends are among {@code spans} (those copied with it). */
    public static Structure of(Layer layer, Collection<Span> spans) {
        return new Structure(linksAmong(layer.links(), spans), layer.sentences(), layer.answers());
    }

    /** The links whose two ends are among {@code spans}. */
    public static List<Link> linksAmong(List<Link> links, Collection<Span> spans) {
        Set<String> ids = new HashSet<>();
        spans.forEach(s -> ids.add(s.id()));
        return links.stream().filter(l -> ids.contains(l.from()) && ids.contains(l.to())).toList();
    }

    public boolean isEmpty() {
        return links.isEmpty() && sentences.isEmpty() && answers.isEmpty();
    }

    /** Refuses a link whose end is not one of {@code spans}, naming {@code whose} (an exercise, a submission). */
    void requireLinksAmong(Collection<Span> spans, String whose) {
        Set<String> ids = new HashSet<>();
        spans.forEach(s -> ids.add(s.id()));
        for (Link link : links) {
            for (String end : List.of(link.from(), link.to())) {
                if (!ids.contains(end)) {
                    throw new IllegalArgumentException(whose + ": link " + link.id() + " (" + link.type() + ") joins span "
                            + end + ", which is not among its spans");
                }
            }
        }
    }
}
