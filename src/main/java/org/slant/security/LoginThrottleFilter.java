package org.slant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to the sign-in form: a POST to {@code /login} during a wait goes back to
 * the login page with {@code ?wait=N} (seconds) before any password is checked; a wrong password goes
 * back with {@code ?error}, and with {@code &wait=N} when it started a wait. The same answer whether the
 * name exists or not.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + LOGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
        if (!wait.isZero()) {
            response.sendRedirect(request.getContextPath() + LOGIN + "?wait=" + seconds(wait));
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(withWait(request, location));
            }
        });
    }

    /**
     * After a wrong password (already counted by the throttle's event listener) the form login sends the
     * browser back to {@code /login?error}: add the wait, if one began. Done on the way out rather than with
     * a failure handler of the form login's own, which would replace the login page Vaadin configures.
     */
    String withWait(HttpServletRequest request, String location) {
        if (!location.endsWith(LOGIN + "?error")) {
            return location;
        }
        Duration wait = throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
        return wait.isZero() ? location : location + "&wait=" + seconds(wait);
    }

    /** Whole seconds, rounded up: "wait 0 seconds" is never said while a wait is on. */
    static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
