package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in page and the pages around accounts and projects, in a real browser on a school laptop's
 * 1366×768 screen: a wrong password says so, sign-out ends the session, and no page scrolls sideways.
 * Screenshots go to target/screenshots/ for a look by eye.
 */
class AccountPagesIT extends BrowserTestBase {

    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;

    @Test
    void signInSignOutAndThePagesFitALaptopScreen() throws Exception {
        users.create("lena", "Lena Ortiz", "lena-password", false);
        users.create("cura", "Cura Tor", "cura-password", false);
        String project = projects.create("Election desk", "cura").id();
        String doc = documents.add(new Draft("Debate night", "The senator BLASTED the plan, aides said."), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(doc), project, Map.of());
        projects.setMember(project, "lena", ProjectRole.ANNOTATOR);
        projects.assign(project, doc, List.of("lena"));

        ChromeDriver browser = newBrowser();
        try {
            browser.manage().window().setSize(new Dimension(1366, 768));
            browser.get(url("/documents/" + doc)); // a stranger is sent to the sign-in page
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> d.getCurrentUrl().endsWith("/login"));
            submitLogin(browser, "lena", "not-her-password");
            try {
                wait.until(d -> d.getCurrentUrl().contains("error"));
            } catch (org.openqa.selenium.TimeoutException e) {
                screenshot(browser, "login-debug.png");
                throw new AssertionError("after a wrong password: " + browser.getCurrentUrl() + "\n"
                        + browser.getPageSource().substring(0, Math.min(3000, browser.getPageSource().length())), e);
            }
            screenshot(browser, "login-wrong-password.png");
            wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")).getDomProperty("error").equals("true"));

            signIn(browser, "lena", "lena-password", false);
            browser.get(url("/"));
            wait.until(d -> !d.findElements(By.cssSelector("#queue vaadin-grid-cell-content")).isEmpty());
            wait.until(d -> d.getPageSource().contains("Debate night"));
            fitsTheScreen(browser, "annotator-queue");

            browser.get(url("/account"));
            wait.until(d -> !d.findElements(By.id("create-token")).isEmpty());
            fitsTheScreen(browser, "account");

            browser.findElement(By.id("sign-out")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/login"));
            browser.get(url("/"));
            wait.until(d -> d.getCurrentUrl().endsWith("/login")); // the session is gone

            signIn(browser, "cura", "cura-password", false);
            browser.get(url("/projects/" + project));
            wait.until(d -> !d.findElements(By.id("assignments")).isEmpty());
            wait.until(d -> d.getPageSource().contains("Debate night"));
            fitsTheScreen(browser, "project-settings");
            browser.get(url("/?project=" + project));
            wait.until(d -> d.getPageSource().contains("Debate night"));
            fitsTheScreen(browser, "curator-documents");
        } finally {
            browser.quit();
        }
    }

    private void fitsTheScreen(ChromeDriver browser, String name) throws IOException {
        screenshot(browser, name + ".png");
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways").isLessThanOrEqualTo(0);
    }

}
