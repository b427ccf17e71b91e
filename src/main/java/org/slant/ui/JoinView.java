package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.slant.security.SessionSignIn;
import org.slant.security.UserService;
import org.slant.teaching.ClassCode;
import org.slant.teaching.Exercise;
import org.slant.teaching.RosterEntry;
import org.slant.teaching.TeachingException;
import org.slant.teaching.TeachingService;

/**
 * Joining a class: the code from the teacher, the name the teacher will see, and a password (chosen, or
 * left empty for a generated one). The account is made, the student is signed in, and told their user
 * name and password once, to sign in again next time.
 */
@Route(value = "join", autoLayout = false)
@PageTitle("Join a class · Slant")
@AnonymousAllowed
public class JoinView extends Div implements com.vaadin.flow.router.BeforeEnterObserver {

    private final TeachingService teaching;
    private final SessionSignIn signIn;

    final TextField code = new TextField("Class code");
    final TextField name = new TextField("Your name");
    final PasswordField password = new PasswordField("Choose a password");
    final Button join = new Button("Join");
    final Paragraph error = new Paragraph();
    final VerticalLayout form;
    final VerticalLayout welcome = new VerticalLayout();

    public JoinView(TeachingService teaching, SessionSignIn signIn) {
        this.teaching = teaching;
        this.signIn = signIn;
        addClassName("slant-login");
        H1 brand = new H1("Slant");
        brand.addClassName("slant-login-brand");
        code.setId("join-code");
        code.setPlaceholder("e.g. K7M2QX");
        code.setMaxLength(ClassCode.LENGTH + 4);
        code.setHelperText("From your teacher");
        code.setWidthFull();
        code.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        code.addValueChangeListener(e -> showClass());
        name.setId("join-name");
        name.setMaxLength(RosterEntry.MAX_NAME);
        name.setHelperText("As your teacher should see it; no e-mail needed");
        name.setWidthFull();
        password.setId("join-password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD + " characters, or leave empty and we make one for you");
        password.setWidthFull();
        join.setId("join");
        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.setWidthFull();
        join.addClickListener(e -> join());
        join.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        error.setId("join-error");
        error.addClassName("slant-error");
        error.setVisible(false);
        form = new VerticalLayout(new H2("Join a class"), code, name, password, error, join,
                new Anchor("login", "I already have an account: sign in, then type the code under Exercises"));
        form.setId("join-form");
        form.addClassName("slant-join-form");
        form.setMaxWidth("24rem");
        welcome.setVisible(false);
        welcome.setId("join-welcome");
        welcome.setMaxWidth("30rem");
        add(brand, form, welcome);
    }

    /** The teacher's join address carries the code (/join?code=K7M2QX): it is filled in, and the name is next. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("code").filter(c -> !c.isBlank()).ifPresent(c -> {
            code.setValue(ClassCode.normalize(c));
            name.focus();
        });
        showClass();
    }

    /** Which class the typed code joins, as soon as it is a whole open code: a wrong class shows before joining. */
    private void showClass() {
        java.util.Optional<String> title = teaching.titleForCode(code.getValue());
        code.setHelperText(title.map(t -> "Class: " + t).orElse("From your teacher"));
    }

    void join() {
        // the password rules (length, common passwords, the own name) are UserService's, which says what is wrong
        String chosen = password.getValue().isEmpty() ? null : password.getValue();
        TeachingService.Joined joined;
        try {
            joined = teaching.join(code.getValue(), name.getValue(), chosen);
        } catch (TeachingException | IllegalArgumentException ex) {
            showError(ex.getMessage());
            return;
        }
        Exercise exercise = teaching.exercisesOfStudent(joined.user()).stream().findFirst().orElse(null);
        boolean signedIn = signInNow(joined.user());
        form.setVisible(false);
        welcome.removeAll();
        Span user = new Span(joined.user());
        user.setId("joined-user");
        user.addClassName("slant-class-code");
        welcome.add(new H2("Welcome, " + joined.entry().displayName()), new Paragraph(new Span("Your user name: "), user));
        if (chosen == null) {
            Span pw = new Span(joined.password());
            pw.setId("joined-password");
            pw.addClassName("slant-class-code");
            welcome.add(new Paragraph(new Span("Your password: "), pw),
                    new Paragraph("Write both down now: the password is shown only this once."));
        } else {
            welcome.add(new Paragraph("Sign in with this user name and the password you chose next time."));
        }
        String target = exercise == null ? "exercises" : "exercises/" + exercise.id();
        Button go = new Button(signedIn ? "Start the exercise" : "Sign in",
                e -> getUI().ifPresent(ui -> ui.getPage().setLocation(signedIn ? target : "login")));
        go.setId("start-exercise");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        welcome.add(go);
        welcome.setVisible(true);
    }

    /** False when there is no servlet request to carry the session (then the student signs in by hand). */
    private boolean signInNow(String user) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            return false;
        }
        try {
            signIn.signIn(user, request.getHttpServletRequest(), response.getHttpServletResponse());
            return true;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(JoinView.class).warn("Could not sign {} in after joining; they sign in by hand", user, e);
            return false;
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
