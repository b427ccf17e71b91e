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
        registry.add("slant.annotator", () -> "tester");
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
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
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
