package org.slant.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.project.Project.DEFAULT_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.Project;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class LabelServiceTest {

    static final Scheme CUSTOM = new Scheme(List.of(new Label("loaded", "Loaded word", "#aa0000", "l", "dotted", "Emotive.")));

    @TempDir
    Path folder;

    @Test
    void firstStartGivesTheDefaultProjectTheDefaultsAndStoresThemWithTheFirstChange() {
        LabelService service = new LabelService(new ProjectRegistry(new JsonWorkspace(folder)));

        assertThat(service.labels(DEFAULT_ID)).isEqualTo(Scheme.defaults());
        assertThat(new JsonWorkspace(folder).findAll()).as("reading writes nothing (an export, import --check)").isEmpty();
        service.replace(DEFAULT_ID, CUSTOM);
        assertThat(new JsonWorkspace(folder).findAll()).singleElement()
                .satisfies(p -> assertThat(p.labels()).isEqualTo(CUSTOM));
    }

    @Test
    void aLabelSetFromBeforeProjectsBecomesTheDefaultProjects() {
        new JsonWorkspace(folder).save(CUSTOM);

        LabelService service = new LabelService(new ProjectRegistry(new JsonWorkspace(folder)));

        assertThat(service.labels(DEFAULT_ID)).isEqualTo(CUSTOM);
        assertThat(service.labelsFor("any-document")).isEqualTo(CUSTOM);
    }

    @Test
    void eachProjectHasItsOwnSetAndADocumentGetsItsProjects() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        DocumentService documents = new DocumentService(workspace, Clock.systemUTC(), 1 << 20);
        String listed = documents.add(new Draft("Listed", "In the other project."), Source.UNKNOWN).id();
        String loose = documents.add(new Draft("Loose", "In the default project."), Source.UNKNOWN).id();
        ProjectRegistry registry = new ProjectRegistry(workspace);
        registry.update(all -> {
            all.add(Project.create("other", "Other", Scheme.defaults(), "cat").withDocuments(List.of(listed)));
            return all;
        });
        LabelService service = new LabelService(registry);

        service.replace("other", CUSTOM);

        assertThat(service.labels("other")).isEqualTo(CUSTOM);
        assertThat(service.labels(DEFAULT_ID)).isEqualTo(Scheme.defaults());
        assertThat(service.labelsFor(listed)).isEqualTo(CUSTOM);
        assertThat(service.labelsFor(loose)).isEqualTo(Scheme.defaults());
        assertThat(new LabelService(new ProjectRegistry(new JsonWorkspace(folder))).labels("other")).isEqualTo(CUSTOM);
        // an export over both: every label once, the later one without the hotkey another already has
        assertThat(service.labelsForAll(List.of(loose, listed)).labels()).extracting(Label::id)
                .containsExactly("sensational", "attribution", "opinion", "fact", "source", "cue", "loaded");
        assertThatThrownBy(() -> service.labels("nope")).hasMessageContaining("no project \"nope\"");
    }
}
