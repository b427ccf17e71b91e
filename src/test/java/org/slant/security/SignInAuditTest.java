package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.access.Audit;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Sign-ins, good and bad, reach the audit trail with who and from where. */
class SignInAuditTest {

    private final Logger audit = (Logger) LoggerFactory.getLogger(Audit.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        audit.addAppender(lines);
    }

    @AfterEach
    void stop() {
        audit.detachAppender(lines);
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, "wrong");
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void aWrongPasswordIsAuditedWithTheNameAndTheClientAddress() {
        new SignInAudit().on(new AuthenticationFailureBadCredentialsEvent(attempt("admin", "203.0.113.7"),
                new BadCredentialsException("Bad credentials")));

        assertThat(lines.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).isEqualTo("admin sign-in-failed from 203.0.113.7: BadCredentialsException");
        });
    }

    @Test
    void aSuccessfulSignInIsAuditedToo() {
        UsernamePasswordAuthenticationToken ok = UsernamePasswordAuthenticationToken.authenticated("alice", null, java.util.List.of());
        ok.setDetails(new WebAuthenticationDetails("198.51.100.2", null));
        new SignInAudit().on(new AuthenticationSuccessEvent(ok));

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("alice sign-in from 198.51.100.2");
    }

    @Test
    void aNameWithALineBreakCannotForgeASecondLine() {
        new SignInAudit().on(new AuthenticationFailureBadCredentialsEvent(attempt("x\nadmin sign-in from 10.0.0.1", "10.9.9.9"),
                new BadCredentialsException("Bad credentials")));

        assertThat(lines.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).doesNotContain("\n"));
    }
}
