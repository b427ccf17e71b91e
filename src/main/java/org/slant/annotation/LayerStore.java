package org.slant.annotation;

import java.util.List;
import java.util.Optional;

/** Storage port for layers: one file per (document, annotator). The workspace package implements it. */
public interface LayerStore {

    /** Empty when this annotator has no layer on the document yet. Throws WorkspaceException on a broken file. */
    Optional<Layer> find(String documentId, String annotator);

    /** All layers of a document, in annotator order. Throws WorkspaceException naming a broken file. */
    List<Layer> findAll(String documentId);

    /** Like {@link #findAll(String)}, for a caller that already holds the document (saves reading it again). */
    default List<Layer> findAll(org.slant.document.Document document) {
        return findAll(document.id());
    }

    /** Writes atomically (temp file, fsync, move); returns only once the layer is durable. */
    void save(Layer layer);
}
