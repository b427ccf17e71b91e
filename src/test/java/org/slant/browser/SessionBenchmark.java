package org.slant.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two figures of the collaboration issue, in headless Chromium against the real server (same JVM):
 * how long a span saved in one view takes to appear in another view of the same layer (pushed), and
 * how much server heap each open view of the sample article costs. Prints figures; run with
 * {@code ./mvnw -Pbenchmark verify -Dit.test=SessionBenchmark}.
 */
class SessionBenchmark extends BrowserTestBase {

    private static final int LIVE_RUNS = 15;
    private static final int VIEWS = 12;

    @Autowired
    DocumentService documents;

    @Test
    void liveUpdateLatencyAndMemoryPerView() throws Exception {
        StringBuilder text = new StringBuilder("Live benchmark\n");
        for (int i = 0; i < LIVE_RUNS + 5; i++) {
            text.append("Paragraph ").append(i).append(" where officials said the minister SLAMMED critics.\n");
        }
        String id = documents.add(new Draft("Live benchmark", text.toString().strip()), Source.UNKNOWN).id();
        openDocument(id);
        String writer = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW); // a window, not a tab: background tabs are throttled
        openDocument(id);
        String watcher = driver.getWindowHandle();

        double[] latency = new double[LIVE_RUNS];
        for (int i = 0; i < LIVE_RUNS; i++) {
            driver.switchTo().window(watcher);
            ((JavascriptExecutor) driver).executeScript("""
                    const a = document.querySelector('slant-annotator');
                    window.__seenAt = null;
                    const before = a.spans.length;
                    const o = new MutationObserver(() => {
                      if (a.spans.length > before && window.__seenAt === null) { window.__seenAt = Date.now(); o.disconnect(); }
                    });
                    o.observe(a, { childList: true, subtree: true, attributes: true });
                    """);
            driver.switchTo().window(writer);
            selectPhrase("SLAMMED", i);
            double sentAt = ((Number) ((JavascriptExecutor) driver).executeScript("""
                    const t = Date.now();
                    document.querySelector('slant-annotator').dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
                    return t;
                    """)).doubleValue();
            driver.switchTo().window(watcher);
            long deadline = System.currentTimeMillis() + 10_000;
            Object seen = null;
            while (seen == null && System.currentTimeMillis() < deadline) {
                seen = ((JavascriptExecutor) driver).executeScript("return window.__seenAt;");
                if (seen == null) {
                    Thread.sleep(5);
                }
            }
            latency[i] = seen == null ? Double.NaN : ((Number) seen).doubleValue() - sentAt;
        }
        Arrays.sort(latency);
        System.out.printf("BENCHMARK span saved in one view -> drawn in another (push): median %.0f ms (min %.0f, max %.0f, %d runs)%n",
                latency[LIVE_RUNS / 2], latency[0], latency[LIVE_RUNS - 1], LIVE_RUNS);

        driver.switchTo().window(watcher).close();
        driver.switchTo().window(writer);
        long before = usedHeapAfterGc();
        List<String> windows = new ArrayList<>();
        for (int i = 0; i < VIEWS; i++) {
            driver.switchTo().newWindow(WindowType.TAB);
            openDocument("peace-talks");
            windows.add(driver.getWindowHandle());
        }
        long after = usedHeapAfterGc();
        System.out.printf("BENCHMARK server heap per open view of the sample article: %.2f MB (%d views, %.1f MB in all)%n",
                (after - before) / 1048576.0 / VIEWS, VIEWS, (after - before) / 1048576.0);
        for (String w : windows) {
            driver.switchTo().window(w).close();
        }
        driver.switchTo().window(writer);

        // separate people: each its own browser, signed in as its own user (session, security context, UI)
        long beforeSessions = usedHeapAfterGc();
        List<org.openqa.selenium.chrome.ChromeDriver> people = new ArrayList<>();
        org.openqa.selenium.chrome.ChromeDriver main = driver;
        try {
            for (int i = 0; i < SESSIONS; i++) {
                org.openqa.selenium.chrome.ChromeDriver person = newBrowser();
                people.add(person);
                signIn(person, "bench-user-" + i, "bench-password-" + i, true);
                driver = person;
                openDocument("peace-talks");
            }
            long afterSessions = usedHeapAfterGc();
            System.out.printf("BENCHMARK server heap per signed-in session with the sample article open: %.2f MB "
                    + "(%d sessions, %.1f MB in all)%n", (afterSessions - beforeSessions) / 1048576.0 / SESSIONS,
                    SESSIONS, (afterSessions - beforeSessions) / 1048576.0);
        } finally {
            driver = main;
            people.forEach(org.openqa.selenium.chrome.ChromeDriver::quit);
        }
    }

    private static final int SESSIONS = 6;

    private static long usedHeapAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            Runtime r = Runtime.getRuntime();
            best = Math.min(best, r.totalMemory() - r.freeMemory());
        }
        return best;
    }
}
