package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * A common laptop screen, 1366×768: the main pages fit without scrolling sideways. Screenshots go to
 * target/screenshots/ for a look by eye.
 */
class SmallScreenIT extends BrowserTestBase {


    @AfterEach
    void restoreWindow() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void annotationViewDocumentListAndGuidelinesFitAt1366x768() throws IOException {
        driver.manage().window().setSize(new Dimension(1366, 768));
        // the viewport itself is 1366×768: add back what the window frame takes
        long frameWidth = (Long) js("return window.outerWidth - window.innerWidth");
        long frameHeight = (Long) js("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1366 + (int) frameWidth, 768 + (int) frameHeight));
        assertThat(js("return [window.innerWidth, window.innerHeight]")).isEqualTo(java.util.List.of(1366L, 768L));

        openDocument("peace-talks");
        waitFor(By.id("guidelines-link"), 10);
        assertNoSideways("annotation view");
        screenshot(driver, "annotation-1366x768.png");
        js("const s = document.querySelector('.slant-side-pane'); s.scrollTop = s.scrollHeight;");
        screenshot(driver, "annotation-side-help-1366x768.png");

        driver.get(url("/"));
        waitFor(By.cssSelector("vaadin-grid"), 30);
        assertNoSideways("document list");
        screenshot(driver, "documents-1366x768.png");

        driver.get(url("/guidelines"));
        waitFor(By.id("guide-sensational"), 30);
        assertNoSideways("guidelines");
        screenshot(driver, "guidelines-1366x768.png");
    }

    private void assertNoSideways(String page) {
        waitUntil(() -> Boolean.TRUE.equals(js("return document.readyState === 'complete'")));
        Object widths = js("""
                const c = document.querySelector('.slant-content');
                return [document.documentElement.scrollWidth, window.innerWidth, c.scrollWidth, c.clientWidth];""");
        @SuppressWarnings("unchecked")
        java.util.List<Number> w = (java.util.List<Number>) widths;
        assertThat(w.get(0).intValue()).as(page + ": page width %s", w).isLessThanOrEqualTo(w.get(1).intValue());
        assertThat(w.get(2).intValue()).as(page + ": content width %s", w).isLessThanOrEqualTo(w.get(3).intValue());
    }

}
