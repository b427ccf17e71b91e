package org.slant.security;

import org.slant.access.Audit;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Every sign-in with a password, good or bad, in the audit trail with the client's address. */
@Component
public class SignInAudit {

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Audit.record(event.getAuthentication().getName(), "sign-in", "from " + address(event.getAuthentication()));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        Audit.refused(String.valueOf(attempt.getPrincipal()), "sign-in-failed", "from " + address(attempt) + ": "
                + event.getException().getClass().getSimpleName());
    }

    /** The address the servlet saw (behind a proxy that forwards headers, the client's). */
    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "an unknown address";
    }
}
