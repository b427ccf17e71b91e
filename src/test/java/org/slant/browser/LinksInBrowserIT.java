package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Link;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.Project;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Links, the sentence gutter, badges and incomplete marks in a real browser, through the element's Java API on a
 * test-only page ({@link AnnotatorTestView}): links drawn between the right spans, pick mode by click and by the
 * keyboard caret, sentences selected by their gutter marker and by S, arriving in Java as code points (an emoji
 * comes first, so UTF-16 offsets would be off by one).
 */
class LinksInBrowserIT extends BrowserTestBase {

    /** An emoji before every sentence but the first. */
    static final String TEXT = KeyboardAnnotationIT.TEXT;

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    LabelService labels;

    private String doc;
    private Span attribution;
    private Span cruel;

    /** The default scheme, with both roles of an attribution required and a target entity on attributions. */
    @BeforeEach
    void schemeAndDocument() {
        Scheme defaults = Scheme.defaults();
        List<Label> withTarget = defaults.labels().stream().map(l -> !l.id().equals("attribution") ? l
                : new Label(l.id(), l.name(), l.color(), l.hotkey(), l.mark(), l.definition(),
                        List.of(Attribute.of("target", "Target", AttributeKind.ENTITY, false, "Whom it is about")))).toList();
        List<LinkType> required = defaults.linkTypes().stream().map(t -> LinkType.role(t.id(), t.name(), "attribution",
                t.to(), true, t.definition())).toList();
        labels.replace(Project.DEFAULT_ID, new Scheme(withTarget, required, List.of(), List.of()));

        doc = documents.add(new Draft("Links test " + System.nanoTime(), TEXT), Source.UNKNOWN).id();
        attribution = span("the summit was a DISASTER", "attribution");
        annotations.setAttribute(doc, USER, attribution.id(), "target", new AttributeValue.Text("Putin"));
        Span officials = span("Officials", "source");
        span("said", "cue");
        span("Critics", "source");
        cruel = span("a cruel auction", "attribution");
        annotations.addLink(doc, USER, USER, "source", attribution.id(), officials.id());
    }

    @Test
    void linksBadgesAndIncompleteMarksAreDrawnAndLinksArePickedByClickAndByKeyboard() {
        openTestView();
        Link existing = annotations.layer(doc, USER).links().getFirst();
        waitUntil(() -> js("return document.querySelector('slant-annotator svg.links path[data-link]')") != null);
        // the link goes from the attribution's tag to the source's tag
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) js("""
                const a = document.querySelector('slant-annotator');
                const p = a.querySelector(`svg.links path[data-link="${arguments[0]}"]`);
                const host = a.getBoundingClientRect();
                const n = p.getAttribute('d').match(/-?[\\d.]+/g).map(Number);
                const near = (x, y, id) => { const r = a.querySelector(`[data-tag-for="${id}"]`).getBoundingClientRect();
                  return x >= r.left - host.left - 1 && x <= r.right - host.left + 1 && Math.abs(y - (r.top - host.top)) < 1; };
                return { from: p.dataset.from, to: p.dataset.to, startsOnFrom: near(n[0], n[1], p.dataset.from),
                  endsOnTo: near(n.at(-2), n.at(-1), p.dataset.to),
                  label: a.querySelector(`svg.links .link-label[data-link="${arguments[0]}"]`)?.textContent };
                """, existing.id());
        assertThat(drawn).containsEntry("from", attribution.id()).containsEntry("to", existing.to())
                .containsEntry("startsOnFrom", true).containsEntry("endsOnTo", true).containsEntry("label", "Source");
        // the badge after the label tag, and a "!" on both attributions (each misses its required cue)
        assertThat(tagText(attribution.id())).isEqualTo("2 ATTRPutin!");
        assertThat(tagText(cruel.id())).isEqualTo("2 ATTR!");
        assertThat(js("const r = document.querySelector(`[data-tag-for='${arguments[0]}'] .incomplete`).getBoundingClientRect();"
                + " return r.width > 4 && r.height > 4", cruel.id())).isEqualTo(true);

        // by click: select the second attribution, L, click "Critics"
        clickText("cruel");
        waitUntil(() -> cruel.id().equals(js("return document.querySelector('slant-annotator').selectedId")));
        new Actions(driver).sendKeys("l").perform();
        assertThat(js("return document.querySelector('slant-annotator').classList.contains('picking')")).isEqualTo(true);
        assertThat(status()).startsWith("Linking from Attribution");
        screenshot(driver, "links-pick-mode.png");
        clickText("Critics");
        Span critics = spanWith("Critics");
        waitUntil(() -> received().contains("link-pick " + cruel.id() + " " + critics.id()));
        waitUntil(() -> received().contains("link-added source"));
        waitUntil(() -> Boolean.TRUE.equals(js("return !!document.querySelector("
                + "`slant-annotator svg.links path[data-from='${arguments[0]}'][data-to='${arguments[1]}']`)", cruel.id(), critics.id())));

        // by keyboard, on the page opened afresh (the caret starts at the top): Tab in, caret to "summit", Enter
        // selects the attribution, L, caret back to "said", Enter
        openTestView();
        focusArticleByKeyboard();
        assertThat(status()).isEqualTo("Talks");
        keys(Keys.ARROW_DOWN);
        assertThat(status()).isEqualTo("Officials");
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(status()).isEqualTo("summit");
        keys(Keys.ENTER);
        waitUntil(() -> attribution.id().equals(js("return document.querySelector('slant-annotator').selectedId")));
        keys("l", Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(status()).isEqualTo("said, in Cue “said”");
        keys(Keys.ENTER);
        Span said = spanWith("said");
        waitUntil(() -> received().contains("link-pick " + attribution.id() + " " + said.id()));
        waitUntil(() -> received().contains("link-added cue"));
        assertThat(annotations.layer(doc, USER).links()).extracting(Link::from, Link::to)
                .contains(org.assertj.core.groups.Tuple.tuple(attribution.id(), said.id()));
        // both roles filled: the "!" goes, the badge stays; the selected span's two links are strong
        waitUntil(() -> "2 ATTRPutin".equals(tagText(attribution.id())));
        assertThat(js("return [...document.querySelectorAll('slant-annotator svg.links path.link.strong')].map(p => p.dataset.to).sort()"))
                .isEqualTo(new ArrayList<>(Arrays.asList(existing.to(), said.id()).stream().sorted().toList()));
        screenshot(driver, "links-gutter-badges.png");
    }

    @Test
    void aSentenceIsSelectedByItsGutterMarkerAndByTheSKeyInCodePoints() {
        openTestView();
        int[] critics = sentence("Critics called it \"a cruel auction\" on Tuesday.");
        int[] envoy = sentence("The 🚀 envoy left early.");
        assertThat(js("return document.querySelectorAll('slant-annotator .sent').length")).isEqualTo(4L);

        // a click on the marker beside "Critics …"
        @SuppressWarnings("unchecked")
        List<Number> marker = (List<Number>) js("""
                const m = [...document.querySelectorAll('slant-annotator .sent')][2];
                const r = m.getBoundingClientRect();
                return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];""");
        new Actions(driver).moveToLocation(marker.get(0).intValue(), marker.get(1).intValue()).click().perform();
        waitUntil(() -> received().contains("sentence-select " + critics[0] + " " + critics[1]));
        waitUntil(() -> Boolean.TRUE.equals(js("return [...document.querySelectorAll('slant-annotator .sent')][2].classList.contains('selected')")));

        // S with the caret in the last sentence, after the rocket
        focusArticleByKeyboard();
        keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(status()).isEqualTo("The");
        keys("s");
        waitUntil(() -> received().contains("sentence-select " + envoy[0] + " " + envoy[1]));
        assertThat(js("return window.getSelection().toString()")).isEqualTo("The 🚀 envoy left early.");
        assertThat(envoy[0]).isLessThan(TEXT.indexOf("The 🚀")); // the test means something: an emoji comes first
    }

    private void openTestView() {
        driver.get(url("/test/annotator/" + doc));
        waitFor(By.cssSelector("slant-annotator p"), 30);
    }

    private Span span(String phrase, String label) {
        int utf16 = TEXT.indexOf(phrase);
        int start = TEXT.codePointCount(0, utf16);
        return annotations.create(doc, USER, start, start + phrase.codePointCount(0, phrase.length()), label, false).after();
    }

    private Span spanWith(String text) {
        return annotations.layer(doc, USER).spans().stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow();
    }

    /** A sentence's [start, end) in code points. */
    private static int[] sentence(String text) {
        int utf16 = TEXT.indexOf(text);
        int start = TEXT.codePointCount(0, utf16);
        return new int[] {start, start + text.codePointCount(0, text.length())};
    }

    private String received() {
        return driver.findElement(By.id("java-events")).getText();
    }

    private String tagText(String spanId) {
        return (String) js("return document.querySelector(`slant-annotator [data-tag-for='${arguments[0]}']`)?.textContent", spanId);
    }

    private String status() {
        return (String) js("return document.querySelector('slant-annotator .kb-status').textContent");
    }

    /** A real click in the middle of a phrase's first letter. */
    private void clickText(String phrase) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) js("""
                const walker = document.createTreeWalker(document.querySelector('slant-annotator .article'), NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const i = n.data.indexOf(arguments[0]);
                  if (i < 0 || n.parentElement.closest('.tag')) continue;
                  const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                  const b = r.getBoundingClientRect();
                  return [Math.round(b.left + b.width / 2), Math.round(b.top + b.height / 2)];
                }
                return null;""", phrase);
        new Actions(driver).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
    }

    private void focusArticleByKeyboard() {
        js("document.activeElement?.blur(); window.getSelection().removeAllRanges()");
        for (int i = 0; i < 10 && !Boolean.TRUE.equals(js("return document.activeElement?.localName === 'slant-annotator'")); i++) {
            keys(Keys.TAB);
        }
        assertThat(js("return document.activeElement?.localName")).isEqualTo("slant-annotator");
    }

    private void keys(CharSequence... keys) {
        Actions actions = new Actions(driver);
        for (CharSequence k : keys) {
            actions.sendKeys(k);
        }
        actions.perform();
    }
}
