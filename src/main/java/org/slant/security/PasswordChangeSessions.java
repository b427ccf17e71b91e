package org.slant.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's other sessions when their password is changed or reset: whoever signed in with the old
 * password (a shared computer, a stolen session) is out at their next request. The session of the
 * request that made the change stays, so someone changing their own password is not signed out by it.
 * Spring Security's {@link SessionRegistry} knows the sessions; an expired one is ended by the
 * ConcurrentSessionFilter of either filter chain (see {@link SecurityConfiguration}), and an open page
 * of it is sent there at once by the UI (as for a disabled account).
 */
@Component
public class PasswordChangeSessions {

    private static final Logger log = LoggerFactory.getLogger(PasswordChangeSessions.class);

    private final SessionRegistry registry;

    public PasswordChangeSessions(UserService users, SessionRegistry registry) {
        this.registry = registry;
        // a singleton made at start-up: it listens before any page does, so a page sent away finds its session ended
        users.onPasswordChanged(this::endOtherSessions);
    }

    void endOtherSessions(String user) {
        String current = currentSessionId().orElse(null);
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (!user.equals(nameOf(principal))) {
                continue;
            }
            for (SessionInformation session : registry.getAllSessions(principal, false)) {
                if (!session.getSessionId().equals(current)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Password of {} changed: ended {} other session(s)", user, ended);
        }
    }

    /** The session of the request (a Vaadin one, or a plain HTTP one) that is changing the password, if any. */
    static Optional<String> currentSessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            return Optional.of(vaadin.getSession().getId());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false);
            return Optional.ofNullable(session).map(HttpSession::getId);
        }
        return Optional.empty();
    }

    private static String nameOf(Object principal) {
        return principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
    }
}
