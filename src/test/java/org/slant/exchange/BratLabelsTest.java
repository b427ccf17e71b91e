package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.label.Label;
import org.slant.label.Scheme;

class BratLabelsTest {

    @Test
    void namesBecomeBratSafeTypes() {
        assertThat(Scheme.defaults().labels()).extracting(BratLabels::toBrat)
                .containsExactly("Sensational_framing", "Attribution", "Opinion", "Reported_fact", "Source", "Cue");
        assertThat(BratLabels.toBrat("Loaded language: «bias»/spin")).isEqualTo("Loaded_language___bias__spin");
    }

    @Test
    void typesMapBackToTheirLabel() {
        Scheme labels = Scheme.defaults();
        for (Label label : labels.labels()) {
            assertThat(BratLabels.fromBrat(BratLabels.toBrat(label), labels)).contains(label);
        }
        assertThat(BratLabels.fromBrat("sensational", labels)).contains(labels.find("sensational").orElseThrow());
        assertThat(BratLabels.fromBrat("reported_FACT", labels)).contains(labels.find("fact").orElseThrow());
        assertThat(BratLabels.fromBrat("Propaganda", labels)).isEmpty();
    }

    @Test
    void anExactTypeWinsOverACaseInsensitiveOne() {
        Scheme labels = new Scheme(List.of(new Label("a", "Spin", "#000000", null, null, null),
                new Label("b", "spin", "#111111", null, null, null)));

        assertThat(BratLabels.fromBrat("spin", labels).map(Label::id)).contains("b");
        assertThat(BratLabels.fromBrat("Spin", labels).map(Label::id)).contains("a");
    }
}
