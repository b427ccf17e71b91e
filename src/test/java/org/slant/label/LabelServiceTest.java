package org.slant.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.workspace.JsonWorkspace;

class LabelServiceTest {

    @TempDir
    Path folder;

    @Test
    void firstStartSavesTheDefaults() {
        LabelService service = new LabelService(new JsonWorkspace(folder));

        assertThat(service.labels()).isEqualTo(LabelSet.defaults());
        assertThat(new JsonWorkspace(folder).find()).contains(LabelSet.defaults());
    }

    @Test
    void storedLabelsAreUsedInsteadOfTheDefaults() {
        LabelSet custom = new LabelSet(List.of(new Label("loaded", "Loaded word", "#aa0000", "l", "dotted", "Emotive.")));
        new JsonWorkspace(folder).save(custom);

        LabelService service = new LabelService(new JsonWorkspace(folder));

        assertThat(service.labels()).isEqualTo(custom);
    }
}
