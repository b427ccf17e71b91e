package org.slant.annotation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells everyone looking at a document what changed in its layers, and who else is looking. Views
 * subscribe while they are open; listeners run on the saving thread and must hand the work to their
 * own UI (Vaadin: {@code ui.access}).
 */
@Component
public class LayerEvents {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LayerEvents.class);

    /** What a save changed in one layer; {@code layer} is the saved state. */
    public record LayerChanged(Layer layer, List<Span> upserted, List<String> removedIds) {
    }

    /** One open view of a document: who, and how to tell it about changes and company. */
    public interface Watcher {

        String annotator();

        void layerChanged(LayerChanged change);

        void watchersChanged(List<String> annotators);
    }

    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();

    /** Starts telling {@code watcher} about {@code documentId}; run the returned action to stop. */
    public Runnable watch(String documentId, Watcher watcher) {
        watchers.computeIfAbsent(documentId, k -> new CopyOnWriteArrayList<>()).add(watcher);
        announcePresence(documentId);
        return () -> {
            List<Watcher> list = watchers.get(documentId);
            if (list != null) {
                list.remove(watcher);
                announcePresence(documentId);
            }
        };
    }

    /** Who has the document open right now (each name once, sorted). */
    public List<String> watching(String documentId) {
        return watchers.getOrDefault(documentId, List.of()).stream().map(Watcher::annotator).distinct().sorted().toList();
    }

    void publish(LayerChanged change) {
        for (Watcher w : watchers.getOrDefault(change.layer().documentId(), List.of())) {
            try {
                w.layerChanged(change);
            } catch (RuntimeException e) {
                // one broken view must not stop the others from hearing about the change
                LOG.warn("A watcher of {} failed on a layer change", change.layer().documentId(), e);
            }
        }
    }

    private void announcePresence(String documentId) {
        List<String> names = watching(documentId);
        for (Watcher w : watchers.getOrDefault(documentId, List.of())) {
            try {
                w.watchersChanged(names);
            } catch (RuntimeException e) {
                // as above
                LOG.warn("A watcher of {} failed on a presence change", documentId, e);
            }
        }
    }
}
