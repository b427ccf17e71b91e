package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Annotating without a mouse: only real key presses reach the page (no script sets a selection, nothing
 * is clicked). Scripts only read what the page shows.
 */
class KeyboardAnnotationIT extends BrowserTestBase {

    static final String TEXT = "Talks 😀 stall\n"
            + "Officials said the summit was a DISASTER. Critics called it \"a cruel auction\" on Tuesday.\n"
            + "The 🚀 envoy left early.";

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    @Test
    void tabIntoTheArticleSelectWithShiftArrowsAndTheSentenceKeyThenLabelRelabelAndDelete() {
        String id = documents.add(new Draft("Keyboard test", TEXT), Source.UNKNOWN).id();
        openDocument(id);

        // Tab from the top of the page until the article has the focus
        for (int i = 0; i < 40 && !annotatorFocused(); i++) {
            keys(Keys.TAB);
        }
        assertThat(annotatorFocused()).as("Tab reaches the article").isTrue();
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        assertThat(caretShown()).isTrue();
        assertThat(status()).isEqualTo("Talks");
        screenshot(driver, "keyboard-caret.png");

        // ↓ by sentence, → by word: the caret goes to "a" inside the quotes
        keys(Keys.ARROW_DOWN);
        assertThat(status()).isEqualTo("Officials");
        keys(Keys.ARROW_DOWN, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(status()).isEqualTo("a");

        // Shift+→ grows the selection by whole words, Shift+← shrinks it again
        shift(Keys.ARROW_RIGHT, 4);
        assertThat(status()).isEqualTo("Selected: a cruel auction\" on");
        shift(Keys.ARROW_LEFT, 1);
        assertThat(status()).isEqualTo("Selected: a cruel auction");
        screenshot(driver, "keyboard-selection.png");
        assertThat(js("return window.getSelection().toString()")).isEqualTo("a cruel auction");

        keys("1");
        waitUntil(() -> String.join("", highlighted("sensational")).equals("a cruel auction"));
        Span sensational = spanWithLabel(id, "sensational");
        assertThat(sensational.text()).isEqualTo("a cruel auction");
        assertCodePoints(sensational, "a cruel auction");

        // ↓ to the next sentence, s selects all of it, 4 labels it
        keys(Keys.ARROW_DOWN);
        assertThat(status()).isEqualTo("The");
        keys("s");
        assertThat(status()).isEqualTo("Selected: The 🚀 envoy left early.");
        // the arrows go in the same breath as the label key, before the server's answer is drawn: they move
        // on from the labelled sentence (to its start, then to the one before), not from the top of the article
        keys("4", Keys.ARROW_UP, Keys.ARROW_UP);
        waitUntil(() -> String.join("", highlighted("fact")).equals("The 🚀 envoy left early."));
        Span fact = spanWithLabel(id, "fact");
        assertCodePoints(fact, "The 🚀 envoy left early.");

        // Esc drops a selection without labelling it
        shift(Keys.ARROW_RIGHT, 1);
        assertThat(js("return window.getSelection().toString()")).isEqualTo("Critics");
        keys(Keys.ESCAPE);
        assertThat(js("return window.getSelection().toString()")).isEqualTo("");

        // Enter selects the highlight under the caret; a key relabels it, Delete removes it
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        waitUntil(() -> sensational.id().equals(js("return document.querySelector('slant-annotator').selectedId")));
        keys("3");
        waitUntil(() -> highlighted("sensational").isEmpty());
        assertThat(spanWithLabel(id, "opinion").text()).isEqualTo("a cruel auction");
        keys(Keys.DELETE);
        waitUntil(() -> annotations.layer(id, USER).spans().size() == 1);

        // no keyboard trap: Tab leaves the article, Shift+Tab comes back
        keys(Keys.TAB);
        assertThat(annotatorFocused()).isFalse();
        shift(Keys.TAB, 1);
        assertThat(annotatorFocused()).isTrue();

        // the span list beside the text is reachable too: Tab to the row, Enter selects the span in the text
        keys(Keys.ESCAPE);
        waitUntil(() -> js("return document.querySelector('slant-annotator').selectedId") == null);
        for (int i = 0; i < 40 && !Boolean.TRUE.equals(js("return document.activeElement?.classList.contains('slant-span-row')")); i++) {
            keys(Keys.TAB);
        }
        assertThat(js("return document.activeElement.textContent")).isEqualTo("The 🚀 envoy left early.");
        keys(Keys.ENTER);
        waitUntil(() -> fact.id().equals(js("return document.querySelector('slant-annotator').selectedId")));
        screenshot(driver, "keyboard-span-list.png");
    }

    private void keys(CharSequence... keys) {
        Actions actions = new Actions(driver);
        for (CharSequence k : keys) {
            actions.sendKeys(k);
        }
        actions.perform();
    }


    private void shift(Keys key, int times) {
        Actions actions = new Actions(driver).keyDown(Keys.SHIFT);
        for (int i = 0; i < times; i++) {
            actions.sendKeys(key);
        }
        actions.keyUp(Keys.SHIFT).perform();
    }

    private boolean annotatorFocused() {
        return Boolean.TRUE.equals(js("return document.activeElement?.localName === 'slant-annotator'"));
    }

    private boolean caretShown() {
        return Boolean.TRUE.equals(js("const c = document.querySelector('slant-annotator .kb-caret');"
                + " return !!c && !c.hidden && c.getBoundingClientRect().height > 0"));
    }

    private String status() {
        return (String) js("return document.querySelector('slant-annotator .kb-status').textContent");
    }

    private Span spanWithLabel(String id, String label) {
        List<Span> spans = annotations.layer(id, USER).spans().stream().filter(s -> s.label().equals(label)).toList();
        assertThat(spans).hasSize(1);
        return spans.getFirst();
    }

    /** Stored offsets are code points: the emoji before the phrase counts once, not twice. */
    private static void assertCodePoints(Span span, String phrase) {
        int utf16 = TEXT.indexOf(phrase);
        assertThat(span.start()).isEqualTo(TEXT.codePointCount(0, utf16));
        assertThat(span.end()).isEqualTo(span.start() + phrase.codePointCount(0, phrase.length()));
        assertThat(span.text()).isEqualTo(phrase);
        assertThat(span.start()).isLessThan(utf16); // the test means something: an emoji comes first
    }
}
