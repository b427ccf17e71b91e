package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Link;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Structured annotation in a real browser: select a span, set its polarity by its key, press L, click the other
 * span, and the link is listed in the side box and drawn over the text; Ctrl+Z takes it back.
 */
class StructuredAnnotationIT extends BrowserTestBase {

    static final Scheme SCHEME = new Scheme(List.of(
            new Label("bias", "Bias", "#d9480f", "1", "wavy", "Loaded words.", List.of(
                    Attribute.choice("polarity", "Polarity", true, "Which way it leans.",
                            new Choice("positive", "Positive", "p", ""), new Choice("negative", "Negative", "n", "")),
                    Attribute.of("target", "Target", AttributeKind.ENTITY, false, "Whom it is about."))),
            new Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new Label("source", "Source", "#0b7285", "3", "dotted", ""),
            new Label("cue", "Cue", "#5f3dc4", "4", "dashed", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, "Who said it."),
                    LinkType.role("cue", "Cue", "attribution", List.of("cue"), false, "")),
            List.of(Attribute.choice("biased", "Biased", false, "", new Choice("yes", "Biased", "y", ""),
                    new Choice("no", "Not biased", "u", ""))),
            List.of(Attribute.choice("tone", "Tone", true, "", new Choice("pro", "Pro"), new Choice("anti", "Anti"))));

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ProjectService projects;
    @Autowired
    LabelService labels;

    private static int at(String text, String phrase) {
        return text.codePointCount(0, text.indexOf(phrase));
    }

    /** The highlight of the span with this label over this text. */
    private WebElement seg(String label, String text) {
        return waitFor(By.xpath("//slant-annotator//*[contains(@class,'seg') and contains(concat(' ', @data-labels, ' '), ' "
                + label + " ') and contains(., '" + text + "')]"), 10);
    }

    @Test
    void selectSetPolarityByKeyLinkByClickAndUndo() {
        String project = projects.create("Attribution study", USER).id();
        labels.replace(project, SCHEME);
        String text = "Merz said the talks failed. Critics claimed Putin won the argument, officials admitted.";
        String id = documents.add(new Draft("Who said it", text), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(id), project, Map.of());
        annotations.create(id, USER, at(text, "claimed"), at(text, "claimed") + 7, "bias", false);
        annotations.create(id, USER, at(text, "the talks failed"), at(text, "the talks failed") + 16, "attribution", false);
        annotations.create(id, USER, at(text, "Merz"), at(text, "Merz") + 4, "source", false);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        openDocument(id);

        seg("bias", "claimed").click();
        waitFor(By.cssSelector(".slant-value-editor[data-attribute='polarity']"), 10);
        new Actions(driver).sendKeys("n").perform();
        waitUntil(() -> "negative".equals(driver.findElement(By.cssSelector(".slant-value-editor[data-attribute='polarity']"))
                .getDomAttribute("data-value")));
        String bias = annotations.layer(id, USER).spans().stream().filter(s -> s.label().equals("bias")).findFirst()
                .orElseThrow().id();
        assertThat(annotations.layer(id, USER).find(bias).orElseThrow().attributes())
                .containsEntry("polarity", new AttributeValue.Text("negative"));

        seg("attribution", "talks").click();
        waitUntil(() -> !driver.findElements(By.cssSelector("#roles [data-role='source'][data-filled='false']")).isEmpty());
        new Actions(driver).sendKeys("l").perform();
        seg("source", "Merz").click();
        waitUntil(() -> !driver.findElements(By.cssSelector("#roles [data-role='source'][data-filled='true']")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#roles [data-role='source'][data-filled='true']")).getDomAttribute("data-text"))
                .isEqualTo("Source: Merz");
        assertThat(annotations.layer(id, USER).links()).extracting(Link::type).containsExactly("source");
        waitUntil(() -> !driver.findElements(By.cssSelector("slant-annotator svg path.link")).isEmpty());
        screenshot(driver, "structured-annotation.png");

        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        waitUntil(() -> annotations.layer(id, USER).links().isEmpty());
        waitUntil(() -> driver.findElements(By.cssSelector("slant-annotator svg path.link")).isEmpty());
        waitUntil(() -> !driver.findElements(By.cssSelector("#roles [data-role='source'][data-filled='false']")).isEmpty());
    }
}
