package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.SpanRejectedException;

/**
 * What a click listener throws and nobody catches reaches the one session error handler, which logs it
 * and shows exactly one notification: a refusal's own message, or a generic one with a reference id.
 */
class ErrorHandlerTest extends UiTestBase {

    /** Clicks the way the browser's round trip does: Vaadin hands what the listener threw to the session's handler. */
    private static void clickThroughTheFramework(Button button) {
        UI.getCurrent().access(() -> ComponentUtil.fireEvent(button, new ClickEvent<>(button)));
        MockVaadin.clientRoundtrip(true);
    }

    @Test
    void everySessionHasTheOneHandler() {
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(SlantErrorHandler.class);
    }

    @Test
    void anExpectedRefusalInAClickListenerIsShownOnceWithItsMessage() {
        Button button = new Button("Save", e -> {
            throw new SpanRejectedException("\"SLAMMED\" is already labelled Sensational framing");
        });
        UI.getCurrent().add(button);

        clickThroughTheFramework(button);

        List<Notification> shown = _find(Notification.class);
        assertThat(shown).hasSize(1);
        assertThat(notificationText(shown.getFirst())).isEqualTo("\"SLAMMED\" is already labelled Sensational framing");
    }

    @Test
    void anUnexpectedFailureIsShownOnceAsAGenericMessageWithAReference() {
        Button button = new Button("Save", e -> {
            throw new NullPointerException("internal detail the user should not read");
        });
        UI.getCurrent().add(button);

        clickThroughTheFramework(button);

        List<Notification> shown = _find(Notification.class);
        assertThat(shown).hasSize(1);
        assertThat(notificationText(shown.getFirst())).startsWith("Something went wrong").contains("reference ")
                .doesNotContain("internal detail");
    }
}
