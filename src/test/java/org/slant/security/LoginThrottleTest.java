package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slant.MovableClock;

class LoginThrottleTest {

    @Test
    void fiveFailuresLockForFiveMinutesThenTheNameIsFree() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        assertThat(throttle.isLocked("alice")).isFalse();
        throttle.failed("ALICE "); // the same name however typed
        assertThat(throttle.isLocked("alice")).isTrue();
        assertThat(throttle.isLocked("bob")).isFalse();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.isLocked("alice")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUpAndSuccessClears() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++) {
            throttle.failed("carol");
            clock.advance(Duration.ofMinutes(4)); // five failures over 20 minutes
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
