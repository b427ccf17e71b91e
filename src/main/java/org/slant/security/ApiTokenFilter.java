package org.slant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that carries {@code Authorization: Bearer slant_…}. The token counts for that
 * request only (no session is made). A wrong or revoked token is answered 401 at once rather than
 * falling back to a session, so a script never silently acts as someone else. It runs before the CSRF
 * check, which a request signed in by a valid token skips ({@link #isTokenAuthenticated}); any other
 * {@code Authorization} header counts for nothing.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private static final String TOKEN_AUTHENTICATED = ApiTokenFilter.class.getName() + ".authenticated";

    private final UserService users;

    public ApiTokenFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = users.authenticateToken(header.substring(7).strip());
        if (user.isEmpty()) {
            ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "The API token is not valid (revoked, or mistyped)");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get().name(), null,
                SlantUserDetailsService.authorities(user.get())));
        SecurityContextHolder.setContext(context);
        request.setAttribute(TOKEN_AUTHENTICATED, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Whether this filter signed the request in with a valid token (so it has no CSRF to fear). */
    public static boolean isTokenAuthenticated(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(TOKEN_AUTHENTICATED));
    }
}
