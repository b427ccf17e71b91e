package org.slant.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock someone else out. Wrong passwords
 * are counted per (user name, client address) and per client address, never per name alone: a storm
 * of wrong passwords for {@code admin} from one address slows that address, and the owner signing in
 * from another address gets in at once.
 * <ul>
 * <li>Per name and address: {@value #FREE_PER_NAME} wrong passwords are free; after each further one
 * the next try waits {@link #FIRST_WAIT_PER_NAME}, doubling each time, at most {@link #MAX_WAIT_PER_NAME}.</li>
 * <li>Per address (many names from one place): {@value #FREE_PER_ADDRESS} wrong passwords are free (a
 * class behind one school address makes typos too), then {@link #FIRST_WAIT_PER_ADDRESS}, doubling, at
 * most {@link #MAX_WAIT_PER_ADDRESS}.</li>
 * <li>A try during the wait is refused without looking at the password, and is not counted.</li>
 * <li>{@link #FORGET_AFTER} without a wrong password forgets the count; the right password forgets that
 * name's count from that address (not the address's: an attacker's own account does not reset it).</li>
 * </ul>
 * Names that do not exist are counted exactly like names that do, so the wait tells nothing about which
 * names exist. Kept in memory and bounded ({@value #MAX_TRACKED} entries per table): a restart forgives.
 * The address is {@code request.getRemoteAddr()}, which honours forwarded headers only as the server is
 * configured to ({@code server.forward-headers-strategy}).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final int FREE_PER_NAME = 3;
    static final Duration FIRST_WAIT_PER_NAME = Duration.ofSeconds(2);
    static final Duration MAX_WAIT_PER_NAME = Duration.ofMinutes(5);
    static final int FREE_PER_ADDRESS = 30;
    static final Duration FIRST_WAIT_PER_ADDRESS = Duration.ofSeconds(1);
    static final Duration MAX_WAIT_PER_ADDRESS = Duration.ofMinutes(1);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    /** Wrong passwords counted for one key, and when the last one came. */
    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> byNameAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in for this name from this address must wait before it is tried; zero when it may be tried now. */
    public Duration waitBefore(String userName, String address) {
        Instant now = clock.instant();
        Duration forName = remaining(byNameAndAddress.get(key(userName, address)), FREE_PER_NAME, FIRST_WAIT_PER_NAME,
                MAX_WAIT_PER_NAME, now);
        Duration forAddress = remaining(byAddress.get(address(address)), FREE_PER_ADDRESS, FIRST_WAIT_PER_ADDRESS,
                MAX_WAIT_PER_ADDRESS, now);
        return forName.compareTo(forAddress) >= 0 ? forName : forAddress;
    }

    public void failed(String userName, String address) {
        Instant now = clock.instant();
        count(byNameAndAddress, key(userName, address), now);
        count(byAddress, address(address), now);
    }

    public void succeeded(String userName, String address) {
        byNameAndAddress.remove(key(userName, address));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        // a name that does not exist arrives here too (Spring hides "user not found" as bad credentials)
        Authentication attempt = event.getAuthentication();
        String address = addressOf(attempt);
        failed(String.valueOf(attempt.getPrincipal()), address);
        if (!waitBefore(String.valueOf(attempt.getPrincipal()), address).isZero()) {
            log.info("Sign-in from {} waits {} after repeated wrong passwords", address,
                    waitBefore(String.valueOf(attempt.getPrincipal()), address));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    /** The wait still to go after the failures, when their count is past the free ones. */
    static Duration remaining(Failures failures, int free, Duration first, Duration max, Instant now) {
        if (failures == null || failures.count() <= free) {
            return Duration.ZERO;
        }
        Duration wait = waitAfter(failures.count() - free, first, max);
        Duration left = Duration.between(now, failures.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** first, 2·first, 4·first … for the 1st, 2nd, 3rd failure past the free ones, at most max. */
    static Duration waitAfter(int pastFree, Duration first, Duration max) {
        int doublings = Math.min(pastFree - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void count(Map<String, Failures> table, String key, Instant now) {
        table.compute(key, (k, old) -> old == null || !now.isBefore(old.last().plus(FORGET_AFTER))
                ? new Failures(1, now) : new Failures(old.count() + 1, now));
        if (table.size() > MAX_TRACKED) {
            prune(table, now);
        }
    }

    /** Forgets what is past FORGET_AFTER; still too many (a flood from many addresses): the oldest go first. */
    private static void prune(Map<String, Failures> table, Instant now) {
        table.values().removeIf(f -> !now.isBefore(f.last().plus(FORGET_AFTER)));
        int over = table.size() - MAX_TRACKED;
        if (over > 0) {
            table.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last())).limit(over)
                    .map(Map.Entry::getKey).toList().forEach(table::remove);
        }
    }

    int tracked() {
        return byNameAndAddress.size() + byAddress.size();
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static String address(String address) {
        return address == null ? "unknown" : address;
    }

    private static String key(String userName, String address) {
        String name = userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
        return name + "\u0000" + address(address);
    }
}
