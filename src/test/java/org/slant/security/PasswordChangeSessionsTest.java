package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PasswordChangeSessionsTest {

    @TempDir
    Path folder;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsTheOneThatChangedIt() {
        UserService users = new UserService(new JsonUserStore(new JsonWorkspace(folder)), Clock.systemUTC());
        SessionRegistryImpl registry = new SessionRegistryImpl();
        new PasswordChangeSessions(users, registry);
        users.create("carol", null, "first password", false);
        users.create("dave", null, "dave-password", false);
        var carol = org.springframework.security.core.userdetails.User.withUsername("carol").password("x").build();
        registry.registerNewSession("carol-here", carol);
        registry.registerNewSession("carol-elsewhere", carol);
        registry.registerNewSession("dave-here", org.springframework.security.core.userdetails.User.withUsername("dave")
                .password("x").build());

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, "carol-here"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        users.changePassword("carol", "first password", "second password");

        assertThat(registry.getSessionInformation("carol-here").isExpired()).as("the session that changed it").isFalse();
        assertThat(registry.getSessionInformation("carol-elsewhere").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("dave-here").isExpired()).isFalse();

        RequestContextHolder.resetRequestAttributes(); // an admin's reset from no session of carol's ends them all
        users.resetPassword("carol");
        assertThat(registry.getSessionInformation("carol-here").isExpired()).isTrue();
    }
}
