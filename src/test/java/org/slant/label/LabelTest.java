package org.slant.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LabelTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"red", "#12345", "#1234567", "#gggggg", "123456", " #123456"})
    void badColourIsRefused(String color) {
        assertThatThrownBy(() -> new Label("fact", "Fact", color, "4", "solid", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fact").hasMessageContaining("colour");
    }

    @Test
    void twoCharacterHotkeyIsRefused() {
        assertThatThrownBy(() -> new Label("fact", "Fact", "#2b8a3e", "12", "solid", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hotkey").hasMessageContaining("12");
    }

    @Test
    void hotkeyIsOneCodePointSoAnEmojiKeyIsAccepted() {
        assertThat(new Label("fact", "Fact", "#2b8a3e", "𝔘", "solid", "").hotkey()).isEqualTo("𝔘");
    }

    @Test
    void emptyHotkeyMeansNone() {
        assertThat(new Label("fact", "Fact", "#2b8a3e", "", "solid", "").hotkey()).isNull();
        assertThat(new Label("fact", "Fact", "#2b8a3e", null, "solid", "").hotkey()).isNull();
    }

    @Test
    void unknownMarkIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> new Label("fact", "Fact", "#2b8a3e", "4", "zigzag", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zigzag").hasMessageContaining("wavy");
    }

    @Test
    void missingMarkIsSolidAndMissingDefinitionIsEmpty() {
        Label label = new Label("fact", " Fact ", "#2B8A3E", "4", null, null);

        assertThat(label.mark()).isEqualTo("solid");
        assertThat(label.definition()).isEmpty();
        assertThat(label.name()).isEqualTo("Fact");
        assertThat(label.color()).isEqualTo("#2B8A3E");
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> new Label("fact", " ", "#2b8a3e", "4", "solid", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fact", "../fact", "", "reported fact"})
    void idMustBeASlug(String id) {
        assertThatThrownBy(() -> new Label(id, "Fact", "#2b8a3e", "4", "solid", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Label id");
    }
}
