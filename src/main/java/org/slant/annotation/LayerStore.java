package org.slant.annotation;

import java.util.List;
import java.util.Optional;

/** Storage port for layers: one file per (document, annotator). The workspace package implements it. */
public interface LayerStore {

    /** Empty when this annotator has no layer on the document yet. Throws WorkspaceException on a broken file. */
    Optional<Layer> find(String documentId, String annotator);

    /** All layers of a document, in annotator order. Throws WorkspaceException naming a broken file. */
    List<Layer> findAll(String documentId);

    /** Writes atomically (temp file, fsync, move); returns only once the layer is durable. */
    void save(Layer layer);
}
