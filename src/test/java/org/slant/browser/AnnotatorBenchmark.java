package org.slant.browser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerStore;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annotator under load, in headless Chromium: an article of 100,000 characters carrying 5,000
 * spans. Reports the median time from navigation to an interactive view (every highlight drawn, main
 * thread free) and from a hotkey to the new highlight on screen. Prints figures; run with
 * {@code ./mvnw -Pbenchmark verify}. Targets: open under 1 s, new highlight under 100 ms.
 */
class AnnotatorBenchmark extends BrowserTestBase {

    private static final int OPEN_RUNS = 5;
    private static final int CREATE_RUNS = 15;

    @Autowired
    DocumentService documents;
    @Autowired
    LayerStore layers;

    private String lastOpenDetail;

    /** Milliseconds from navigation start until every highlight is drawn and the main thread is free. */
    private double timeToInteractive(String documentId, int spanCount) {
        driver.get(url("/documents/" + documentId));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> t = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const want = arguments[0];
                const check = () => {
                  const a = document.querySelector('slant-annotator');
                  if (a && a.text && a.spans && a.spans.length >= want) {
                    const received = performance.now();
                    a.updateComplete.then(() => requestAnimationFrame(() => setTimeout(() => done({
                      received, interactive: performance.now(),
                      domLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
                      nodes: a.querySelectorAll('*').length, renderMs: Math.round(window.__renderMs),
                      longTasks: window.__longTasks.join(' ') }), 0)));
                  } else { setTimeout(check, 2); }
                };
                check();
                """, spanCount);
        lastOpenDetail = t.toString();
        return ((Number) t.get("interactive")).doubleValue();
    }

    @Test
    void openAndCreateOnALargeLayer() {
        String sample = documents.get("peace-talks").text();
        StringBuilder big = new StringBuilder("Benchmark article\n");
        while (big.length() < 100_000) {
            big.append(sample).append('\n');
        }
        String text = big.substring(0, big.lastIndexOf("\n", 100_000));
        Document doc = documents.add(new Draft("Benchmark article", text), Source.UNKNOWN);
        CodePointIndex index = new CodePointIndex(text);
        Random random = new Random(7);
        List<Span> spans = new ArrayList<>();
        String[] labels = {"sensational", "attribution", "opinion", "fact"};
        Instant now = Instant.now();
        int length = index.codePointLength();
        for (int i = 0; i < 5000; i++) {
            int start = (int) ((long) i * (length - 60) / 5000) + random.nextInt(10);
            int end = start + 3 + random.nextInt(i % 10 == 0 ? 80 : 25); // every tenth span is long: overlaps
            String covered = index.slice(text, start, end);
            if (covered.isBlank()) {
                continue;
            }
            spans.add(new Span("b" + i, start, end, labels[i % 4], covered, null, "browser", now, now));
        }
        layers.save(new Layer(doc.id(), "browser", 1, spans), 0); // a new document: no layer yet

        // measure the element's own update time and the main thread's long tasks, without touching the product
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                window.__renderMs = 0; window.__longTasks = [];
                new PerformanceObserver(l => l.getEntries().forEach(e => window.__longTasks.push(Math.round(e.startTime) + '+' + Math.round(e.duration))))
                  .observe({ type: 'longtask', buffered: true });
                const define = customElements.define.bind(customElements);
                customElements.define = (name, cls, opts) => {
                  if (name === 'slant-annotator') {
                    const update = cls.prototype.update;
                    cls.prototype.update = function (changed) { const t = performance.now(); update.call(this, changed); window.__renderMs += performance.now() - t; };
                  }
                  return define(name, cls, opts);
                };
                """));
        double[] open = new double[OPEN_RUNS];
        double[] baseline = new double[OPEN_RUNS];
        for (int i = 0; i < OPEN_RUNS; i++) {
            baseline[i] = timeToInteractive("peace-talks", 0);
            open[i] = timeToInteractive(doc.id(), spans.size());
        }

        double[] create = new double[CREATE_RUNS];
        for (int i = 0; i < CREATE_RUNS; i++) {
            selectPhrase("Ukraine", 40 + i * 7);
            create[i] = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const a = document.querySelector('slant-annotator');
                    const before = a.spans.length;
                    const t0 = performance.now();
                    // polled each frame rather than by a MutationObserver on the element: with Chromium 156 the
                    // observer saw no mutation after the new span arrived, and the wait ran into the script timeout
                    const check = () => {
                      if (a.spans.length > before) {
                        a.updateComplete.then(() => requestAnimationFrame(() => done(performance.now() - t0)));
                      } else {
                        requestAnimationFrame(check);
                      }
                    };
                    a.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
                    requestAnimationFrame(check);
                    """)).doubleValue();
        }
        Arrays.sort(open);
        Arrays.sort(baseline);
        System.out.printf("BENCHMARK open sample article (24k chars, no spans): median %.0f ms%n", baseline[OPEN_RUNS / 2]);
        Arrays.sort(create);
        System.out.printf("BENCHMARK open 100k chars / %d spans: median %.0f ms (min %.0f, max %.0f)%n",
                spans.size(), open[OPEN_RUNS / 2], open[0], open[OPEN_RUNS - 1]);
        System.out.println("BENCHMARK detail of last open: " + lastOpenDetail);
        System.out.printf("BENCHMARK hotkey -> new highlight drawn: median %.0f ms (min %.0f, max %.0f)%n",
                create[CREATE_RUNS / 2], create[0], create[CREATE_RUNS - 1]);
    }
}
