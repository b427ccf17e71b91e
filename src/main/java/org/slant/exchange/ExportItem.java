package org.slant.exchange;

import java.util.List;
import org.slant.annotation.Layer;
import org.slant.document.Document;

/** One document with the layers chosen for an export (each annotator's, gold, or a majority layer). */
public record ExportItem(Document document, List<Layer> layers) {

    public ExportItem {
        layers = List.copyOf(layers);
        for (Layer layer : layers) {
            if (!layer.documentId().equals(document.id())) {
                throw new IllegalArgumentException("Layer of " + layer.annotator() + " belongs to document "
                        + layer.documentId() + ", not " + document.id());
            }
        }
    }
}
