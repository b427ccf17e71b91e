package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.security.UserService;
import org.slant.storage.Limits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits over real HTTP: a body far over the cap is refused with 413 at once, without the server
 * reading it (declared or chunked), and the heap stays bounded; spans per layer and note length answer
 * 413 naming the setting; a lone surrogate in JSON is a 400 naming where it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "slant.limits.spans-per-layer=3", "slant.limits.note-chars=20"})
class ApiLimitsTest {

    private static final long OVERSIZED = 300L * 1024 * 1024;
    private static final long API_BODY_BYTES = 16L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    UserService users;
    @Autowired
    Limits limits;

    private String token;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-limits-test");
        registry.add("slant.workspace", folder::toString);
    }

    @BeforeEach
    void adminToken() {
        if (users.find("api-admin").isEmpty()) {
            users.create("api-admin", "API admin", "api-admin-password", true);
        }
        token = users.createToken("api-admin", "tests").secret();
    }

    @AfterEach
    void revokeTokens() {
        users.get("api-admin").tokens().forEach(t -> users.revokeToken("api-admin", t.id()));
    }

    /** What came back, how many body bytes had been sent when the answer began, and how long that took. */
    private record Answer(int status, String text, long bytesSentBeforeAnswer, long millis, long peakHeapGrowth) {
    }

    /**
     * Sends a {@code size}-byte body made up on the fly (never held in memory) over a plain socket, while
     * reading the answer; declared with Content-Length, or chunked. Samples the heap meanwhile.
     */
    private Answer sendOversized(String method, String path, long size, boolean chunked) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
            long started = System.nanoTime();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < size) {
                        if (chunked) {
                            out.write(chunkHead);
                        }
                        out.write(chunk);
                        if (chunked) {
                            out.write(crlf);
                        }
                        sent.addAndGet(chunk.length);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection after answering: what the test expects
                }
            });
            InputStream in = socket.getInputStream();
            int first = in.read();
            long answeredAfter = sent.get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            answer.write(first);
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break; // the JSON body is in
                    }
                }
            } catch (IOException e) {
                // a reset after the answer
            }
            socket.close();
            writer.join(10_000);
            done.set(true);
            sampler.join();
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text, answeredAfter, millis, peak.get() - baseline);
        }
    }

    private String newDocument(String title) {
        return documents.add(new Draft(title, "One two three four five six seven eight."), Source.UNKNOWN).id();
    }

    @Test
    void aDeclaredBodyFarOverTheCapIsRefusedAtOnceUnread() throws Exception {
        String id = newDocument("Declared");
        Answer a = sendOversized("PUT", "/api/documents/" + id + "/layers/api-admin", OVERSIZED, false);
        System.out.printf("declared 300 MB body: %d after %d ms, %d bytes sent before the answer, heap grew at most %d MB%n",
                a.status(), a.millis(), a.bytesSentBeforeAnswer(), a.peakHeapGrowth() / (1024 * 1024));
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.text()).contains("application/json").contains("\"limit\":\"slant.limits.api-body-bytes\"")
                .contains("\"value\":" + API_BODY_BYTES).contains("\"status\":413"); // the shape of every API error
        assertThat(a.millis()).isLessThan(5_000);
        assertThat(a.bytesSentBeforeAnswer()).isLessThan(API_BODY_BYTES); // refused by its header, before the body
        assertThat(a.peakHeapGrowth()).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void aChunkedBodyFarOverTheCapIsRefusedWhereItCrossesTheCap() throws Exception {
        String id = newDocument("Chunked");
        Answer a = sendOversized("PUT", "/api/documents/" + id + "/layers/api-admin", OVERSIZED, true);
        System.out.printf("chunked 300 MB body: %d after %d ms, %d bytes sent before the answer, heap grew at most %d MB%n",
                a.status(), a.millis(), a.bytesSentBeforeAnswer(), a.peakHeapGrowth() / (1024 * 1024));
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.text()).contains("\"limit\":\"slant.limits.api-body-bytes\"");
        assertThat(a.millis()).isLessThan(5_000);
        // the server stopped reading at the cap: what was sent meanwhile sits in socket buffers, far below 300 MB
        assertThat(a.bytesSentBeforeAnswer()).isLessThan(API_BODY_BYTES + 32L * 1024 * 1024);
        assertThat(a.peakHeapGrowth()).isLessThan(200L * 1024 * 1024);
    }

    @Test
    void anImportFileOverTheUploadLimitIsRefusedByItsHeader() throws Exception {
        Answer a = sendOversized("POST", "/api/import?format=jsonl&annotator=gold", OVERSIZED, false);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.text()).contains("\"limit\":\"slant.limits.upload-bytes\"").contains("\"value\":" + 64L * 1024 * 1024);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLayerPutWithMoreSpansThanTheLimitIs413NamingIt() throws Exception {
        String id = newDocument("Many spans");
        HttpResponse<String> r = send("PUT", "/api/documents/" + id + "/layers/api-admin", """
                {"revision": 0, "spans": [{"start": 0, "end": 3, "label": "fact"}, {"start": 4, "end": 7, "label": "fact"},
                  {"start": 8, "end": 13, "label": "fact"}, {"start": 14, "end": 18, "label": "fact"}]}""");
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode body = JsonMapper.shared().readTree(r.body());
        assertThat(body.path("limit").asString()).isEqualTo("slant.limits.spans-per-layer");
        assertThat(body.path("value").asLong()).isEqualTo(3);
        assertThat(body.path("error").asString()).contains("4 spans").contains("limit is 3");
    }

    @Test
    void aLayerPutWithANoteOverTheLimitIs413NamingIt() throws Exception {
        String id = newDocument("Long note");
        HttpResponse<String> r = send("PUT", "/api/documents/" + id + "/layers/api-admin", """
                {"revision": 0, "spans": [{"start": 0, "end": 3, "label": "fact", "note": "twenty-one characters"}]}""");
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode body = JsonMapper.shared().readTree(r.body());
        assertThat(body.path("limit").asString()).isEqualTo("slant.limits.note-chars");
        assertThat(body.path("value").asLong()).isEqualTo(20);
        assertThat(send("PUT", "/api/documents/" + id + "/layers/api-admin", """
                {"revision": 0, "spans": [{"start": 0, "end": 3, "label": "fact", "note": "twenty characters ok"}]}""")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aLoneSurrogateInAPostedDocumentIs400NamingWhere() throws Exception {
        HttpResponse<String> r = send("POST", "/api/documents", """
                {"title": "Surrogate", "text": "First line\\nSecond \\ud800 line"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(r.body()).path("error").asString())
                .contains("lone surrogate (U+D800").contains("line 2, column 8");
        assertThat(documents.list().documents()).noneMatch(d -> d.title().equals("Surrogate"));

        HttpResponse<String> title = send("POST", "/api/documents", """
                {"title": "Bad \\udc00 title", "text": "Fine text."}""");
        assertThat(title.statusCode()).isEqualTo(400);
        assertThat(title.body()).contains("lone surrogate (U+DC00");
    }

    @Test
    void aLoneSurrogateInANoteIs400() throws Exception {
        String id = newDocument("Note surrogate");
        HttpResponse<String> r = send("PUT", "/api/documents/" + id + "/layers/api-admin", """
                {"revision": 0, "spans": [{"start": 0, "end": 3, "label": "fact", "note": "half \\udbff"}]}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The note of span").contains("lone surrogate (U+DBFF");
    }

    @Test
    void theSettingsBindWithTheDocumentedDefaults() {
        assertThat(limits.spansPerLayer()).isEqualTo(3); // set by this test
        assertThat(limits).isEqualTo(new Limits(Limits.DEFAULTS.apiBodyBytes(), Limits.DEFAULTS.uploadBytes(), 3, 20,
                Limits.DEFAULTS.zipEntries(), Limits.DEFAULTS.zipEntryBytes(), Limits.DEFAULTS.zipTotalBytes(),
                Limits.DEFAULTS.reportProblems()));
    }
}
