package org.slant.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for the views and controllers: their user name is also the name of their layers.
 * Reads Spring Security's context, which Vaadin keeps per session (also inside UI.access).
 */
@Component
public class CurrentUser {

    private final UserService users;

    public CurrentUser(UserService users) {
        this.users = users;
    }

    public Optional<String> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The signed-in user's name; every view but the login page is only reachable signed in. */
    public String name() {
        return find().orElseThrow(() -> new AccessDenied("Not signed in"));
    }

    public String displayName() {
        return users.displayName(name());
    }

    public boolean isAdmin() {
        return find().map(users::isAdmin).orElse(false);
    }
}
