package org.slant.label;

import org.springframework.stereotype.Service;

/** The workspace's label set: stored in the workspace, the default four on first start. */
@Service
public class LabelService {

    private final LabelStore store;
    private volatile LabelSet labels;

    public LabelService(LabelStore store) {
        this.store = store;
    }

    public LabelSet labels() {
        LabelSet current = labels;
        if (current == null) {
            synchronized (this) {
                if (labels == null) {
                    labels = store.find().orElseGet(() -> {
                        LabelSet defaults = LabelSet.defaults();
                        store.save(defaults);
                        return defaults;
                    });
                }
                current = labels;
            }
        }
        return current;
    }

    /**
     * Stores a new label set. Callers that may drop a label in use go through
     * {@code org.slant.annotation.LabelSetEditor}, which decides first what happens to its spans.
     */
    public synchronized void replace(LabelSet updated) {
        labels(); // make sure the current set is loaded (and stored) before replacing it
        store.save(updated);
        labels = updated;
    }
}
