package org.slant.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slant.annotation.SpanChange;

/** The edits a view can undo, newest first; the oldest fall off beyond {@value #DEPTH}. */
final class UndoSteps {

    static final int DEPTH = 200;

    private final Deque<SpanChange> steps = new ArrayDeque<>();

    void push(SpanChange change) {
        steps.push(change);
        while (steps.size() > DEPTH) {
            steps.removeLast();
        }
    }

    /** The newest step, taken off; null when there is none. */
    SpanChange poll() {
        return steps.poll();
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    void clear() {
        steps.clear();
    }
}
