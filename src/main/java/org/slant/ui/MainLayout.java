package org.slant.ui;

import org.slant.security.CurrentUser;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;

/**
 * The frame around every view: the product name, who is signed in, and their account links; for
 * admins, a banner naming each workspace file that cannot be read (checked again on every page).
 */
@jakarta.annotation.security.PermitAll
public class MainLayout extends Div implements RouterLayout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MainLayout.class);

    private final Div content = new Div();
    private final String userName;
    private final org.slant.security.UserService users;
    private final org.slant.security.WorkspaceProblems problems;
    private final Div problemBanner = new Div();
    private Runnable stopListening = () -> { };
    private Runnable stopListeningForPasswords = () -> { };

    public MainLayout(CurrentUser user, AuthenticationContext authentication, org.slant.security.AccessPolicy access,
                      org.slant.security.UserService users, org.slant.security.WorkspaceProblems problems) {
        this.userName = user.name();
        this.users = users;
        this.problems = problems;
        addClassName("slant-shell");
        RouterLink brand = new RouterLink("", DocumentListView.class);
        Span mark = new Span();
        mark.addClassName("slant-logo");
        brand.add(mark, new Span("Slant"));
        brand.addClassName("slant-brand");
        Span tagline = new Span("framing & bias annotation");
        tagline.addClassName("slant-tagline");
        Div spacer = new Div();
        spacer.addClassName("slant-spacer");
        Span who = new Span("Signed in as " + user.displayName());
        who.addClassName("slant-who");
        who.setId("annotator-name");
        who.getElement().setAttribute("title", "User name: " + user.name() + " (your layers carry this name)");
        RouterLink account = navLink("Account", AccountView.class, "nav-account");
        RouterLink labelsLink = navLink("Labels", LabelsView.class, "nav-labels");
        Anchor api = new Anchor("/api/documents", "API");
        api.setTarget("_blank");
        api.addClassName("slant-muted-link");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.setId("sign-out");
        RouterLink projectsLink = navLink("Projects", ProjectsView.class, "nav-projects");
        RouterLink exercises = navLink("Exercises", ExercisesView.class, "nav-exercises");
        Header bar = new Header(brand, tagline, spacer, who, projectsLink, exercises, labelsLink, account);
        // students (in no project) see only their exercises and their account
        boolean inProjects;
        try {
            inProjects = !access.visibleProjects(user.name()).isEmpty();
        } catch (org.slant.storage.StorageException e) {
            // projects.json cannot be read: the links stay, the pages that need projects say why they cannot open
            log.warn("Projects cannot be read for the menu of {}: {}", user.name(), e.getMessage());
            inProjects = true;
        }
        projectsLink.setVisible(inProjects);
        labelsLink.setVisible(inProjects);
        if (user.isAdmin()) {
            bar.add(navLink("Users", UsersView.class, "nav-users"));
            bar.add(navLink("Audit", AuditView.class, "nav-audit"));
        }
        bar.add(api, signOut);
        bar.addClassName("slant-navbar");
        content.addClassName("slant-content");
        problemBanner.setId("workspace-problems");
        problemBanner.addClassName("slant-workspace-problems");
        problemBanner.setVisible(false);
        add(bar, problemBanner, content);
    }

    /** Read again on every page, so a file fixed by hand drops out without a restart. */
    private void showProblems() {
        java.util.List<String> found = problems.visibleTo(userName);
        problemBanner.removeAll();
        problemBanner.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            return;
        }
        problemBanner.add(new Span(found.size() == 1 ? "One workspace file cannot be read. It is left as it is "
                + "(never overwritten) and only what depends on it is refused; fix it by hand:"
                : found.size() + " workspace files cannot be read. They are left as they are (never overwritten) "
                + "and only what depends on them is refused; fix them by hand:"));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        found.forEach(p -> list.add(new com.vaadin.flow.component.html.ListItem(p)));
        problemBanner.add(list);
    }

    private static RouterLink navLink(String text, Class<? extends com.vaadin.flow.component.Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.addClassName("slant-muted-link");
        link.setId(id);
        return link;
    }

    /** An admin disabling this account while a page is open: leave at once (the session ends on that request). */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        com.vaadin.flow.component.UI ui = event.getUI();
        stopListening.run();
        stopListening = users.onAccessEnded(name -> {
            if (name.equals(userName)) {
                ui.access(() -> ui.getPage().setLocation("signed-out"));
            }
        });
        // a password change elsewhere ended this session (PasswordChangeSessions): leave now, as above; the
        // session that made the change (this very one, when it is the user's own) stays
        stopListeningForPasswords.run();
        stopListeningForPasswords = users.onPasswordChanged(name -> {
            if (name.equals(userName) && ui.getSession() != com.vaadin.flow.server.VaadinSession.getCurrent()) {
                ui.access(() -> ui.getPage().setLocation("signed-out"));
            }
        });
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        stopListening.run();
        stopListeningForPasswords.run();
        super.onDetach(event);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        showProblems();
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
