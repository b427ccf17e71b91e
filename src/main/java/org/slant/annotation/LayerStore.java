package org.slant.annotation;

import java.util.List;
import java.util.Optional;

/** Storage port for layers: one file per (document, annotator). The workspace package implements it. */
public interface LayerStore {

    /** Empty when this annotator has no layer on the document yet. Throws WorkspaceException on a broken file. */
    Optional<Layer> find(String documentId, String annotator);

    /**
     * The readable layers of a document, in annotator order, and one message per layer file that cannot
     * be read (naming the file, with line and column for a parse error), so one broken layer leaves the
     * others usable. Throws StorageException only when the document's layers cannot be listed at all.
     */
    LayerListing readAll(String documentId);

    /** Like {@link #readAll(String)}, for a caller that already holds the document (saves reading it again). */
    default LayerListing readAll(org.slant.document.Document document) {
        return readAll(document.id());
    }

    /** All layers of a document, in annotator order; StorageException naming the first broken file if any. */
    default List<Layer> findAll(String documentId) {
        return readAll(documentId).orThrow();
    }

    /** Like {@link #findAll(String)}, for a caller that already holds the document. */
    default List<Layer> findAll(org.slant.document.Document document) {
        return readAll(document).orThrow();
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

    /**
     * A layer file that cannot be read: whose it is (from the file name; null when the name is not a
     * valid annotator id) and what is wrong, naming the file.
     */
    record Unreadable(String annotator, String problem) {
    }

    /** The layers that could be read, and what is wrong with each that could not. */
    record LayerListing(List<Layer> layers, List<Unreadable> unreadable) {

        public LayerListing {
            layers = List.copyOf(layers);
            unreadable = List.copyOf(unreadable);
        }

        /** One message per unreadable layer file. */
        public List<String> problems() {
            return unreadable.stream().map(Unreadable::problem).toList();
        }

        /** The messages about the unreadable layers of the annotators {@code include} accepts (files without one included). */
        public List<String> problems(java.util.function.Predicate<String> include) {
            return unreadable.stream().filter(u -> u.annotator() == null || include.test(u.annotator()))
                    .map(Unreadable::problem).toList();
        }

        /** The layers, or a StorageException with the first problem when there is one. */
        public List<Layer> orThrow() {
            if (!unreadable.isEmpty()) {
                throw new org.slant.storage.StorageException(unreadable.getFirst().problem());
            }
            return layers;
        }
    }
}
