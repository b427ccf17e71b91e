package org.slant.exchange;

import org.slant.label.Label;
import org.slant.label.Scheme;

/** Label ids to the names the exports show; a span whose label is not in the set keeps its id. */
final class LabelNames {

    private LabelNames() {
    }

    static String name(Scheme labels, String labelId) {
        return labels.find(labelId).map(Label::name).orElse(labelId);
    }
}
