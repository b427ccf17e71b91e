package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people signed in at once in two separate browsers: an annotator (blind to the others' work) and
 * the project's curator, whose curation page shows the annotator's span arrive live and takes it into gold.
 */
class TwoRolesIT extends BrowserTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    ProjectService projects;
    @Autowired
    AnnotationService annotations;

    @Test
    void anAnnotatorAndACuratorWorkAtOnceAndTheCuratorSeesTheSpanArriveLive() throws Exception {
        for (String user : List.of("cur-live", "ann-live", "other-live")) {
            if (users.find(user).isEmpty()) {
                users.create(user, null, user + "-password", false);
            }
        }
        String project = projects.create("Live desk", "cur-live").id();
        String id = documents.add(new Draft("Curated live", "Officials said the minister SLAMMED critics."),
                Source.UNKNOWN).id();
        projects.moveDocuments(List.of(id), project, Map.of());
        projects.setMember(project, "ann-live", ProjectRole.ANNOTATOR);
        projects.setMember(project, "other-live", ProjectRole.ANNOTATOR);
        projects.assign(project, id, List.of("ann-live", "other-live"));
        annotations.create(id, "other-live", 28, 35, "sensational", false); // SLAMMED, by someone else

        ChromeDriver annotator = newBrowser();
        ChromeDriver curator = newBrowser();
        ChromeDriver main = driver;
        try {
            signIn(annotator, "ann-live", "ann-live-password", false);
            signIn(curator, "cur-live", "cur-live-password", false);
            curator.get(url("/documents/" + id + "/curation"));
            By row = By.xpath("//vaadin-grid-cell-content[contains(., 'other-live')]");
            new WebDriverWait(curator, Duration.ofSeconds(30)).until(d -> !d.findElements(row).isEmpty());

            driver = annotator; // the helpers below drive the annotator's browser
            openDocument(id);
            // blind: the other annotator's span is not drawn, and there is no way to the others' work
            assertThat(driver.findElements(By.cssSelector("slant-annotator .seg"))).isEmpty();
            assertThat(driver.findElements(By.id("compare-link")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
            selectPhrase("SLAMMED", 0);
            new Actions(driver).sendKeys("1").perform();
            waitUntil(() -> highlighted("sensational").contains("SLAMMED"));

            // the curator's row now says both marked it, without a reload; accepting puts it into gold
            By both = By.xpath("//vaadin-grid-cell-content[contains(., 'ann-live') and contains(., '2 of 2')]");
            new WebDriverWait(curator, Duration.ofSeconds(10)).until(d -> !d.findElements(both).isEmpty());
            curator.findElement(By.cssSelector("vaadin-button.slant-cur-accept")).click();
            new WebDriverWait(curator, Duration.ofSeconds(10))
                    .until(d -> !annotations.layer(id, Layer.GOLD).spans().isEmpty());
            assertThat(annotations.layer(id, Layer.GOLD).spans().getFirst().text()).isEqualTo("SLAMMED");
            assertThat(annotations.layer(id, Layer.GOLD).spans().getFirst().author()).isEqualTo("cur-live");
            screenshot(curator, "curation.png");
            curator.get(url("/documents/" + id + "/compare"));
            new WebDriverWait(curator, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("slant-annotator .seg")).isEmpty());
            screenshot(curator, "compare.png");
            // one lane per annotator: the passage once per annotator, each with only their own span
            curator.findElement(By.xpath("//vaadin-radio-button[contains(., 'One lane per annotator')]")).click();
            new WebDriverWait(curator, Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("slant-annotator .lane-row")).size() == 3);
            for (WebElement lane : curator.findElements(By.cssSelector("slant-annotator .lane-row"))) {
                assertThat(lane.findElements(By.cssSelector(".seg")).stream().map(WebElement::getText).toList())
                        .as(lane.getAttribute("data-group")).containsExactly("SLAMMED");
            }
            // a span only one lane has is marked as a disagreement (dashed ring and ≠), the shared one is not
            annotations.create(id, "other-live", 36, 43, "opinion", false); // "critics"
            new WebDriverWait(curator, Duration.ofSeconds(10)).until(d -> !d.findElements(
                    By.cssSelector(".lane-row[data-group='other-live'] .tag.differs")).isEmpty());
            assertThat(curator.findElements(By.cssSelector(".lane-row[data-group='ann-live'] .tag.differs"))).isEmpty();
            assertThat(curator.findElement(By.cssSelector(".lane-row[data-group='other-live'] .tag.differs")).getText())
                    .endsWith("≠");
            screenshot(curator, "compare-lanes.png");

            // agreement: the table, each annotator against gold, and the CSV the curator's session downloads
            curator.get(url("/documents/" + id + "/agreement"));
            new WebDriverWait(curator, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#against-gold vaadin-grid")).isEmpty());
            Object csv = curator.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('agreement-csv').getAttribute('href'))"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done(String(e)));");
            assertThat((String) csv).startsWith("200 level,label,annotator_a,annotator_b,");
            screenshot(curator, "agreement.png");

            // and the annotator cannot open the curation page
            annotator.get(url("/documents/" + id + "/curation"));
            new WebDriverWait(annotator, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector(".slant-error")).isEmpty());
            assertThat(annotator.findElement(By.cssSelector(".slant-error")).getText()).contains("Only curators");

            // an admin disables the annotator while their page is open: it leaves for the login page by itself
            annotator.get(url("/documents/" + id));
            new WebDriverWait(annotator, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("slant-annotator .seg")).isEmpty());
            users.setDisabled("ann-live", true);
            new WebDriverWait(annotator, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().endsWith("/login?ended") && !d.findElements(By.id("session-ended")).isEmpty());
            assertThat(annotator.findElement(By.id("session-ended")).getText()).contains("disabled your account");
            screenshot(annotator, "signed-out.png");
            annotator.get(url("/documents/" + id)); // the session is over: back to the login page
            new WebDriverWait(annotator, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login"));
        } finally {
            if (users.find("ann-live").isPresent()) {
                users.setDisabled("ann-live", false);
            }
            driver = main;
            annotator.quit();
            curator.quit();
        }
    }
}
