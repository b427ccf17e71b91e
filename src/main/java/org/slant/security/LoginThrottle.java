package org.slant.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} wrong passwords for one user name within
 * {@link #WINDOW}, sign-in for that name is refused for {@link #LOCK} (even with the right password),
 * then allowed again. Kept in memory: a restart forgives, which is fine for a small team's server.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether sign-in for the name is refused just now. */
    public boolean isLocked(String userName) {
        Deque<Instant> times = failures.get(key(userName));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            Instant now = clock.instant();
            times.removeIf(t -> t.isBefore(now.minus(WINDOW)));
            return times.size() >= MAX_FAILURES && times.peekLast().plus(LOCK).isAfter(now);
        }
    }

    public void failed(String userName) {
        Deque<Instant> times = failures.computeIfAbsent(key(userName), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > MAX_FAILURES) {
                times.removeFirst();
            }
        }
    }

    public void succeeded(String userName) {
        failures.remove(key(userName));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String key(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }
}
