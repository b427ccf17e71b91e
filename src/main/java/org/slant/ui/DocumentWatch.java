package org.slant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.function.Consumer;
import org.slant.annotation.LayerEvents;

/**
 * A view's live subscription to one document: started (or moved) when the view shows a document, and
 * stopped when the view is detached. Callbacks run inside {@code ui.access}, pushed to the browser.
 */
final class DocumentWatch {

    private final LayerEvents events;
    private Runnable stop;

    DocumentWatch(Component view, LayerEvents events) {
        this.events = events;
        view.addDetachListener(e -> stop());
    }

    /** Watches {@code documentId} as {@code name}, replacing any earlier watch of this view. */
    void start(UI ui, String documentId, String name, Consumer<LayerEvents.LayerChanged> onChange,
               Consumer<List<String>> onCompany) {
        stop();
        stop = events.watch(documentId, new LayerEvents.Watcher() {
            @Override
            public String annotator() {
                return name;
            }

            @Override
            public void layerChanged(LayerEvents.LayerChanged change) {
                ui.access(() -> onChange.accept(change));
            }

            @Override
            public void watchersChanged(List<String> annotators) {
                ui.access(() -> onCompany.accept(annotators));
            }
        });
    }

    void stop() {
        if (stop != null) {
            stop.run();
            stop = null;
        }
    }
}
