package org.slant.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slant.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may reach what. Two filter chains:
 * <ul>
 * <li>{@code /api/**}: a session (the browser's, for downloads) or a personal API token; anything else
 * gets 401 with a JSON message, never data or a login page. Requests with a token skip CSRF checks
 * (a script has no CSRF token, and a forged cross-site request cannot carry the header); session
 * requests that change data still need one.</li>
 * <li>everything else: Vaadin's configuration, with the login view; views say who may open them with
 * {@code @PermitAll} / {@code @RolesAllowed}, and what is inside them is checked by {@link AccessPolicy}.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, UserService users, SessionRegistry sessions) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // a session ended by a password change (PasswordChangeSessions) answers 401 from then on
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredSessionStrategy(event ->
                        ApiErrors.write(event.getResponse(), HttpServletResponse.SC_UNAUTHORIZED, PASSWORD_CHANGED)))
                .addFilterBefore(new ApiTokenFilter(users), AnonymousAuthenticationFilter.class)
                // CSRF rides on a session cookie: requests with a token, or with no session at all (which
                // then get 401), have nothing to forge
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null || r.getSession(false) == null))
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
    SecurityFilterChain uiSecurity(HttpSecurity http, SessionRegistry sessions, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/slant.css", "/favicon.ico", SignedOutController.PATH).permitAll());
        // sign-ins are registered, so a password change can end the user's other sessions; an ended one goes to the login page
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?password-changed"));
        // password guessing waits (LoginThrottle): before the form's password check, and on the way back to the form
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        http.formLogin(f -> f.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(LoginThrottleFilter.failureHandler(throttle));
                return filter;
            }
        }));
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
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
