package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.workspace.JsonWorkspace;

class LabelSetEditorTest {

    @TempDir
    Path folder;
    LabelService labels;
    AnnotationService annotations;
    LabelSetEditor editor;
    String doc;

    @BeforeEach
    void setUp() {
        JsonWorkspace store = new JsonWorkspace(folder);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        labels = new LabelService(store);
        annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        editor = new LabelSetEditor(labels, annotations, documents);
        doc = documents.add(new Draft("Doc", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        annotations.create(doc, "alice", 13, 20, "sensational", false);
        annotations.create(doc, "alice", 13, 20, "opinion", false);
        annotations.create(doc, "bob", 13, 20, "sensational", false);
    }

    @Test
    void countsUsageAcrossLayers() {
        assertThat(editor.usage()).containsEntry("sensational", 2).containsEntry("opinion", 1);
    }

    @Test
    void addsAndChangesLabelsAndRefusesATakenHotkey() {
        editor.put(new Label("loaded", "Loaded language", "#123456", "5", "dotted", "Words with strong connotations."));
        assertThat(labels.labels().find("loaded")).isPresent();
        editor.put(new Label("loaded", "Loaded wording", "#123456", "5", "dotted", "Changed."));
        assertThat(new LabelService(new JsonWorkspace(folder)).labels().find("loaded").orElseThrow().name())
                .isEqualTo("Loaded wording");
        assertThatThrownBy(() -> editor.put(new Label("other", "Other", "#654321", "1", "solid", "")))
                .hasMessageContaining("Hotkey 1");
    }

    @Test
    void removingALabelRelabelsItsSpansAndDropsWhatWouldRepeat() {
        int changed = editor.remove("sensational", "opinion");

        assertThat(changed).isEqualTo(2);
        assertThat(labels.labels().contains("sensational")).isFalse();
        // alice already had the same range as opinion: her relabelled span would repeat it, so it goes
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
        assertThat(annotations.layer(doc, "bob").spans()).extracting(Span::label).containsExactly("opinion");
        // and what is on disk reads back with the new label set
        assertThat(new JsonWorkspace(folder).find(doc, "bob").orElseThrow().spans().getFirst().label()).isEqualTo("opinion");
    }

    @Test
    void removingALabelCanDeleteItsSpans() {
        assertThat(editor.remove("sensational", null)).isEqualTo(2);
        assertThat(annotations.layer(doc, "bob").spans()).isEmpty();
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
    }

    @Test
    void refusesAnUnknownReplacementAndTheLastLabel() {
        assertThatThrownBy(() -> editor.remove("sensational", "nope")).hasMessageContaining("nope");
        assertThat(labels.labels().contains("sensational")).isTrue();
        editor.remove("attribution", null);
        editor.remove("fact", null);
        editor.remove("opinion", "sensational");
        assertThatThrownBy(() -> editor.remove("sensational", null)).hasMessageContaining("last label");
    }
}
