package org.slant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in a student who has just made their account (they typed the password a moment ago, so asking
 * for it again would only be a hurdle). Leaves things as form login does: a new session id against
 * session fixation, and the security context stored in the HTTP session, where the next request finds it.
 */
@Component
public class SessionSignIn {

    private final SlantUserDetailsService details;
    private final org.springframework.security.core.session.SessionRegistry sessions;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public SessionSignIn(SlantUserDetailsService details, org.springframework.security.core.session.SessionRegistry sessions) {
        this.details = details;
        this.sessions = sessions;
    }

    public void signIn(String user, HttpServletRequest request, HttpServletResponse response) {
        UserDetails principal = details.loadUserByUsername(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        // as form login does: known to the registry, so a later password change can end this session
        sessions.registerNewSession(request.getSession().getId(), principal);
    }
}
