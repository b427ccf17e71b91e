package org.slant.browser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node script {@code src/test/firefox/core-flows.mjs}, running: it holds one headless firefox-esr, driven
 * by puppeteer-core over WebDriver BiDi, and runs one flow per request. The build copies the script and its
 * package to {@code target/firefox-tests} and installs it there with {@code npm ci} ({@code prepare.sh}).
 * A flow that fails throws an AssertionError with the script's own message.
 */
final class FirefoxFlows implements AutoCloseable {

    static final Path FOLDER = Path.of(System.getProperty("slant.firefox.tests", "target/firefox-tests"));
    static final Path NODE = Path.of(System.getProperty("slant.node", ".node/node"));
    static final Path FIREFOX = Path.of(System.getProperty("slant.firefox", "/usr/bin/firefox-esr"));
    /** The script's own limit per flow is 90 s (SLANT_FLOW_TIMEOUT_MS); this one is for a script that hangs. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process node;
    private final BufferedWriter requests;
    private final BufferedReader replies;
    private final Path log;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "firefox-flows-reader");
        t.setDaemon(true);
        return t;
    });
    final String version;

    private FirefoxFlows(Process node, Path log) throws IOException {
        this.node = node;
        this.log = log;
        this.requests = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
        this.replies = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        JsonNode ready = read(START_TIMEOUT, "starting Firefox");
        if (!ready.path("ready").asBoolean(false)) {
            close();
            throw new AssertionError("Firefox did not start: " + ready.path("message").asString() + logTail());
        }
        this.version = ready.path("version").asString();
    }

    /** Starts the script (and so Firefox); fails with what to install when something is missing. */
    static FirefoxFlows start() throws IOException {
        requireFile(FIREFOX, "Debian's firefox-esr: apt-get install firefox-esr");
        requireFile(NODE, "the build's Node 24 (.mvn/node/ensure-node.sh; run the build with -Pbrowser-tests)");
        requireFile(FOLDER.resolve("node_modules/puppeteer-core/package.json"),
                "the Firefox test package, installed by the build's pre-integration-test phase (src/test/firefox/prepare.sh)");
        Path screenshots = BrowserTestBase.SCREENSHOTS.toAbsolutePath();
        Path log = FOLDER.resolve("core-flows.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(NODE.toAbsolutePath().toString(), "core-flows.mjs")
                .directory(FOLDER.toFile())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("SLANT_FIREFOX", FIREFOX.toString());
        builder.environment().put("SLANT_SCREENSHOTS", screenshots.toString());
        return new FirefoxFlows(builder.start(), log);
    }

    private static void requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("The Firefox tests need " + what + "; there is no " + path.toAbsolutePath());
        }
    }

    /** Runs one flow of the script with these parameters; its result, or an AssertionError with its message. */
    JsonNode run(String flow, Map<String, ?> parameters) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(parameters);
        request.put("flow", flow);
        try {
            requests.write(JsonMapper.shared().writeValueAsString(request));
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            throw new AssertionError("Could not send the flow " + flow + " to the Firefox script: " + e.getMessage() + logTail(), e);
        }
        JsonNode reply = read(REPLY_TIMEOUT, "the flow " + flow);
        if (!reply.path("ok").asBoolean(false)) {
            String stack = reply.path("stack").isString() ? "\n" + reply.path("stack").asString() : "";
            throw new AssertionError("In Firefox, " + flow + ": " + reply.path("message").asString() + stack);
        }
        return reply.path("result");
    }

    private JsonNode read(Duration timeout, String what) {
        Future<String> line = reader.submit(replies::readLine);
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("The Firefox script ended during " + what + logTail());
            }
            return JsonMapper.shared().readTree(text);
        } catch (TimeoutException e) {
            line.cancel(true);
            close();
            throw new AssertionError("The Firefox script did not answer within " + timeout.toSeconds() + " s during " + what
                    + "; stopped it" + logTail());
        } catch (ExecutionException e) {
            throw new AssertionError("Reading the Firefox script's answer during " + what + ": " + e.getCause() + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + what, e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return "\nThe script's log (" + log + "), last lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "\n(its log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }

    /** Ends the script: closing its input makes it close Firefox and exit; if it does not, it is stopped. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // the script has gone already
        }
        try {
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroy(); // SIGTERM: puppeteer closes the Firefox it started
                if (!node.waitFor(10, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
        }
        reader.shutdownNow();
    }
}
