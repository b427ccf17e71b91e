package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.slant.security.ApiToken;
import org.slant.security.CurrentUser;
import org.slant.security.UserService;

/** One's own account: display name, password, and personal API tokens for scripts. */
@PermitAll
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · Slant")
public class AccountView extends VerticalLayout {

    private final UserService users;
    private final String me;
    final TextField displayName = new TextField("Display name");
    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final TextField tokenLabel = new TextField("What the token is for");
    final Grid<ApiToken> tokens = new Grid<>();
    final Div newSecret = new Div();

    public AccountView(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.me = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("48rem");

        displayName.setValue(users.displayName(me));
        displayName.setHelperText("Shown to others; your user name, " + me + ", stays the same (your layers carry it)");
        displayName.setWidthFull();
        Button saveName = new Button("Save name", e -> run(() -> users.setDisplayName(me, displayName.getValue()),
                "Display name saved"));
        saveName.setId("save-display-name");

        next.setHelperText("At least " + UserService.MIN_PASSWORD + " characters; not a common password or your name. "
                + "A few unrelated words make a good one");
        Button changePassword = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                error("The two new passwords differ");
                return;
            }
            // a refused password (too short, too common…) stays in the fields, to be edited rather than retyped
            if (run(() -> users.changePassword(me, current.getValue(), next.getValue()),
                    "Password changed; your other sessions are signed out")) {
                current.clear();
                next.clear();
                repeat.clear();
            }
        });
        changePassword.setId("change-password");

        tokenLabel.setPlaceholder("e.g. nightly export script");
        tokenLabel.setWidth("20rem");
        Button create = new Button("Create token", e -> {
            try {
                UserService.NewToken t = users.createToken(me, tokenLabel.getValue());
                newSecret.removeAll();
                TextField secret = new TextField("Copy it now: it is shown only this once");
                secret.setValue(t.secret());
                secret.setReadOnly(true);
                secret.setWidthFull();
                secret.setId("new-token-secret");
                newSecret.add(secret, new Paragraph("Use it as: curl -H \"Authorization: Bearer " + t.secret()
                        + "\" http://…/api/documents"));
                tokenLabel.clear();
                refreshTokens();
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        tokens.addColumn(ApiToken::label).setHeader("Token").setAutoWidth(true);
        tokens.addColumn(t -> DocumentListView.WHEN.format(t.created())).setHeader("Created").setAutoWidth(true);
        tokens.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                users.revokeToken(me, t.id());
                refreshTokens();
                Notification.show("Token \"" + t.label() + "\" revoked: scripts using it now get 401");
            });
            revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            return revoke;
        }).setHeader("");
        tokens.setAllRowsVisible(true);
        tokens.setId("api-tokens");
        refreshTokens();

        HorizontalLayout tokenRow = new HorizontalLayout(tokenLabel, create);
        tokenRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Account"), displayName, saveName, new H3("Password"), current, next, repeat, changePassword,
                new H3("API tokens"), new Paragraph("A token lets a script use the API as you, with your permissions. "
                        + "Only a hash is stored, so a lost token cannot be shown again: revoke it and make a new one."),
                tokenRow, newSecret, tokens);
    }

    private void refreshTokens() {
        tokens.setItems(users.get(me).tokens());
    }

    private boolean run(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.SUCCESS);
            return true;
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return false;
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
}
