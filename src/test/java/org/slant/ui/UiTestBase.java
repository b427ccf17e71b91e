package org.slant.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Browserless UI tests (Karibu-Testing): the real Spring context and services over a fresh temporary
 * workspace per test class, with Vaadin mocked so views can be driven from Java.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class UiTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired
    ApplicationContext context;

    /** This test class's own workspace folder (each class gets a fresh context and folder). */
    @org.springframework.beans.factory.annotation.Value("${slant.workspace}")
    Path workspace;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        Path folder = newWorkspace();
        registry.add("slant.workspace", folder::toString);
    }

    private static Path newWorkspace() {
        try {
            return Files.createTempDirectory("slant-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUpVaadin() {
        Routes routes = new Routes().autoDiscoverViews("org.slant.ui");
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        signIn(TESTER, true);
    }

    /** The user most tests act as: an admin, so they see everything; permission tests sign in as others. */
    static final String TESTER = "tester";

    /**
     * Signs in as {@code user} (created on first use, with the given admin flag) the way a real sign-in
     * leaves things: the security context in the HTTP session, where Vaadin's context holder looks, and
     * the principal and roles on the request, which navigation access control checks.
     */
    void signIn(String user, boolean admin) {
        org.slant.security.UserService users = context.getBean(org.slant.security.UserService.class);
        if (users.find(user).isEmpty()) {
            users.create(user, null, "password-of-" + user, admin);
        }
        java.util.List<org.springframework.security.core.authority.SimpleGrantedAuthority> roles = users.isAdmin(user)
                ? java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_USER"),
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))
                : java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_USER"));
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
        var securityContext = new org.springframework.security.core.context.SecurityContextImpl(auth);
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession().setAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                securityContext);
        org.springframework.security.core.context.SecurityContextHolder.setContext(securityContext);
        jakarta.servlet.ServletRequest unwrapped = com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest();
        while (unwrapped instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        com.github.mvysny.fakeservlet.FakeRequest request = (com.github.mvysny.fakeservlet.FakeRequest) unwrapped;
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> roles.stream().anyMatch(r -> r.getAuthority().equals("ROLE_" + role)));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    /** Fires an event from the annotator element exactly as the browser sends it: the detail under "event.detail". */
    static void fire(SpanAnnotator annotator, String type, ObjectNode detail) {
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", detail);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(annotator.getElement(),
                new DomEvent(annotator.getElement(), type, data));
    }

    /** The text a Notification.show(...) displays. */
    static String notificationText(com.vaadin.flow.component.notification.Notification n) {
        return n.getElement().getProperty("text", "");
    }

    static ObjectNode detail() {
        return JSON.createObjectNode();
    }
}
