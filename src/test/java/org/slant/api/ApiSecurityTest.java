package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Without a session or a valid token the API answers 401 with a message, never data or a login page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class ApiSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-api-security-test");
        registry.add("slant.workspace", folder::toString);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"text\":\"y\"}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyEndpointWithoutCredentialsIs401WithAMessage() throws Exception {
        for (String[] call : new String[][] {{"GET", "/api/documents"}, {"GET", "/api/documents/peace-talks/export?format=json"},
                {"GET", "/api/export?format=jsonl"}, {"GET", "/api/documents/peace-talks/layers"},
                {"GET", "/api/documents/peace-talks/layers/admin"}, {"POST", "/api/documents"},
                {"DELETE", "/api/documents/peace-talks"}, {"PUT", "/api/documents/peace-talks/layers/admin"}}) {
            HttpResponse<String> response = send(call[0], call[1], null);
            assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(JsonMapper.shared().readTree(response.body()).path("error").asString())
                    .as(call[0] + " " + call[1]).contains("Authorization: Bearer");
            assertThat(response.body()).doesNotContain("Russia"); // no article text leaks
        }
    }

    @Test
    void aWrongOrRevokedTokenIs401AndAValidOneWorks() throws Exception {
        users.create("scripter", null, "scripter-password", true);
        UserService.NewToken token = users.createToken("scripter", "script");
        assertThat(send("GET", "/api/documents", "Bearer " + token.secret()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/documents", "Bearer " + token.secret() + "x").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/documents", "Bearer slant_nope_nope").body()).contains("not valid");
        users.revokeToken("scripter", token.token().id());
        assertThat(send("GET", "/api/documents", "Bearer " + token.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordIsNoApiCredentialAndTheUiSendsStrangersToTheLoginPage() throws Exception {
        users.create("basic", null, "basic-password", true);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("basic:basic-password".getBytes());
        assertThat(send("GET", "/api/documents", basic).statusCode()).isEqualTo(401);

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/documents/peace-talks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The login form as the browser posts it, with its page's CSRF token (see SignInForm). */
    private int signIn(String user, String password) throws Exception {
        org.springframework.test.web.servlet.MvcResult r = new org.slant.security.SignInForm(context).signIn(user, password);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        return org.slant.security.SignInForm.accepted(r) ? 200 : 401;
    }

    /** Where POST /login sends a browser at this address: the redirect (…/login?error, ?wait=N, or the app). */
    private String signIn(String address, String user, String password) throws Exception {
        org.springframework.test.web.servlet.MvcResult r = new org.slant.security.SignInForm(context).signIn(user, password, address);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        return r.getResponse().getRedirectedUrl();
    }

    /**
     * Wrong passwords from one address make that address wait for that name, and say how long; the right
     * password from another address (here IPv6 loopback against IPv4 loopback) gets in meanwhile.
     */
    @Test
    void wrongPasswordsFromOneAddressMakeItWaitAndTheOwnerElsewhereStillGetsIn() throws Exception {
        users.create("guessed", null, "the-right-password", false);
        assertThat(signIn("127.0.0.1", "guessed", "the-right-password")).doesNotContain("error").doesNotContain("wait");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("127.0.0.1", "guessed", "guess-" + i)).endsWith("/login?error");
        }
        assertThat(signIn("127.0.0.1", "guessed", "guess-3")).matches(".*/login\\?error&wait=[12]");
        // during the wait even the right password is not tried, from this address, however the name is typed
        assertThat(signIn("127.0.0.1", "guessed", "the-right-password")).matches(".*/login\\?wait=[12]");
        assertThat(signIn("127.0.0.1", "Guessed ", "the-right-password")).matches(".*/login\\?wait=[12]");
        // a name that does not exist is answered the same way: the wait says nothing about which names exist
        for (int i = 0; i < 4; i++) {
            signIn("127.0.0.1", "nobody-here", "guess-" + i);
        }
        assertThat(signIn("127.0.0.1", "nobody-here", "guess-4")).matches(".*/login\\?wait=[12]");

        assertThat(signIn("::1", "guessed", "the-right-password")).as("the owner, from another address")
                .doesNotContain("error").doesNotContain("wait");
    }

    /** A browser's session, signed in through the login form (with its CSRF token). */
    private org.springframework.mock.web.MockHttpSession signedInBrowser(String user, String password) throws Exception {
        org.springframework.test.web.servlet.MvcResult login = new org.slant.security.SignInForm(context).signIn(user, password);
        assertThat(org.slant.security.SignInForm.accepted(login)).as("signed in").isTrue();
        return (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
    }

    private org.springframework.mock.web.MockHttpServletResponse get(org.springframework.mock.web.MockHttpSession browser,
                                                                     String path) throws Exception {
        return new org.slant.security.SignInForm(context).mvc()
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).session(browser))
                .andReturn().getResponse();
    }

    /** Someone who learned the old password and signed in with it is out once the password is reset. */
    @Test
    void aPasswordResetEndsTheUsersOpenSessionsAndNobodyElses() throws Exception {
        users.create("reset-me", null, "the-old-password", false);
        users.create("onlooker", null, "onlooker-password", false);
        org.springframework.mock.web.MockHttpSession laptop = signedInBrowser("reset-me", "the-old-password");
        org.springframework.mock.web.MockHttpSession stolen = signedInBrowser("reset-me", "the-old-password");
        org.springframework.mock.web.MockHttpSession other = signedInBrowser("onlooker", "onlooker-password");
        assertThat(get(laptop, "/api/documents").getStatus()).isEqualTo(200);
        assertThat(get(stolen, "/api/documents").getStatus()).isEqualTo(200);

        String fresh = users.resetPassword("reset-me");

        org.springframework.mock.web.MockHttpServletResponse after = get(stolen, "/api/documents");
        assertThat(after.getStatus()).isEqualTo(401);
        assertThat(after.getContentAsString()).contains("password of this account was changed");
        assertThat(get(laptop, "/api/documents").getStatus()).isEqualTo(401);
        assertThat(get(other, "/api/documents").getStatus()).as("another user's session").isEqualTo(200);
        org.springframework.mock.web.MockHttpServletResponse page = get(signedInBrowser("reset-me", fresh), "/api/documents");
        assertThat(page.getStatus()).as("the new password signs in").isEqualTo(200);
    }

    /** /signed-out ends the session of a disabled account, and only of one: a link to it signs nobody else out. */
    @Test
    void signedOutEndsTheSessionOfADisabledAccountAndLeavesAnActiveOneAlone() throws Exception {
        org.slant.security.SignInForm form = new org.slant.security.SignInForm(context);
        users.create("leaver", null, "leaver-password", false);
        org.springframework.test.web.servlet.MvcResult login = form.signIn("leaver", "leaver-password");
        assertThat(org.slant.security.SignInForm.accepted(login)).isTrue();
        org.springframework.mock.web.MockHttpSession session =
                (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
        java.util.function.Function<String, org.springframework.mock.web.MockHttpServletResponse> get = path -> {
            try {
                return form.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .session(session)).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply("/api/documents").getStatus()).isEqualTo(200);

        var active = get.apply("/signed-out");
        assertThat(active.getStatus()).isEqualTo(302);
        assertThat(active.getRedirectedUrl()).doesNotContain("login");
        assertThat(get.apply("/api/documents").getStatus()).as("still signed in").isEqualTo(200);

        users.setDisabled("leaver", true);
        var ended = get.apply("/signed-out");
        assertThat(ended.getStatus()).isEqualTo(302);
        assertThat(ended.getRedirectedUrl()).endsWith("/login?ended");
        assertThat(session.isInvalid() || get.apply("/api/documents").getStatus() == 401).as("the session is gone").isTrue();
    }
}
