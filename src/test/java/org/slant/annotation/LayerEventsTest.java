package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class LayerEventsTest {

    @TempDir
    Path folder;

    static class Seen implements LayerEvents.Watcher {
        private final String name;
        final List<LayerEvents.LayerChanged> changes = new ArrayList<>();
        final List<List<String>> company = new ArrayList<>();

        Seen(String name) {
            this.name = name;
        }

        List<LayerEvents.LayerChanged> changes() {
            return changes;
        }

        List<List<String>> company() {
            return company;
        }

        @Override
        public String annotator() {
            return name;
        }

        @Override
        public void layerChanged(LayerEvents.LayerChanged change) {
            changes.add(change);
        }

        @Override
        public void watchersChanged(List<String> annotators) {
            company.add(annotators);
        }
    }

    @Test
    void everySaveIsToldToTheDocumentsWatchersOnly() {
        JsonWorkspace store = new JsonWorkspace(folder);
        LayerEvents events = new LayerEvents();
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(store));
        AnnotationService annotations = new AnnotationService(documents, labels, store, Clock.systemUTC(), events);
        String watched = documents.add(new Draft("Watched", "Officials said the talks failed."), Source.UNKNOWN).id();
        String other = documents.add(new Draft("Other", "Nothing to see here."), Source.UNKNOWN).id();
        Seen seen = new Seen("bob");
        Runnable stop = events.watch(watched, seen);

        SpanChange created = annotations.create(watched, "alice", 0, 14, "attribution", false);
        annotations.create(other, "alice", 0, 7, "fact", false);
        annotations.delete(watched, "alice", created.after().id());

        assertThat(seen.changes()).hasSize(2);
        assertThat(seen.changes().get(0).upserted()).extracting(Span::text).containsExactly("Officials said");
        assertThat(seen.changes().get(0).layer().revision()).isEqualTo(1);
        assertThat(seen.changes().get(1).removedIds()).containsExactly(created.after().id());

        stop.run();
        annotations.create(watched, "alice", 15, 24, "fact", false);
        assertThat(seen.changes()).hasSize(2);
    }

    @Test
    void watchersHearWhoElseIsLooking() {
        LayerEvents events = new LayerEvents();
        Seen bob = new Seen("bob");
        events.watch("doc", bob);
        Runnable carolLeaves = events.watch("doc", new Seen("carol"));
        assertThat(bob.company().getLast()).containsExactly("bob", "carol");
        carolLeaves.run();
        assertThat(bob.company().getLast()).containsExactly("bob");
        assertThat(events.watching("doc")).containsExactly("bob");
    }
}
