package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.slant.security.AccessDenied;
import org.slant.security.AuditTrail;
import org.slant.security.UserService;

/** The audit trail on its admin page: admin actions show up there, and nobody else may open it. */
class AuditViewTest extends UiTestBase {

    @Test
    void anAdminActionAppearsOnTheAuditPageForAnAdmin() {
        UserService users = context.getBean(UserService.class);
        String name = "audited-" + System.nanoTime();
        users.create(name, null, "password-of-" + name, false);
        users.setDisabled(name, true);

        UI.getCurrent().navigate(AuditView.class);

        String trail = _get(AuditView.class).trail.getText();
        assertThat(trail).contains(TESTER + " user-created " + name).contains(TESTER + " user-disabled " + name);
        // newest first
        assertThat(trail.indexOf("user-disabled " + name)).isLessThan(trail.indexOf("user-created " + name));
    }

    @Test
    void theAuditPageAndTheTrailAreRefusedToANonAdmin() {
        signIn("plain-user", false);

        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThatThrownBy(() -> context.getBean(AuditTrail.class).newest("plain-user", 10)).isInstanceOf(AccessDenied.class);
    }
}
