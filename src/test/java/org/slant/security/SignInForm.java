package org.slant.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Signs in as the browser does, through the app's real security filters: GET /login, then POST /login with
 * the CSRF token of that page. Vaadin's index page copies the request's CsrfToken into
 * {@code <meta name="_csrf">} and the login form posts it as {@code _csrf}; without the frontend bundle
 * (-DskipFrontend) the page itself cannot render, so this reads the token where Vaadin reads it.
 */
public final class SignInForm {

    private final MockMvc mvc;

    public SignInForm(ApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    public MockMvc mvc() {
        return mvc;
    }

    /** A session that has opened the login page, the token that page carries, and the cookies it set (the token's). */
    public record LoginPage(MockHttpSession session, CsrfToken token, jakarta.servlet.http.Cookie[] cookies) {

        /** The request as the browser sends it from this page: with the cookies the page set, if any. */
        public org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withCookies(
                org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
            return cookies.length == 0 ? request : request.cookie(cookies);
        }
    }

    public LoginPage openLoginPage() throws Exception {
        MvcResult page = mvc.perform(get("/login")).andReturn();
        CsrfToken token = (CsrfToken) page.getRequest().getAttribute(CsrfToken.class.getName());
        token.getToken(); // a deferred token is saved (its cookie set) only once it is read, as the page does
        return new LoginPage((MockHttpSession) page.getRequest().getSession(), token, page.getResponse().getCookies());
    }

    /** Posts the form from a freshly opened login page; the result's redirect says whether it worked. */
    public MvcResult signIn(String user, String password) throws Exception {
        LoginPage page = openLoginPage();
        return mvc.perform(page.withCookies(post("/login").session(page.session())).param("username", user)
                .param("password", password).param(page.token().getParameterName(), page.token().getToken())).andReturn();
    }

    /** The same from a client at {@code remoteAddress} (what the login throttle counts by). */
    public MvcResult signIn(String user, String password, String remoteAddress) throws Exception {
        LoginPage page = openLoginPage();
        return mvc.perform(page.withCookies(post("/login").session(page.session())).param("username", user)
                .param("password", password).param(page.token().getParameterName(), page.token().getToken())
                .with(request -> {
                    request.setRemoteAddr(remoteAddress);
                    return request;
                })).andReturn();
    }

    /** Whether a sign-in was accepted: a redirect that is not back to the form with ?error. */
    public static boolean accepted(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return result.getResponse().getStatus() == 302 && location != null && !location.contains("error");
    }
}
