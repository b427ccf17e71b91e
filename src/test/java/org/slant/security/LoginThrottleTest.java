package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockForFiveMinutesThenTheNameIsFree() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        assertThat(throttle.isLocked("alice")).isFalse();
        throttle.failed("ALICE "); // the same name however typed
        assertThat(throttle.isLocked("alice")).isTrue();
        assertThat(throttle.isLocked("bob")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.isLocked("alice")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUpAndSuccessClears() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++) {
            throttle.failed("carol");
            clock.now = clock.now.plus(Duration.ofMinutes(4)); // five failures over 20 minutes
        }
        assertThat(throttle.isLocked("carol")).isFalse();
        throttle.failed("dave");
        throttle.failed("dave");
        throttle.succeeded("dave");
        for (int i = 0; i < 4; i++) {
            throttle.failed("dave");
        }
        assertThat(throttle.isLocked("dave")).isFalse();
    }
}
