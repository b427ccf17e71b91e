package org.slant.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may reach what. Two filter chains:
 * <ul>
 * <li>{@code /api/**}: a session (the browser's, for downloads) or a personal API token; anything else
 * gets 401 with a JSON message, never data or a login page; every error answer is JSON (the ERROR
 * dispatch of an API request stays in this chain). Requests signed in by a valid token skip CSRF checks
 * (a script has no CSRF token, and a forged cross-site request cannot carry the token); session
 * requests that change data still need one.</li>
 * <li>everything else: Vaadin's configuration, with the login view; views say who may open them with
 * {@code @PermitAll} / {@code @RolesAllowed}, and what is inside them is checked by {@link AccessPolicy}.
 * The sign-in form needs its CSRF token too. {@code /actuator/health} and {@code /v3/api-docs} are open.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * For both chains. Vaadin needs inline and eval'd scripts, inline styles, fonts as data: URLs (an icon
     * font in the bundle) and its push connection (ws/wss on the same origin); nothing is loaded from
     * elsewhere, and no other site may frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, UserService users, SessionRegistry sessions) throws Exception {
        // also the ERROR dispatch of an /api request: answered in JSON here, not by the UI's login redirect
        return http.securityMatcher(ApiErrors::isApiRequest)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiErrors.ErrorDispatchFilter(), WebAsyncManagerIntegrationFilter.class)
                // a session ended by a password change (PasswordChangeSessions) answers 401 from then on
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredSessionStrategy(event ->
                        ApiErrors.write(event.getResponse(), HttpServletResponse.SC_UNAUTHORIZED, PASSWORD_CHANGED)))
                .addFilterBefore(new ApiTokenFilter(users), CsrfFilter.class)
                // CSRF rides on a session cookie: requests signed in by a valid token, or with no session at
                // all (which then get 401), have nothing to forge. Any other Authorization header is no excuse.
                .csrf(c -> c.ignoringRequestMatchers(r -> ApiTokenFilter.isTokenAuthenticated(r) || r.getSession(false) == null))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ApiErrors.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "Not signed in: send a personal API token as \"Authorization: Bearer slant_…\" "
                                        + "(make one under Account in the app)"))
                        .accessDeniedHandler((request, response, ex) -> ApiErrors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, ex.getMessage())))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, RequestUtil vaadinRequests, LoginPage login, SessionRegistry sessions,
                                  LoginThrottle throttle) throws Exception {
        // the load balancer's health check and the API's OpenAPI description need no sign-in (neither holds data)
        http.authorizeHttpRequests(a -> a.requestMatchers("/slant.css", "/favicon.ico", SignedOutController.PATH,
                "/actuator/health", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll());
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        // Vaadin's own CSRF setup also exempts the login page, so a foreign site could sign a browser in
        // (login CSRF). The login form does send the token (vaadin-login-form copies the page's _csrf meta
        // tags into the form); keep only Vaadin's exemption for its internal requests, which carry Vaadin's
        // own CSRF token.
        // The token lives in a cookie (double submit), not in the HTTP session: the session changes under a
        // login page (a sign-out that is still finishing, a restart, a session that timed out), and a token
        // tied to the old session made the next sign-in fail with 403. A foreign site can neither read nor
        // set the cookie, so it still cannot sign a browser in.
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .csrfTokenRepository(loginTokens()));
        // sign-ins are registered, so a password change can end the user's other sessions; an ended one goes to the login page
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?password-changed"));
        // password guessing waits (LoginThrottle): before the form's password check, and on the way back to the form
        // (no formLogin(...) of our own here: it would replace the login page that Vaadin configures)
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.with(vaadin(), vaadin -> vaadin.loginView(login.view()).enableCsrfConfiguration(false)).build();
    }

    /** The UI's CSRF tokens, in an HttpOnly, SameSite=Lax cookie (Secure when the request is). */
    private static org.springframework.security.web.csrf.CookieCsrfTokenRepository loginTokens() {
        org.springframework.security.web.csrf.CookieCsrfTokenRepository tokens =
                new org.springframework.security.web.csrf.CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    static final String PASSWORD_CHANGED = "Signed out: the password of this account was changed; sign in again";

    /** Every signed-in session by user, so that a password change can end the others. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry about sessions that time out or are invalidated, so it does not keep them. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** No default password: the first admin gets SLANT_ADMIN_PASSWORD, or a random one printed once. */
    @Bean
    ApplicationRunner createFirstAdmin(UserService users, @Value("${slant.admin.password:}") String password) {
        return args -> firstAdmin(users, password).ifPresent(generated -> log.warn("""

                ==============================================================
                  No users yet: created the admin account.
                    user:     {}
                    password: {}
                  This is printed once. Sign in and change it under Account,
                  or start with SLANT_ADMIN_PASSWORD set to choose it.
                ==============================================================""", UserService.ADMIN, generated));
    }

    /** A weak SLANT_ADMIN_PASSWORD stops the start, with the reason on top of the log rather than in a stack trace. */
    private static java.util.Optional<String> firstAdmin(UserService users, String password) {
        try {
            return users.createFirstAdmin(password);
        } catch (IllegalArgumentException e) {
            log.error("""

                ==============================================================
                  Slant did not start: {}
                ==============================================================""", e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
