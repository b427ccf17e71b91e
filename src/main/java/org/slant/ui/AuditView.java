package org.slant.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.slant.security.AuditTrail;
import org.slant.security.CurrentUser;

/** For admins: the newest lines of the audit trail (sign-ins, refused saves, imports, admin actions), newest first. */
@RolesAllowed("ADMIN")
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Slant")
public class AuditView extends VerticalLayout {

    static final int LINES = 500;

    final Pre trail = new Pre();

    public AuditView(AuditTrail audit, CurrentUser currentUser) {
        addClassName("slant-page");
        List<String> lines = new java.util.ArrayList<>(audit.newest(currentUser.name(), LINES));
        java.util.Collections.reverse(lines);
        trail.setId("audit-trail");
        trail.setText(String.join("\n", lines));
        trail.getStyle().set("white-space", "pre-wrap").set("font-size", "0.8rem");
        add(new H2("Audit trail"), new Paragraph("The newest " + LINES + " lines of audit.log in the workspace folder, "
                + "newest first: sign-ins, refused saves, imports and admin actions."), trail);
    }
}
