package org.slant.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.slant.label.LinkType;
import org.junit.jupiter.api.Test;

class SchemeTest {

    private static Label label(String id, String hotkey) {
        return new Label(id, id, "#123456", hotkey, "solid", "");
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> new Scheme(List.of(label("fact", "1"), label("fact", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fact").hasMessageContaining("twice");
    }

    @Test
    void duplicateHotkeysAreRefused() {
        assertThatThrownBy(() -> new Scheme(List.of(label("fact", "1"), label("opinion", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Hotkey 1");
    }

    @Test
    void severalLabelsWithoutHotkeyAreFine() {
        assertThat(new Scheme(List.of(label("fact", null), label("opinion", null))).labels()).hasSize(2);
    }

    @Test
    void emptySetIsRefused() {
        assertThatThrownBy(() -> new Scheme(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void labelsAreCopiedAndKeepTheirOrder() {
        List<Label> list = new ArrayList<>(List.of(label("b", "1"), label("a", "2")));
        Scheme set = new Scheme(list);
        list.clear();

        assertThat(set.labels()).extracting(Label::id).containsExactly("b", "a");
        assertThatThrownBy(() -> set.labels().add(label("c", "3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findAndContainsLookUpById() {
        Scheme set = new Scheme(List.of(label("fact", "1")));

        assertThat(set.contains("fact")).isTrue();
        assertThat(set.contains("Fact")).isFalse();
        assertThat(set.find("fact")).map(Label::hotkey).contains("1");
        assertThat(set.find("opinion")).isEmpty();
    }

    @Test
    void defaultsAreTheFourMediaBiasLabelsOnKeysOneToFourAndAnAttributionsSourceAndCue() {
        Scheme defaults = Scheme.defaults();

        assertThat(defaults.labels()).extracting(Label::id)
                .containsExactly("sensational", "attribution", "opinion", "fact", "source", "cue");
        assertThat(defaults.labels()).extracting(Label::hotkey).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(defaults.labels()).allSatisfy(l -> assertThat(l.definition()).isNotBlank());
        // five underline styles for six labels: the four main labels differ, and so do an attribution's parts
        assertThat(defaults.labels().subList(0, 4)).extracting(Label::mark).doesNotHaveDuplicates();
        assertThat(java.util.List.of("attribution", "source", "cue")).extracting(id -> defaults.find(id).orElseThrow().mark())
                .doesNotHaveDuplicates();
        assertThat(defaults.labels()).extracting(Label::color).doesNotHaveDuplicates();
        // an attribution is complete with its source and cue linked to it, each a role of the attribution
        assertThat(defaults.rolesOf("attribution")).extracting(LinkType::id).containsExactly("source", "cue");
        assertThat(defaults.linkType("source").orElseThrow().fits("attribution", "source")).isTrue();
        assertThat(defaults.linkType("source").orElseThrow().fits("attribution", "cue")).isFalse();
        assertThat(defaults.linkTypes()).allSatisfy(t -> assertThat(t.definition()).isNotBlank());
    }
}
