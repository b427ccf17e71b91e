package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.Scheme;
import org.slant.label.LabelService;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;

class AccountsAndProjectsViewTest extends UiTestBase {

    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    LabelService labels;

    @Test
    void anApiTokenIsShownOnceAndRevokingItStopsIt() {
        UI.getCurrent().navigate(AccountView.class);
        AccountView view = _get(AccountView.class);
        HasValueUtilsKt._setValue(view.tokenLabel, "nightly export", true);
        ButtonKt._click(_get(Button.class, s -> s.withId("create-token")));
        String secret = _get(TextField.class, s -> s.withId("new-token-secret")).getValue();
        assertThat(users.authenticateToken(secret)).map(u -> u.name()).contains(TESTER);
        assertThat(view.tokens.getGenericDataView().getItems().map(t -> t.label()).toList()).contains("nightly export");

        UI.getCurrent().navigate(DocumentListView.class);
        UI.getCurrent().navigate(AccountView.class); // the secret is not shown again
        assertThat(_find(TextField.class, s -> s.withId("new-token-secret"))).isEmpty();
        users.get(TESTER).tokens().forEach(t -> users.revokeToken(TESTER, t.id()));
        assertThat(users.authenticateToken(secret)).isEmpty();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        UI.getCurrent().navigate(AccountView.class);
        AccountView view = _get(AccountView.class);
        HasValueUtilsKt._setValue(view.current, "password-of-" + TESTER, true);
        HasValueUtilsKt._setValue(view.next, "qwertyuiop", true);
        HasValueUtilsKt._setValue(view.repeat, "qwertyuiop", true);
        ButtonKt._click(_get(Button.class, s -> s.withId("change-password")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "This password is on the list of the most common passwords, which attackers try first; choose another "
                        + "(a few unrelated words make a good one)");
        assertThat(users.passwordMatches(TESTER, "password-of-" + TESTER)).isTrue();
        HasValueUtilsKt._setValue(view.next, "a brand new one", true);
        HasValueUtilsKt._setValue(view.repeat, "a brand new one", true);
        ButtonKt._click(_get(Button.class, s -> s.withId("change-password")));
        assertThat(users.passwordMatches(TESTER, "a brand new one")).isTrue();
        users.changePassword(TESTER, "a brand new one", "password-of-" + TESTER);
    }

    @Test
    void aPasswordChangeSendsTheUsersOtherPagesAwayButNotThePageThatChangedIt() {
        signIn("pat", false);
        UI.getCurrent().navigate(AccountView.class);
        AccountView view = _get(AccountView.class);
        UI ui = UI.getCurrent();
        ui.getInternals().dumpPendingJavaScriptInvocations();

        HasValueUtilsKt._setValue(view.current, "password-of-pat", true);
        HasValueUtilsKt._setValue(view.next, "pat's own new one", true);
        HasValueUtilsKt._setValue(view.repeat, "pat's own new one", true);
        ButtonKt._click(_get(Button.class, s -> s.withId("change-password")));
        assertThat(users.passwordMatches("pat", "pat's own new one")).isTrue();
        com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue(false);
        assertThat(ui.getInternals().dumpPendingJavaScriptInvocations()).as("the page that changed it stays")
                .noneSatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("signed-out"));

        // an admin resets it from their own session (here: from no session of pat's)
        com.vaadin.flow.server.VaadinSession mine = com.vaadin.flow.server.VaadinSession.getCurrent();
        com.vaadin.flow.server.VaadinSession.setCurrent(null);
        try {
            users.resetPassword("pat");
        } finally {
            com.vaadin.flow.server.VaadinSession.setCurrent(mine);
        }
        com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue(false);
        assertThat(ui.getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("signed-out"));
    }

    @Test
    void theLoginPageSaysHowLongToWaitAndWhyASessionEnded() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("wait", "7")));
        LoginView login = _get(LoginView.class);
        assertThat(login.wait.isVisible()).isTrue();
        assertThat(login.wait.getText()).isEqualTo("Too many wrong passwords from here: wait 7 seconds, then try again.");
        assertThat(login.passwordChanged.isVisible()).isFalse();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("password-changed", "")));
        login = _get(LoginView.class);
        assertThat(login.wait.isVisible()).isFalse();
        assertThat(login.passwordChanged.isVisible()).isTrue();
    }

    @Test
    void anAdminCreatesAUserWithAGeneratedPasswordShownToHandOver() {
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        HasValueUtilsKt._setValue(view.displayName, "Zoë Quinn", true);
        ButtonKt._click(_get(Button.class, s -> s.withId("create-user")));
        String handout = _get(Paragraph.class, s -> s.withId("handout")).getText();
        assertThat(handout).startsWith("Sign-in for zoe-quinn: password ");
        String password = handout.replaceAll(".*password (\\S+) .*", "$1");
        assertThat(users.passwordMatches("zoe-quinn", password)).isTrue();
        assertThat(users.displayName("zoe-quinn")).isEqualTo("Zoë Quinn");
    }

    @Test
    void theNewProjectDialogOffersTheTemplatesWithWhatEachIsForAndMakesTheProjectFromOne() {
        UI.getCurrent().navigate(ProjectsView.class);
        ProjectsView list = _get(ProjectsView.class);
        ButtonKt._click(_get(Button.class, s -> s.withId("new-project")));
        assertThat(list.template.getListDataView().getItems().map(org.slant.label.SchemeTemplate::id))
                .containsExactly("slant-default", "parc", "basil", "media-frames", "semeval-2020-task-11", "babe");
        assertThat(list.template.getValue().id()).isEqualTo("slant-default");
        org.slant.label.SchemeTemplate frames = projects.templates().get("media-frames");
        HasValueUtilsKt._setValue(list.template, frames, true);
        assertThat(list.templateDescription.getText()).startsWith(frames.description())
                .contains("15 span labels, 2 document questions");
        assertThat(list.templateReference.getText()).contains("Card").contains("aclanthology.org/P15-2072");

        String name = "Framing study " + System.nanoTime();
        HasValueUtilsKt._setValue(list.name, name, true);
        ButtonKt._click(_get(Button.class, s -> s.withId("create-project")));
        Project created = projects.projects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.labels()).isEqualTo(frames.scheme());
        assertThat(created.members()).containsEntry(TESTER, ProjectRole.CURATOR);
        assertThat(_get(ProjectView.class)).isNotNull();
    }

    @Test
    void aNonAdminHasNoNewProjectButton() {
        signIn("plain-" + System.nanoTime(), false);
        UI.getCurrent().navigate(ProjectsView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, s -> s.withId("new-project"))).isEmpty();
    }

    @Test
    void anAdminCreatesAProjectAndAddsAMember() {
        users.create("member-" + System.nanoTime() % 100000, null, "member-password", false);
        String member = users.users().stream().filter(u -> u.name().startsWith("member-")).findFirst().orElseThrow().name();
        UI.getCurrent().navigate(ProjectsView.class);
        ProjectsView list = _get(ProjectsView.class);
        ButtonKt._click(_get(Button.class, s -> s.withId("new-project")));
        HasValueUtilsKt._setValue(list.name, "Election coverage " + member, true);
        ButtonKt._click(_get(Button.class, s -> s.withId("create-project")));
        ProjectView view = _get(ProjectView.class);
        Project created = projects.projects().stream().filter(p -> p.name().equals("Election coverage " + member))
                .findFirst().orElseThrow();
        assertThat(created.members()).containsEntry(TESTER, ProjectRole.CURATOR);
        HasValueUtilsKt._setValue(view.newMember, users.get(member), true);
        ButtonKt._click(_get(Button.class, s -> s.withId("add-member")));
        assertThat(projects.get(created.id()).members()).containsEntry(member, ProjectRole.ANNOTATOR);
    }

    @Test
    void movingDocumentsAsksWhatBecomesOfLabelsTheTargetLacks() {
        String target = projects.create("Target " + System.nanoTime(), TESTER).id();
        Label frame = new Label("frame", "Frame", "#aa3377", null, "solid", "A frame");
        labels.replace(target, new Scheme(List.of(frame)));
        String doc = documents.add(new Draft("Moving " + System.nanoTime(), "The minister SLAMMED critics."),
                Source.UNKNOWN).id();
        annotations.create(doc, "someone", 13, 20, "sensational", false);

        MoveDocumentsDialog dialog = new MoveDocumentsDialog(projects, TESTER, projects.projectOf(doc), List.of(doc),
                projects.projects(), () -> { });
        dialog.open();
        HasValueUtilsKt._setValue(dialog.target, projects.get(target), true);
        assertThat(_find(dialog.mappings, Paragraph.class).getFirst().getText()).contains("lacks some labels");
        @SuppressWarnings("unchecked")
        Select<String> choice = (Select<String>) _find(dialog.mappings, Select.class).getFirst();
        assertThat(choice.getLabel()).isEqualTo("\"sensational\" (1 span)");
        ButtonKt._click(dialog.move); // nothing chosen yet: refused, nothing moved
        assertThat(projects.projectOf(doc).id()).isNotEqualTo(target);
        HasValueUtilsKt._setValue(choice, "frame", true);
        ButtonKt._click(dialog.move);
        assertThat(projects.projectOf(doc).id()).isEqualTo(target);
        assertThat(annotations.layer(doc, "someone").spans()).extracting(s -> s.label()).containsExactly("frame");
    }

    @Test
    void annotatorsReadTheLabelSetButCannotEditIt() {
        String project = projects.create("Labels " + System.nanoTime(), TESTER).id();
        signIn("reader", false);
        projects.setMember(project, "reader", ProjectRole.ANNOTATOR);
        UI.getCurrent().navigate("labels", com.vaadin.flow.router.QueryParameters.of("project", project));
        LabelsView view = _get(LabelsView.class);
        assertThat(view.heading.getText()).endsWith(projects.get(project).name());
        assertThat(_find(Button.class, s -> s.withId("add-label"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("edit-opinion"))).isEmpty();
        assertThat(view.list.getChildren().count()).isEqualTo(Scheme.defaults().labels().size());
    }
}
