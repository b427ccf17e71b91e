package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The annotation workflow in a real browser: selection, hotkeys, highlighting, reload, export. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotateInBrowserIT extends BrowserTestBase {

    @Autowired
    DocumentService documents;

    @Test
    @Order(1)
    void doubleClickAWordPressOneAndItIsHighlightedSavedAndExported() {
        WebElement annotator = openDocument("peace-talks");
        // a real double-click in the middle of the word: the browser itself selects the word
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) js("""
                const root = arguments[0];
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const i = n.data.indexOf('HUMILIATED');
                  if (i < 0) continue;
                  n.parentElement.scrollIntoView({block: 'center'});
                  const r = document.createRange(); r.setStart(n, i + 4); r.setEnd(n, i + 5);
                  const b = r.getBoundingClientRect();
                  return [Math.round(b.left + b.width / 2), Math.round(b.top + b.height / 2)];
                }
                return null;""", annotator);
        new Actions(driver).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).doubleClick().perform();
        assertThat(js("return window.getSelection().toString().trim()")).isEqualTo("HUMILIATED");

        new Actions(driver).sendKeys("1").perform();

        waitUntil(() -> highlighted("sensational").contains("HUMILIATED"));
        WebElement seg = driver.findElement(By.cssSelector("slant-annotator .seg[data-labels~='sensational']"));
        assertThat(seg.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(seg.getCssValue("text-decoration-style")).isEqualTo("wavy");
        // the label is told apart without colour too: a tag before the span
        assertThat(driver.findElement(By.cssSelector("slant-annotator .tag")).getText()).contains("SENS");
        // the side panel counts it
        waitUntil(() -> "1".equals(driver.findElement(By.cssSelector("[data-group='sensational']")).getAttribute("data-count")));

        driver.navigate().refresh();
        openDocument("peace-talks");
        assertThat(highlighted("sensational")).containsExactly("HUMILIATED");

        JsonNode export = exportJson("peace-talks");
        String text = export.path("document").path("text").asString();
        JsonNode span = browserLayer(export).path("spans").get(0);
        assertThat(span.path("label").asString()).isEqualTo("sensational");
        assertThat(span.path("text").asString()).isEqualTo("HUMILIATED");
        int start = span.path("start").asInt();
        int end = span.path("end").asInt();
        assertThat(start).isEqualTo(text.codePointCount(0, text.indexOf("HUMILIATED")));
        assertThat(codePointSlice(text, start, end)).isEqualTo("HUMILIATED");
    }

    @Test
    @Order(2)
    void overlappingSpansAreBothVisibleAndClickingCyclesThroughThem() {
        openDocument("peace-talks");
        selectPhrase("Trump HUMILIATED the nation", 0);
        new Actions(driver).sendKeys("3").perform();
        waitUntil(() -> highlighted("opinion").size() >= 2);

        // the word now carries both spans: two underline bands and both labels on one segment
        WebElement both = driver.findElement(By.xpath("//slant-annotator//span[contains(@class,'seg') and text()='HUMILIATED']"));
        assertThat(both.getAttribute("data-labels").split(" ")).containsExactlyInAnyOrder("sensational", "opinion");
        assertThat(both.getCssValue("box-shadow")).contains("inset").matches(".*inset.*inset.*");
        assertThat(String.join("", highlighted("opinion"))).isEqualTo("Trump HUMILIATED the nation");

        // selecting redraws the paragraph, so find the word afresh before each click
        By word = By.xpath("//slant-annotator//span[contains(@class,'seg') and text()='HUMILIATED']");
        driver.findElement(word).click();
        waitUntil(() -> "sensational".equals(selectedLabel()));
        driver.findElement(word).click();
        waitUntil(() -> "opinion".equals(selectedLabel()));
        driver.findElement(word).click();
        waitUntil(() -> "sensational".equals(selectedLabel()));
    }

    @Test
    @Order(3)
    void relabelWithAKeyDeleteWithTheDeleteKeyAndUndoWithCtrlZ() {
        openDocument("peace-talks");
        selectPhrase("the high stakes of the Ukraine conflict loom large", 0);
        new Actions(driver).sendKeys("4").perform();
        waitUntil(() -> String.join("", highlighted("fact")).equals("the high stakes of the Ukraine conflict loom large"));
        // the new span is selected: a key relabels it
        new Actions(driver).sendKeys("3").perform();
        waitUntil(() -> highlighted("fact").isEmpty());
        assertThat(String.join("", highlighted("opinion"))).contains("the high stakes of the Ukraine conflict loom large");

        new Actions(driver).sendKeys(Keys.DELETE).perform();
        waitUntil(() -> !String.join("", highlighted("opinion")).contains("loom large"));

        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        waitUntil(() -> String.join("", highlighted("opinion")).contains("loom large"));
        assertThat(spanTexts()).contains("the high stakes of the Ukraine conflict loom large");
    }

    @Test
    @Order(4)
    void labelButtonsWorkOnASelectionAndOffsetsAreCodePointsAfterAnEmoji() {
        String text = "Fans 😀🎉 cheered.\nThe minister SLAMMED critics, the agency reported.";
        String id = documents.add(new Draft("Emoji test", text), Source.UNKNOWN).id();
        openDocument(id);
        selectPhrase("the agency reported", 0);
        driver.findElement(By.id("label-attribution")).click();
        waitUntil(() -> String.join("", highlighted("attribution")).equals("the agency reported"));

        JsonNode span = browserLayer(exportJson(id)).path("spans").get(0);
        int utf16 = text.indexOf("the agency reported");
        assertThat(span.path("start").asInt()).isEqualTo(utf16 - 2); // two emoji, each two UTF-16 units
        assertThat(codePointSlice(text, span.path("start").asInt(), span.path("end").asInt()))
                .isEqualTo("the agency reported");
    }

    @Test
    @Order(5)
    void importedMarkupIsShownAsTextNeverRun() {
        String text = "Headline <img src=x onerror=\"window.__xss=1\">\n<script>window.__xss=2</script> body text here.";
        String id = documents.add(new Draft("Markup test", text), Source.UNKNOWN).id();
        openDocument(id);
        assertThat(driver.findElements(By.cssSelector("slant-annotator img, slant-annotator script"))).isEmpty();
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector("slant-annotator .article")).getText()).contains("<img src=x");
    }

    @Test
    @Order(6)
    void aSecondTabShowsANewSpanWithoutReloading() {
        String id = documents.add(new Draft("Live test", "The minister SLAMMED critics, officials said."),
                Source.UNKNOWN).id();
        openDocument(id);
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        openDocument(id);
        String second = driver.getWindowHandle();
        try {
            driver.switchTo().window(first);
            selectPhrase("SLAMMED", 0);
            new Actions(driver).sendKeys("1").perform();
            waitUntil(() -> highlighted("sensational").contains("SLAMMED"));

            driver.switchTo().window(second); // never reloaded: the change is pushed
            waitUntil(() -> highlighted("sensational").contains("SLAMMED"));
            waitUntil(() -> "1".equals(driver.findElement(By.cssSelector("[data-group='sensational']")).getAttribute("data-count")));
        } finally {
            driver.switchTo().window(second).close();
            driver.switchTo().window(first);
        }
    }

    private String selectedLabel() {
        return (String) js("const a = document.querySelector('slant-annotator'); const s = a.spans.find(x => x.id === a.selectedId);"
                + " return s ? s.label : null;");
    }

    private List<String> spanTexts() {
        List<String> out = new ArrayList<>();
        browserLayer(exportJson("peace-talks")).path("spans").forEach(s -> out.add(s.path("text").asString()));
        return out;
    }

    /** This test's own layer (other test classes may share the server and add layers of their own). */
    private static JsonNode browserLayer(JsonNode export) {
        for (JsonNode layer : export.path("layers")) {
            if (layer.path("annotator").asString().equals("browser")) {
                return layer;
            }
        }
        throw new AssertionError("no layer of \"browser\" in the export: " + export.path("layers"));
    }

    static String codePointSlice(String text, int start, int end) {
        return new String(text.codePoints().skip(start).limit(end - start).toArray(), 0, end - start);
    }
}
