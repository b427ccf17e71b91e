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

    /**
     * The revision stored for this layer, 0 when there is none: a cheap way to tell whether a layer
     * read earlier is still the one stored. Throws WorkspaceException on a broken file.
     */
    default long revision(String documentId, String annotator) {
        return find(documentId, annotator).map(Layer::revision).orElse(0L);
    }

    /**
     * Writes atomically (temp file, fsync, move); returns only once the layer is durable. A
     * compare-and-set: only if the stored layer is still at {@code expectedRevision} (0 for a layer not
     * stored yet), checked and written as one step.
     *
     * @throws StaleLayerException when someone saved the layer since it was read at {@code expectedRevision}
     */
    void save(Layer layer, long expectedRevision);
}
