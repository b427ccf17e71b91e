package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.security.UserService;
import org.slant.storage.LimitExceededException;
import org.slant.storage.StorageFullException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API is JSON with its status, over real HTTP with a token and redirects not followed:
 * never 302 to the login page (the ERROR dispatch used to run in the UI's filter chain) nor an HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true", "spring.servlet.multipart.max-request-size=1KB",
        "spring.servlet.multipart.max-file-size=1KB"})
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorAnswersTest {

    @LocalServerPort
    int port;
    @MockitoSpyBean
    UserService users;
    @Autowired
    DocumentService documents;
    @MockitoSpyBean
    AnnotationService annotations;

    String admin;
    String annotator;
    String doc;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-api-errors");
        registry.add("slant.workspace", folder::toString);
    }

    @BeforeEach
    void tokens() {
        if (users.find("errors-admin").isEmpty()) {
            users.create("errors-admin", null, "errors-admin-password", true);
            users.create("errors-annotator", null, "errors-annotator-password", false);
        }
        admin = users.createToken("errors-admin", "t").secret();
        annotator = users.createToken("errors-annotator", "t").secret();
        doc = documents.add(new Draft("Errors " + System.nanoTime(), "The minister SLAMMED critics."), Source.UNKNOWN).id();
    }

    private HttpResponse<String> send(String token, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status, a JSON body with "error" and "status", and no redirect; returns the body. */
    private static JsonNode assertJsonError(HttpResponse<String> r, int status) {
        String what = r.request().method() + " " + r.request().uri() + " → " + r.statusCode() + " " + r.headers().map() + " " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Location")).as(what).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = JsonMapper.shared().readTree(r.body());
        assertThat(json.path("error").asString()).as(what).isNotBlank();
        assertThat(json.path("status").asInt()).as(what).isEqualTo(status);
        return json;
    }

    private String layer(String id) {
        return "/api/documents/" + id + "/layers/model";
    }

    @Test
    void aPutWithoutABodyIs400() throws Exception {
        JsonNode json = assertJsonError(send(admin, "PUT", layer(doc), "application/json", null), 400);
        assertThat(json.path("error").asString()).contains("body").doesNotContain("public byte[]");
    }

    @Test
    void aMissingOrMistypedParameterIs400() throws Exception {
        assertThat(assertJsonError(send(admin, "POST", "/api/import?annotator=model", "application/json", "{}"), 400)
                .path("error").asString()).contains("format");
        assertThat(assertJsonError(send(admin, "POST", "/api/import?format=jsonl&annotator=model&check=maybe",
                "application/json", "{}"), 400).path("error").asString()).contains("maybe").contains("check");
    }

    @Test
    void aUrlTheFirewallRejectsIs400InJsonToo() throws Exception {
        assertJsonError(send(admin, "GET", "/api/documents/a;b/layers", null, null), 400);
    }

    @Test
    void noTokenIs401() throws Exception {
        assertJsonError(send(null, "GET", "/api/documents", null, null), 401);
    }

    @Test
    void aRefusalIs403WithItsReason() throws Exception {
        assertThat(assertJsonError(send(annotator, "POST", "/api/import?format=jsonl&annotator=model", "application/json",
                "{}"), 403).path("error").asString()).contains("curators");
    }

    @Test
    void anUnknownDocumentOrPathIs404() throws Exception {
        assertThat(assertJsonError(send(admin, "GET", layer("no-such-document"), null, null), 404)
                .path("error").asString()).contains("no-such-document");
        assertThat(assertJsonError(send(admin, "GET", "/api/no-such-endpoint", null, null), 404)
                .path("error").asString()).contains("/api/no-such-endpoint");
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = send(admin, "PATCH", "/api/documents", "application/json", "{}");
        assertJsonError(r, 405);
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
    }

    @Test
    void aStaleRevisionIs409() throws Exception {
        String put = "{\"revision\": 0, \"spans\": [{\"start\": 4, \"end\": 12, \"label\": \"fact\"}]}";
        assertThat(send(admin, "PUT", layer(doc), "application/json", put).statusCode()).isEqualTo(200);
        assertThat(assertJsonError(send(admin, "PUT", layer(doc), "application/json", put), 409)
                .path("error").asString()).contains("revision");
    }

    @Test
    void overALimitIs413NamingTheLimitAndItsValue() throws Exception {
        doThrow(new LimitExceededException("slant.limits.spans-per-layer", 10000, "A layer holds at most 10000 spans"))
                .when(annotations).replaceLayer(eq(doc), anyString(), anyLong(), anyList(), any(), any(), any());
        JsonNode json = assertJsonError(send(admin, "PUT", layer(doc), "application/json", "{\"revision\": 0, \"spans\": []}"), 413);
        assertThat(json.path("limit").asString()).isEqualTo("slant.limits.spans-per-layer");
        assertThat(json.path("value").asLong()).isEqualTo(10000);
    }

    @Test
    void anUploadOverTheMultipartLimitIs413() throws Exception {
        String boundary = "slantboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(8192) + "\r\n--" + boundary + "--\r\n";
        assertJsonError(send(admin, "POST", "/api/documents?fileName=big.txt", "multipart/form-data; boundary=" + boundary, body), 413);
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        assertJsonError(send(admin, "PUT", layer(doc), "text/plain", "{\"revision\": 0, \"spans\": []}"), 415);
    }

    @Test
    void anUnexpectedFailureIs500LoggedOnceAndAnsweredWithoutInternals(CapturedOutput output) throws Exception {
        doThrow(new IllegalStateException("internal-detail-7731 at /srv/secret"))
                .when(annotations).replaceLayer(eq(doc), anyString(), anyLong(), anyList(), any(), any(), any());
        JsonNode json = assertJsonError(send(admin, "PUT", layer(doc), "application/json", "{\"revision\": 0, \"spans\": []}"), 500);
        assertThat(json.path("error").asString()).doesNotContain("internal-detail-7731").doesNotContain("/srv");
        assertThat(output.getAll().split("internal-detail-7731", -1)).as("logged once").hasSize(2);
        assertThat(output.getAll()).contains("ERROR");
    }

    /** A failure in a filter, before any controller: the container's ERROR dispatch is answered in JSON too. */
    @Test
    void aFailureBeforeTheControllerIs500InJsonToo() throws Exception {
        doThrow(new IllegalStateException("users-file-broken-4410")).when(users).authenticateToken("slant_explodes_now");
        JsonNode json = assertJsonError(send("slant_explodes_now", "GET", "/api/documents", null, null), 500);
        assertThat(json.path("error").asString()).doesNotContain("users-file-broken-4410");
    }

    @Test
    void aFullDiskIs507() throws Exception {
        doThrow(new StorageFullException("No room to write layers/model.json", new IOException("No space left on device")))
                .when(annotations).replaceLayer(eq(doc), anyString(), anyLong(), anyList(), any(), any(), any());
        assertThat(assertJsonError(send(admin, "PUT", layer(doc), "application/json", "{\"revision\": 0, \"spans\": []}"), 507)
                .path("error").asString()).contains("full");
    }

    @Test
    void aBrowserAskingForHtmlStillGetsJson() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + layer("no-such-document")))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
        assertJsonError(r, 404);
    }
}
