package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations rely on, over real HTTP: the load balancer's health check, the OpenAPI description, the
 * session cookie's attributes (also behind a proxy that ends TLS) and the Content-Security-Policy header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class HttpOperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-http-operations");
        registry.add("slant.workspace", folder::toString);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * /login is Vaadin's login view, not Spring Security's generated page: a formLogin(...) of our own in the
     * security configuration once replaced it, and no browser could sign in.
     */
    @Test
    void theLoginPageIsTheAppsOwnNotSpringSecuritysDefault() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("Please sign in").doesNotContain("/default-ui.css");
    }

    @Test
    void healthAnswersUpWithoutCredentialsAndWithoutDetails() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(health.body())).isEqualTo(JsonMapper.shared().readTree("{\"status\":\"UP\"}"));
        // nothing else of the actuator is there for anyone
        for (String other : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/health/diskSpace")) {
            assertThat(get(other).statusCode()).as(other).isNotEqualTo(200);
        }
        users.create("ops-admin", null, "ops-admin-password", true);
        String token = users.createToken("ops-admin", "t").secret();
        assertThat(get("/actuator/env", "Authorization", "Bearer " + token).statusCode()).isNotEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionListsTheApiWithoutSignIn() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = JsonMapper.shared().readTree(docs.body());
        assertThat(api.path("openapi").asString()).startsWith("3.");
        List<String> paths = api.path("paths").propertyNames().stream().toList();
        assertThat(paths).contains("/api/documents", "/api/documents/{id}/layers/{annotator}",
                "/api/documents/{id}/export", "/api/import", "/api/export");
        assertThat(paths).allSatisfy(p -> assertThat(p).startsWith("/api/"));
        HttpResponse<String> yaml = get("/v3/api-docs.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).contains("/api/documents/{id}/layers/{annotator}:");
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureBehindAnHttpsProxy() throws Exception {
        // a stranger opening a page is sent to the login page; the request is kept in a new session
        String plain = sessionCookie(get("/documents/peace-talks"));
        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        HttpResponse<String> proxied = get("/documents/peace-talks", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");
        assertThat(sessionCookie(proxied)).contains("SameSite=Lax").contains("Secure");
        assertThat(proxied.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() throws Exception {
        for (HttpResponse<String> r : List.of(get("/documents/peace-talks"), get("/api/documents"), get("/actuator/health"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                            .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'").contains("connect-src 'self' ws: wss:"));
        }
    }
}
