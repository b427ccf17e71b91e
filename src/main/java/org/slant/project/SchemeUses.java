package org.slant.project;

import java.util.Map;
import org.slant.label.AttributePlace;

/**
 * What the project's layers (all documents, every layer) hold of each part of its scheme: spans per label,
 * values per attribute (span attributes, sentence labels, document answers) and per choice, links per type.
 * What a scheme edit must account for before a part goes.
 */
public record SchemeUses(Map<String, Integer> spans, Map<String, Integer> values, Map<String, Integer> choices,
                         Map<String, Integer> links) {

    public SchemeUses {
        spans = Map.copyOf(spans);
        values = Map.copyOf(values);
        choices = Map.copyOf(choices);
        links = Map.copyOf(links);
    }

    /** Spans with the label. */
    public int spans(String labelId) {
        return spans.getOrDefault(labelId, 0);
    }

    /** Spans, sentences or answers that give the attribute a value. */
    public int values(AttributePlace place, String attributeId) {
        return values.getOrDefault(key(place, attributeId), 0);
    }

    /** Those whose value names the choice. */
    public int choice(AttributePlace place, String attributeId, String choiceId) {
        return choices.getOrDefault(key(place, attributeId) + "/" + choiceId, 0);
    }

    /** Links of the type. */
    public int links(String typeId) {
        return links.getOrDefault(typeId, 0);
    }

    static String key(AttributePlace place, String attributeId) {
        return place.key() + "/" + attributeId;
    }
}
