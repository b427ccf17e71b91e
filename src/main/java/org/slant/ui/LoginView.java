package org.slant.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign in. Spring Security checks the form (POST /login); a wrong password comes back as ?error. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Slant")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    final Paragraph ended = new Paragraph("You were signed out: an admin disabled your account. Your work is kept; "
            + "ask them if this is a mistake.");
    /** During a wait after repeated wrong passwords (LoginThrottle); the same words whether the name exists or not. */
    final Paragraph wait = new Paragraph();
    final Paragraph passwordChanged = new Paragraph("You were signed out: the password of this account was changed "
            + "(elsewhere by you, or reset by an admin or teacher). Sign in with the new password.");

    public LoginView() {
        addClassName("slant-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check both and try again. Forgot your password? Ask your admin or teacher "
                + "to reset it.");
        form.setI18n(i18n);
        H1 brand = new H1("Slant");
        brand.addClassName("slant-login-brand");
        Paragraph tagline = new Paragraph("Framing & bias annotation");
        tagline.addClassName("slant-tagline");
        com.vaadin.flow.component.html.Anchor join = new com.vaadin.flow.component.html.Anchor("join", "Join a class");
        join.setId("join-link");
        join.addClassName("slant-join-link");
        ended.setId("session-ended");
        ended.addClassName("slant-error");
        ended.setVisible(false);
        passwordChanged.setId("password-changed");
        passwordChanged.addClassName("slant-error");
        passwordChanged.setVisible(false);
        wait.setId("sign-in-wait");
        wait.addClassName("slant-error");
        wait.setVisible(false);
        add(brand, tagline, ended, passwordChanged, wait, form, join);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        ended.setVisible(parameters.containsKey("ended"));
        passwordChanged.setVisible(parameters.containsKey("password-changed"));
        long seconds = parameters.getOrDefault("wait", java.util.List.of()).stream().findFirst()
                .filter(v -> v.matches("\\d{1,6}")).map(Long::parseLong).orElse(0L);
        wait.setVisible(seconds > 0);
        wait.setText("Too many wrong passwords from here: wait " + seconds + (seconds == 1 ? " second" : " seconds")
                + ", then try again.");
    }
}
