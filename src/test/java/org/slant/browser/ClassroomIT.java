package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The classroom end to end in Chromium at 1366×768: a student joins with the class code in their own
 * browser, labels a phrase with a hotkey, submits and reads their feedback; the teacher's class page
 * shows the heatmap (saved as target/screenshots/heatmap.png). Neither page scrolls sideways.
 */
class ClassroomIT extends BrowserTestBase {

    private static final String TEXT = "Peace talks collapse\n\nThe minister SLAMMED critics on Monday, officials said. "
            + "It was a disgrace, one observer wrote, and the talks are doomed.";

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TeachingService teaching;

    private void mark(String doc, String layer, String part, String label) {
        int start = TEXT.indexOf(part);
        annotations.create(doc, layer, start, start + part.length(), label, false);
    }

    @Test
    void aStudentJoinsSubmitsAndSeesFeedbackAndTheTeacherSeesTheHeatmap() throws Exception {
        String doc = documents.add(new Draft("Peace talks collapse", TEXT), Source.UNKNOWN).id();
        mark(doc, USER, "SLAMMED", "sensational");
        mark(doc, USER, "a disgrace", "opinion");
        mark(doc, USER, "officials said", "attribution");
        Exercise exercise = teaching.create(new TeachingService.NewExercise("Framing in the peace talks", doc, USER, USER,
                "Mark sensational framing, opinion and attribution.", Set.of("sensational", "opinion", "attribution"),
                false, null));
        teaching.setExplanation(exercise.id(), exercise.gradedReference().stream()
                .filter(s -> s.label().equals("opinion")).findFirst().orElseThrow().id(), "A judgement, not a fact.");
        String code = teaching.newClassCode(exercise.id()).classCode();
        // two classmates who submitted already, so the heatmap has more than one shade
        TeachingService.ClassListReport others = teaching.addClassList(exercise.id(), "Cleo\nDev\n");
        mark(doc, others.added().get(0).user(), "SLAMMED critics", "sensational");
        mark(doc, others.added().get(0).user(), "a disgrace", "opinion");
        mark(doc, others.added().get(1).user(), "SLAMMED", "sensational");
        mark(doc, others.added().get(1).user(), "the talks are doomed", "opinion");
        others.added().forEach(s -> teaching.submit(exercise.id(), s.user()));

        ChromeDriver teacher = driver;
        ChromeDriver student = newBrowser();
        try {
            student.manage().window().setSize(new Dimension(1366, 768));
            driver = student; // the helpers of the base class drive `driver`
            driver.get(url("/login"));
            waitFor(By.id("join-link"), 30).click();
            waitFor(By.cssSelector("#join-code input"), 30).sendKeys(code.toLowerCase());
            driver.findElement(By.cssSelector("#join-name input")).sendKeys("Ana Lima");
            driver.findElement(By.cssSelector("#join-password input")).sendKeys("ana-password-1");
            driver.findElement(By.id("join")).click();
            assertThat(waitFor(By.id("joined-user"), 30).getText()).isEqualTo("ana-lima");
            driver.findElement(By.id("start-exercise")).click();

            waitFor(By.cssSelector("slant-annotator p"), 30);
            assertThat(driver.getCurrentUrl()).endsWith("/exercises/" + exercise.id());
            selectPhrase("SLAMMED", 0);
            new Actions(driver).sendKeys("1").perform();
            waitUntil(() -> highlighted("sensational").contains("SLAMMED"));
            selectPhrase("critics on Monday", 0);
            new Actions(driver).sendKeys("4").perform(); // not in play here: refused, nothing drawn
            selectPhrase("the talks are doomed", 0);
            new Actions(driver).sendKeys("3").perform();
            waitUntil(() -> highlighted("opinion").contains("the talks are doomed"));
            assertNoSidewaysScroll("student at work");

            driver.findElement(By.id("submit")).click();
            waitFor(By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"), 10);
            js("document.querySelector(\"vaadin-confirm-dialog vaadin-button[slot='confirm-button']\").click()");
            waitFor(By.cssSelector("#verdicts li[data-verdict]"), 30);
            @SuppressWarnings("unchecked")
            List<String> verdicts = (List<String>) js("return [...document.querySelectorAll('#verdicts li')].map(li => li.dataset.verdict)");
            assertThat(verdicts).containsExactly("match", "not-in-reference");
            String missed = driver.findElement(By.id("missed")).getText();
            assertThat(missed).contains("a disgrace").contains("A judgement, not a fact.").contains("officials said");
            assertThat(driver.findElement(By.id("scores")).getText()).contains("Sensational framing: You found the one sensational-framing passage");
            assertNoSidewaysScroll("student feedback");
            screenshot(driver, "feedback.png");

            // the student's list: this exercise, where they stand, and a field for next week's code
            driver.get(url("/exercises"));
            waitFor(By.id("join-another-code"), 30);
            assertThat(driver.findElement(By.id("student-exercises")).getText()).contains("Framing in the peace talks")
                    .contains("Submitted");
            assertNoSidewaysScroll("student's exercises");
            screenshot(driver, "student-exercises.png");
        } finally {
            driver = teacher;
            student.quit();
        }

        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.get(url("/exercises"));
        assertThat(waitFor(By.id("teacher-exercises"), 30).getText()).contains("Framing in the peace talks");
        assertNoSidewaysScroll("teacher's exercises");
        screenshot(driver, "teacher-exercises.png");
        driver.get(url("/exercises/" + exercise.id() + "/class"));
        WebElement heatmap = waitFor(By.cssSelector("#heatmap-text span.run"), 30).findElement(By.xpath(".."));
        String hover = (String) js("return [...document.querySelectorAll('#heatmap-text span.run')]"
                + ".find(s => s.textContent.includes('SLAMMED')).title");
        assertThat(hover).startsWith("3 of 3 students marked this (Sensational framing 3)");
        assertThat(driver.findElement(By.id("results")).getText()).contains("Ana Lima");
        assertThat(driver.findElement(By.id("hotspots")).getText()).contains("officials said");
        assertNoSidewaysScroll("teacher's class page");
        // the reference is drawn as an underline, not by colour: the class page's styles are loaded
        assertThat(js("return getComputedStyle(document.querySelector('#heatmap-text span.run.ref')).borderBottomStyle"))
                .isEqualTo("solid");
        screenshot(driver, "class-page.png");

        // for the projector: the code big enough for the back row, with the address, then back to the page
        driver.findElement(By.id("present-code")).click();
        WebElement big = waitFor(By.id("present-code-text"), 10);
        assertThat(big.getText()).isEqualTo(code);
        assertThat(Double.parseDouble(big.getCssValue("font-size").replace("px", ""))).isGreaterThanOrEqualTo(64);
        assertThat(driver.findElement(By.cssSelector(".slant-present-address")).getText()).contains("/join");
        screenshot(driver, "present-code.png");
        driver.findElement(By.id("present-close")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("present-code-text")).isEmpty());
        js("arguments[0].scrollIntoView()", heatmap);
        Path saved = screenshot(driver.findElement(By.className("slant-heatmap")), "heatmap.png");
        assertThat(Files.size(saved)).isGreaterThan(1000);

        // the three downloads, fetched with the teacher's session as a click would
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> files = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const get = async id => {
                          const r = await fetch(document.getElementById(id).getAttribute('href'));
                          const bytes = new Uint8Array(await r.arrayBuffer());
                          return { status: r.status, type: r.headers.get('content-type'),
                                   head: new TextDecoder('latin1').decode(bytes.slice(0, 2000)), size: bytes.length };
                        };
                        Promise.all(['results-csv', 'heatmap-svg', 'heatmap-png'].map(get))
                          .then(([csv, svg, png]) => done({ csv, svg, png }), e => done({ error: String(e) }));
                        """);
        assertThat(files).doesNotContainKey("error");
        java.util.Map<?, ?> csv = (java.util.Map<?, ?>) files.get("csv");
        java.util.Map<?, ?> svg = (java.util.Map<?, ?>) files.get("svg");
        java.util.Map<?, ?> png = (java.util.Map<?, ?>) files.get("png");
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("head")).contains("Ana Lima");
        assertThat((String) svg.get("type")).startsWith("image/svg+xml");
        assertThat((String) svg.get("head")).contains("<svg");
        assertThat((String) png.get("type")).startsWith("image/png");
        assertThat(((String) png.get("head")).substring(1)).startsWith("PNG"); // byte 0 is 0x89
        assertThat(((Number) png.get("size")).longValue()).isGreaterThan(1000);

        // a student's name in the results opens what that student reads as feedback
        driver.findElement(By.xpath("//vaadin-grid-cell-content//a[normalize-space(.)='Ana Lima']")).click();
        waitFor(By.cssSelector("#verdicts li[data-verdict]"), 30);
        assertThat(driver.getCurrentUrl()).endsWith("/exercises/" + exercise.id() + "/students/ana-lima");
        assertThat(driver.findElement(By.id("verdicts")).getText()).contains("SLAMMED");
        assertNoSidewaysScroll("one student's feedback, for the teacher");
        screenshot(driver, "student-work.png");
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    private void assertNoSidewaysScroll(String where) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                js("return document.readyState === 'complete'")));
        Object widths = js("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as(where + ": scrollWidth, innerWidth = " + widths).isTrue();
    }

}
