package org.slant.agreement;

import java.util.List;
import org.slant.annotation.Layer;

/**
 * The team's layers of one document (no gold, no majority, no students' exercise work) with the document's
 * text, whose sentences are the units of sentence-label agreement.
 */
public record TeamLayers(String text, List<Layer> layers) {

    public TeamLayers {
        java.util.Objects.requireNonNull(text, "text");
        layers = List.copyOf(layers);
    }

    /** The annotator's layer, or an empty one when they have none on this document (they marked nothing here). */
    Layer of(String annotator) {
        return layers.stream().filter(l -> l.annotator().equals(annotator)).findFirst()
                .orElseGet(() -> Layer.empty("none", annotator));
    }
}
