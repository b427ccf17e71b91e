package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slant.MovableClock;

class LoginThrottleTest {

    static final String A = "203.0.113.7";
    static final String B = "198.51.100.23";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aStormOfWrongPasswordsFromOneAddressNeverKeepsTheOwnerOutFromAnother() {
        for (int i = 0; i < 500; i++) {
            throttle.failed("admin", A);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.waitBefore("admin", A)).isPositive(); // the attacker waits
        assertThat(throttle.waitBefore("ADMIN ", A)).isPositive(); // the same name however typed
        assertThat(throttle.waitBefore("admin", B)).isZero(); // the owner, elsewhere, does not
        throttle.succeeded("admin", B);
        assertThat(throttle.waitBefore("admin", A)).as("the owner's sign-in does not free the attacker").isPositive();
    }

    @Test
    void waitsStartAfterTheFreeTriesDoubleAndStopAtTheCap() {
        for (int i = 0; i < LoginThrottle.FREE_PER_NAME; i++) {
            throttle.failed("alice", A);
        }
        assertThat(throttle.waitBefore("alice", A)).isZero(); // typos are free
        throttle.failed("alice", A);
        assertThat(throttle.waitBefore("alice", A)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitBefore("alice", A)).as("the wait is over").isZero();
        throttle.failed("alice", A);
        assertThat(throttle.waitBefore("alice", A)).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("alice", A)).isEqualTo(Duration.ofSeconds(3)); // counts down
        clock.advance(Duration.ofSeconds(3));
        throttle.failed("alice", A);
        assertThat(throttle.waitBefore("alice", A)).isEqualTo(Duration.ofSeconds(8));
        for (int i = 0; i < 20; i++) {
            clock.advance(throttle.waitBefore("alice", A));
            throttle.failed("alice", A);
        }
        assertThat(throttle.waitBefore("alice", A)).isEqualTo(LoginThrottle.MAX_WAIT_PER_NAME);
        assertThat(LoginThrottle.MAX_WAIT_PER_NAME).isLessThan(LoginThrottle.FORGET_AFTER);
    }

    @Test
    void quietTimeForgetsTheCountAndTheRightPasswordForgetsIt() {
        for (int i = 0; i < 8; i++) {
            clock.advance(throttle.waitBefore("carol", A));
            throttle.failed("carol", A);
        }
        assertThat(throttle.waitBefore("carol", A)).isPositive();
        clock.advance(LoginThrottle.FORGET_AFTER);
        assertThat(throttle.waitBefore("carol", A)).isZero();
        throttle.failed("carol", A); // counting starts again: the first wrong password is free again
        assertThat(throttle.waitBefore("carol", A)).isZero();

        for (int i = 0; i < 5; i++) {
            throttle.failed("dave", A);
        }
        assertThat(throttle.waitBefore("dave", A)).isPositive();
        throttle.succeeded("dave", A);
        assertThat(throttle.waitBefore("dave", A)).isZero();
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedAsAWholeUpToItsCapAndOtherAddressesAreNot() {
        // one wrong password each for many names (some exist, some do not: the throttle cannot tell)
        for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i, A);
        }
        assertThat(throttle.waitBefore("someone-new", A)).isZero();
        throttle.failed("user-x", A);
        assertThat(throttle.waitBefore("someone-new", A)).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 30; i++) {
            clock.advance(throttle.waitBefore("anyone", A));
            throttle.failed("spray" + i, A);
        }
        assertThat(throttle.waitBefore("someone-new", A)).isEqualTo(LoginThrottle.MAX_WAIT_PER_ADDRESS);
        assertThat(throttle.waitBefore("user0", B)).isZero();
        clock.advance(LoginThrottle.MAX_WAIT_PER_ADDRESS);
        assertThat(throttle.waitBefore("someone-new", A)).as("a cap, not a lock").isZero();
    }

    @Test
    void aFloodFromManyAddressesKeepsTheTablesBounded() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            throttle.failed("admin", "2001:db8::" + Integer.toHexString(i)); // documentation addresses, strings only
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_TRACKED);
    }
}
