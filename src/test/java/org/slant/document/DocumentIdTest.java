package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DocumentIdTest {

    @Test
    void slugOfDropsPunctuationAndLowerCases() {
        assertThat(DocumentId.slugOf("Trump HUMILIATED the nation!")).isEqualTo("trump-humiliated-the-nation");
        assertThat(DocumentId.slugOf("  Russia’s war: what now?!  ")).isEqualTo("russia-s-war-what-now");
        assertThat(DocumentId.slugOf("--A / B -- C--")).isEqualTo("a-b-c");
        assertThat(DocumentId.slugOf("79,000 drones")).isEqualTo("79-000-drones");
    }

    @Test
    void slugOfRemovesAccents() {
        assertThat(DocumentId.slugOf("Crème brûlée à Zürich")).isEqualTo("creme-brulee-a-zurich");
        assertThat(DocumentId.slugOf("Ａｌａｓｋａ summit")).isEqualTo("alaska-summit");
    }

    @Test
    void slugOfShortensLongTitlesWithoutATrailingHyphen() {
        String title = "The summit between the presidents in Alaska ended without any agreement on Ukraine";
        String slug = DocumentId.slugOf(title);

        assertThat(slug).hasSizeLessThanOrEqualTo(48).startsWith("the-summit-between").doesNotEndWith("-");
        assertThat(DocumentId.isValid(slug)).isTrue();
        // the cut lands right after a word: no dangling hyphen
        assertThat(DocumentId.slugOf("a".repeat(47) + " bcd")).isEqualTo("a".repeat(47));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "!!!", "💥🔥", "Путин", "---"})
    void slugOfTitleWithoutLatinLettersOrDigitsIsDocument(String title) {
        assertThat(DocumentId.slugOf(title)).isEqualTo("document");
    }

    @Test
    void slugOfAlwaysGivesAValidIdLeavingRoomForADuplicateSuffix() {
        Random random = new Random(7);
        String alphabet = "aZ9 -_./\\é’!?ß\u0301😀Ж";
        for (int i = 0; i < 2000; i++) {
            StringBuilder title = new StringBuilder();
            int n = random.nextInt(120);
            for (int k = 0; k < n; k++) {
                title.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
            }
            String slug = DocumentId.slugOf(title.toString());
            assertThat(DocumentId.isValid(slug)).as("slug %s of %s", slug, title).isTrue();
            assertThat(DocumentId.isValid(slug + "-999")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "A", "", " ", "a--b", "-a", "a-", "a b", "a/b", "a\\b", "x.json", "ünï", "a_b"})
    void requireRefusesWhatIsNotASlug(String id) {
        assertThatThrownBy(() -> DocumentId.require(id, "Document id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Document id must be a slug")
                .hasMessageContaining('"' + id + '"');
    }

    @Test
    void requireRefusesNullAndTooLongIds() {
        assertThatThrownBy(() -> DocumentId.require(null, "Annotator"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Annotator").hasMessageContaining("nothing");
        assertThatThrownBy(() -> DocumentId.require("a".repeat(65), "Annotator"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "peace-talks", "x2-y3-z4"})
    void requireAcceptsSlugs(String id) {
        assertThat(DocumentId.require(id, "Document id")).isEqualTo(id);
        assertThat(DocumentId.require("a".repeat(64), "Document id")).hasSize(64);
    }
}
