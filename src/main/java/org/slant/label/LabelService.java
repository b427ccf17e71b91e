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
}
