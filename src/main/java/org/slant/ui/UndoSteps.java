package org.slant.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slant.annotation.LayerChange;

/** The edits a view can undo (spans, links, sentence labels, answers), newest first; the oldest fall off beyond {@value #DEPTH}. */
final class UndoSteps {

    static final int DEPTH = 200;

    private final Deque<LayerChange> steps = new ArrayDeque<>();

    void push(LayerChange change) {
        steps.push(change);
        while (steps.size() > DEPTH) {
            steps.removeLast();
        }
    }

    /** The newest step, taken off; null when there is none. */
    LayerChange poll() {
        return steps.poll();
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    void clear() {
        steps.clear();
    }
}
