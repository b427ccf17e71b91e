package org.slant.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.project.Project.DEFAULT_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.workspace.JsonWorkspace;

class SchemeEditorTest {

    @TempDir
    Path folder;
    LabelService labels;
    AnnotationService annotations;
    SchemeEditor editor;
    String doc;
    ProjectRegistry registry;
    DocumentService documents;

    @BeforeEach
    void setUp() {
        JsonWorkspace store = new JsonWorkspace(folder);
        documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        registry = new ProjectRegistry(store);
        labels = new LabelService(registry);
        annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        editor = new SchemeEditor(labels, annotations, registry);
        doc = documents.add(new Draft("Doc", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        annotations.create(doc, "alice", 13, 20, "sensational", false);
        annotations.create(doc, "alice", 13, 20, "opinion", false);
        annotations.create(doc, "bob", 13, 20, "sensational", false);
    }

    @Test
    void countsUsageAcrossLayers() {
        assertThat(editor.usage(DEFAULT_ID)).containsEntry("sensational", 2).containsEntry("opinion", 1);
    }

    @Test
    void addsAndChangesLabelsAndRefusesATakenHotkey() {
        editor.put(DEFAULT_ID, new Label("loaded", "Loaded language", "#123456", "7", "dotted", "Words with strong connotations."));
        assertThat(labels.labels(DEFAULT_ID).find("loaded")).isPresent();
        editor.put(DEFAULT_ID, new Label("loaded", "Loaded wording", "#123456", "7", "dotted", "Changed."));
        LabelService reloaded = new LabelService(new ProjectRegistry(new JsonWorkspace(folder)));
        assertThat(reloaded.labels(DEFAULT_ID).find("loaded").orElseThrow().name()).isEqualTo("Loaded wording");
        assertThatThrownBy(() -> editor.put(DEFAULT_ID, new Label("other", "Other", "#654321", "1", "solid", "")))
                .hasMessageContaining("Hotkey 1");
    }

    @Test
    void removingALabelRelabelsItsSpansAndDropsWhatWouldRepeat() {
        int changed = editor.remove(DEFAULT_ID, "sensational", "opinion");

        assertThat(changed).isEqualTo(2);
        assertThat(labels.labels(DEFAULT_ID).contains("sensational")).isFalse();
        // alice already had the same range as opinion: her relabelled span would repeat it, so it goes
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
        assertThat(annotations.layer(doc, "bob").spans()).extracting(Span::label).containsExactly("opinion");
        // and what is on disk reads back with the new label set
        assertThat(new JsonWorkspace(folder).find(doc, "bob").orElseThrow().spans().getFirst().label()).isEqualTo("opinion");
    }

    @Test
    void removingALabelCanDeleteItsSpans() {
        assertThat(editor.remove(DEFAULT_ID, "sensational", null)).isEqualTo(2);
        assertThat(annotations.layer(doc, "bob").spans()).isEmpty();
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
    }

    @Test
    void refusesAnUnknownReplacementAndTheLastLabel() {
        assertThatThrownBy(() -> editor.remove(DEFAULT_ID, "sensational", "nope")).hasMessageContaining("nope");
        assertThat(labels.labels(DEFAULT_ID).contains("sensational")).isTrue();
        editor.remove(DEFAULT_ID, "attribution", null);
        editor.remove(DEFAULT_ID, "fact", null);
        editor.remove(DEFAULT_ID, "opinion", "sensational");
        editor.remove(DEFAULT_ID, "source", null);
        editor.remove(DEFAULT_ID, "cue", null);
        assertThatThrownBy(() -> editor.remove(DEFAULT_ID, "sensational", null)).hasMessageContaining("last label");
    }

    @Test
    void eachProjectIsEditedOnItsOwnDocuments() {
        String other = documents.add(new Draft("Other", "Critics SLAMMED the minister."), Source.UNKNOWN).id();
        annotations.create(other, "alice", 8, 15, "sensational", false);
        registry.update(all -> {
            all.add(Project.create("study", "Study", Scheme.defaults(), "carol").withDocuments(List.of(other)));
            return all;
        });

        assertThat(editor.usage("study")).containsExactly(Map.entry("sensational", 1));
        assertThat(editor.usage(DEFAULT_ID)).containsEntry("sensational", 2);

        assertThat(editor.remove("study", "sensational", "fact")).isEqualTo(1);
        editor.put("study", new Label("loaded", "Loaded language", "#123456", "7", "dotted", ""));

        assertThat(labels.labels("study").contains("sensational")).isFalse();
        assertThat(labels.labels("study").contains("loaded")).isTrue();
        assertThat(labels.labels(DEFAULT_ID)).isEqualTo(Scheme.defaults());
        assertThat(annotations.layer(other, "alice").spans()).extracting(Span::label).containsExactly("fact");
        assertThat(annotations.layer(doc, "bob").spans()).extracting(Span::label).containsExactly("sensational");
    }
}
