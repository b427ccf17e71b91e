package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.slant.document.DocumentId;
import org.slant.security.CurrentUser;
import org.slant.security.User;
import org.slant.security.UserService;

/** For admins: every account, making new ones, resetting passwords, and who is admin. */
@RolesAllowed("ADMIN")
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Slant")
public class UsersView extends VerticalLayout {

    private final UserService users;
    final TextField name = new TextField("User name");
    final TextField displayName = new TextField("Display name");
    final Checkbox admin = new Checkbox("Admin");
    final Grid<User> grid = new Grid<>();
    final Div handout = new Div();

    public UsersView(UserService users, CurrentUser currentUser) {
        this.users = users;
        addClassName("slant-page");
        setMaxWidth("60rem");
        name.setHelperText("a-z, 0-9 and hyphens; it names the user's layers");
        displayName.setPlaceholder("e.g. Alice Martin");
        Button create = new Button("Create user", e -> {
            try {
                String userName = DocumentId.slugOf(name.getValue().isBlank() ? displayName.getValue() : name.getValue());
                String password = users.randomPassword();
                users.create(currentUser.name(), userName, displayName.getValue(), password, admin.getValue());
                showHandout(userName, password);
                name.clear();
                displayName.clear();
                admin.clear();
                refresh();
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("create-user");
        HorizontalLayout form = new HorizontalLayout(displayName, name, admin, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addColumn(User::name).setHeader("User name").setAutoWidth(true);
        grid.addColumn(User::displayName).setHeader("Display name").setAutoWidth(true);
        grid.addColumn(u -> u.admin() ? "admin" : "").setHeader("Admin").setAutoWidth(true);
        grid.addColumn(u -> u.disabled() ? "disabled" : "active").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button reset = new Button("Reset password", e -> showHandout(u.name(), users.resetPassword(currentUser.name(), u.name())));
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            Button toggle = new Button(u.admin() ? "Remove admin" : "Make admin", e -> {
                try {
                    users.setAdmin(currentUser.name(), u.name(), !u.admin());
                    refresh();
                } catch (IllegalArgumentException ex) {
                    error(ex.getMessage());
                }
            });
            toggle.addThemeVariants(ButtonVariant.TERTIARY);
            // UserService refuses locking oneself out; the page does not offer it either
            toggle.setEnabled(!u.name().equals(currentUser.name()) || !u.admin());
            Button disable = new Button(u.disabled() ? "Enable" : "Disable", e -> {
                try {
                    users.setDisabled(currentUser.name(), u.name(), !u.disabled());
                    refresh();
                } catch (IllegalArgumentException ex) {
                    error(ex.getMessage());
                }
            });
            disable.addThemeVariants(ButtonVariant.TERTIARY);
            disable.setTooltipText("A disabled user cannot sign in or use a token; their layers stay");
            disable.setEnabled(!u.name().equals(currentUser.name()));
            disable.setId("disable-" + u.name());
            return new HorizontalLayout(reset, toggle, disable);
        }).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh();
        add(new H2("Users"), new Paragraph("New users get a generated password to hand over; they can change it "
                + "under Account. Project roles (curator, annotator) are set per project."), form, handout, grid);
    }

    private void showHandout(String user, String password) {
        handout.removeAll();
        handout.addClassName("slant-problems");
        Paragraph p = new Paragraph("Sign-in for " + user + ": password " + password
                + " (shown once; hand it over, then they change it under Account)");
        p.setId("handout");
        handout.add(p);
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
}
