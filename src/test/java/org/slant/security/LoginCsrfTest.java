package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Login CSRF: a foreign page posting to /login must not sign the browser in, so the form needs the
 * token of the login page. And the API skips CSRF only for a request signed in by a valid token, not
 * for any request that happens to carry an Authorization header next to its session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class LoginCsrfTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    DocumentService documents;

    SignInForm form;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-login-csrf");
        registry.add("slant.workspace", folder::toString);
    }

    @BeforeEach
    void accounts() {
        form = new SignInForm(context);
        if (users.find("csrf-admin").isEmpty()) {
            users.create("csrf-admin", null, "csrf-admin-password", true);
        }
    }

    private boolean signedIn(MockHttpSession session) throws Exception {
        return form.mvc().perform(get("/api/documents").session(session)).andReturn().getResponse().getStatus() == 200;
    }

    @Test
    void theLoginFormWithItsPagesTokenSignsIn() throws Exception {
        SignInForm.LoginPage page = form.openLoginPage();
        assertThat(page.token()).as("the token Vaadin puts in the login page's meta tags").isNotNull();
        MvcResult login = form.mvc().perform(page.withCookies(post("/login").session(page.session())).param("username", "csrf-admin")
                .param("password", "csrf-admin-password").param(page.token().getParameterName(), page.token().getToken()))
                .andReturn();
        assertThat(SignInForm.accepted(login)).as(login.getResponse().getRedirectedUrl()).isTrue();
        assertThat(signedIn((MockHttpSession) login.getRequest().getSession(false))).isTrue();
    }

    /**
     * The session can change under an open login page: a sign-out still finishing on the old page, a restart, a
     * session that timed out. The page's token must still sign in (it was tied to the session once, and a
     * sign-in right after signing out failed with 403 now and then in the browser tests).
     */
    @Test
    void theLoginPagesTokenStillSignsInWhenTheSessionChangedMeanwhile() throws Exception {
        SignInForm.LoginPage page = form.openLoginPage();
        page.session().invalidate();
        MvcResult login = form.mvc().perform(page.withCookies(post("/login")).param("username", "csrf-admin")
                .param("password", "csrf-admin-password").param(page.token().getParameterName(), page.token().getToken()))
                .andReturn();
        assertThat(SignInForm.accepted(login)).as(login.getResponse().getRedirectedUrl()).isTrue();
    }

    @Test
    void aLoginPostWithoutTheTokenSignsNobodyIn() throws Exception {
        // a foreign page's form: the victim's browser may even have a session from an earlier visit
        SignInForm.LoginPage page = form.openLoginPage();
        MvcResult forged = form.mvc().perform(post("/login").session(page.session()).header("Origin", "https://evil.example")
                .param("username", "csrf-admin").param("password", "csrf-admin-password")).andReturn();
        assertThat(SignInForm.accepted(forged)).isFalse();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(signedIn(page.session())).isFalse();

        MvcResult noSession = form.mvc().perform(post("/login").param("username", "csrf-admin")
                .param("password", "csrf-admin-password")).andReturn();
        assertThat(SignInForm.accepted(noSession)).isFalse();
        MockHttpSession made = (MockHttpSession) noSession.getRequest().getSession(false);
        assertThat(made == null || !signedIn(made)).isTrue();
    }

    @Test
    void anAuthorizationHeaderThatIsNoValidTokenDoesNotSkipCsrf() throws Exception {
        MvcResult login = form.signIn("csrf-admin", "csrf-admin-password");
        assertThat(SignInForm.accepted(login)).isTrue();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        String body = "{\"title\": \"Forged\", \"text\": \"Posted without a CSRF token.\"}";
        int before = documents.list().documents().size();

        for (String header : new String[] {"Basic Y3NyZi1hZG1pbjpjc3JmLWFkbWluLXBhc3N3b3Jk", "Anything at all"}) {
            int status = form.mvc().perform(post("/api/documents").session(session).header("Authorization", header)
                    .contentType("application/json").content(body)).andReturn().getResponse().getStatus();
            assertThat(status).as(header).isEqualTo(403);
        }
        assertThat(form.mvc().perform(post("/api/documents").session(session).contentType("application/json").content(body))
                .andReturn().getResponse().getStatus()).as("the session alone").isEqualTo(403);
        assertThat(documents.list().documents()).hasSize(before);

        // a valid token needs no CSRF token, session cookie or not
        String token = users.createToken("csrf-admin", "script").secret();
        assertThat(form.mvc().perform(post("/api/documents").session(session).header("Authorization", "Bearer " + token)
                .contentType("application/json").content(body)).andReturn().getResponse().getStatus()).isEqualTo(201);
    }
}
