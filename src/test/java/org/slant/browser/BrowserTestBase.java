package org.slant.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives Debian's headless Chromium, against the real server of {@link ServerTestBase}, through chromedriver
 * (both from apt: /usr/bin/chromium, /usr/bin/chromedriver). Nothing is downloaded: the driver and the
 * browser binary are given explicitly, so Selenium Manager never runs.
 */
abstract class BrowserTestBase extends ServerTestBase {

    static final String CHROMIUM = System.getProperty("slant.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("slant.chromedriver", "/usr/bin/chromedriver");
    static ChromeDriver driver;

    /** The user the main browser signs in as; an admin, so it may open every page. Its layers are "browser". */
    static final String USER = "browser";
    static final String PASSWORD = "browser-password";
    private static boolean signedIn;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = newBrowser();
        signedIn = false;
    }

    @org.junit.jupiter.api.BeforeEach
    void signInOnce() {
        if (!signedIn) {
            signIn(driver, USER, PASSWORD, true);
            signedIn = true;
        }
    }

    /** Makes the user if needed, then signs in through the real login page as a person would. */
    void signIn(ChromeDriver browser, String user, String password, boolean admin) {
        ensureUser(user, password, admin);
        browser.get(url("/login"));
        submitLogin(browser, user, password);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Types into the login form once it is shown (Vaadin renders it after load) and presses Enter. */
    static void submitLogin(ChromeDriver browser, String user, String password) {
        WebElement name = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
        name.sendKeys(user);
        WebElement pass = browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.sendKeys(password, org.openqa.selenium.Keys.ENTER);
    }

    /** A personal API token of the admin browser user, for reading exports from the test. */
    String apiToken() {
        ensureUser(USER, PASSWORD, true);
        return users.createToken(USER, "browser test").secret();
    }

    /** A separate headless Chromium (its own profile, so its own cookies and Vaadin session). */
    static ChromeDriver newBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("slant-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Opens a document and waits until the annotator element has rendered its text. */
    WebElement openDocument(String id) {
        driver.get(url("/documents/" + id));
        return waitFor(By.cssSelector("slant-annotator p"), 30).findElement(By.xpath("ancestor::slant-annotator"));
    }

    WebElement waitFor(By by, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Saves what a browser (or one element of the page) shows as target/screenshots/NAME, for a look by eye. */
    static Path screenshot(org.openqa.selenium.TakesScreenshot source, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name), source.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void waitUntil(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.get());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Selects the n-th occurrence of a phrase in the article as a mouse drag would (a DOM Range over the
     * text nodes). A real drag cannot be aimed at characters reliably, so the word-level test below uses
     * a real double-click instead.
     */
    void selectPhrase(String phrase, int occurrence) {
        Object ok = js("""
                const [phrase, occurrence] = [arguments[0], arguments[1]];
                const root = document.querySelector('slant-annotator');
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
                  acceptNode: n => n.parentElement.closest('.tag') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
                const nodes = []; let all = '';
                for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
                let at = -1;
                for (let i = 0; i <= occurrence; i++) { at = all.indexOf(phrase, at + 1); if (at < 0) return false; }
                // a start belongs to the node the phrase begins in, an end to the node it ends in
                const locate = (pos, isEnd) => { for (const [n, o] of nodes) {
                  if (isEnd ? pos <= o + n.data.length : pos < o + n.data.length) return [n, pos - o]; } };
                const [sn, so] = locate(at, false); const [en, eo] = locate(at + phrase.length, true);
                const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
                root.focus();
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                // the element's own mapping from DOM selection to text offsets must give back the phrase
                const r = root.selectedRange();
                return r !== null && root.text.substring(r[0], r[1]) === phrase
                    ? true : 'selection maps to ' + JSON.stringify(r) + ': ' + (r && root.text.substring(r[0], r[1]));
                """, phrase, occurrence);
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("Could not select \"" + phrase + "\" in the article: " + ok);
        }
    }

    /** The text of every highlighted segment carrying the label, in document order. */
    @SuppressWarnings("unchecked")
    List<String> highlighted(String label) {
        return (List<String>) js("return [...document.querySelectorAll('slant-annotator .seg')]"
                + ".filter(e => e.dataset.labels.split(' ').includes(arguments[0])).map(e => e.textContent)", label);
    }

    JsonNode exportJson(String documentId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url("/api/documents/" + documentId + "/export?format=json")))
                            .header("Authorization", "Bearer " + apiToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("export returned " + response.statusCode() + ": " + response.body());
            }
            return JsonMapper.shared().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
