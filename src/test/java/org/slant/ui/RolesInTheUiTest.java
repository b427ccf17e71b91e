package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.DocumentStatus;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.project.QueueService;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The roles through the views: what an annotator is shown and refused, what a curator manages. The
 * same rules are tested over HTTP in ApiPermissionTest; here the point is that no view goes around them.
 */
class RolesInTheUiTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ProjectService projects;
    @Autowired
    QueueService queue;

    String project;
    String assigned;
    String unassigned;

    @BeforeEach
    void projectWithTwoAnnotators() {
        String n = Long.toString(System.nanoTime(), 36);
        project = projects.create("Newsroom " + n, TESTER).id();
        assigned = documents.add(new Draft("Assigned " + n, "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        unassigned = documents.add(new Draft("Other " + n, "Officials said the talks failed."), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(assigned, unassigned), project, Map.of());
        for (String user : List.of("ann-" + n, "bea-" + n)) {
            signIn(user, false); // creates the account
            projects.setMember(project, user, ProjectRole.ANNOTATOR);
        }
        projects.assign(project, assigned, List.of("ann-" + n, "bea-" + n));
        annotations.create(assigned, "bea-" + n, 4, 12, "opinion", false);
        annotations.create(assigned, Layer.GOLD, 13, 20, "sensational", false);
        signIn("ann-" + n, false);
    }

    private String me() {
        return "ann-" + project.substring("newsroom-".length());
    }

    @Test
    void anAnnotatorSeesTheirQueueAndNoCuratorTools() {
        UI.getCurrent().navigate(DocumentListView.class);
        DocumentListView list = _get(DocumentListView.class);
        assertThat(list.queueGrid.isVisible()).isTrue();
        assertThat(list.grid.isVisible()).isFalse();
        assertThat(list.curatorTools.isVisible()).isFalse();
        assertThat(list.queueGrid.getGenericDataView().getItems().map(q -> q.documentId()).toList()).containsExactly(assigned);
        assertThat(list.queueGrid.getGenericDataView().getItems().findFirst().orElseThrow().status())
                .isEqualTo(DocumentStatus.NOT_STARTED);
    }

    @Test
    void anAnnotatorAnnotatesAndMarksDoneButSeesNothingOfOthers() {
        UI.getCurrent().navigate("documents/" + assigned);
        AnnotationView view = _get(AnnotationView.class);
        // blind: only their own (empty) layer is drawn, and no way to others' work
        assertThat(JSON.readTree(view.spanAnnotator.getElement().getPropertyRaw("spans").toString())).isEmpty();
        assertThat(_find(RouterLink.class, s -> s.withId("compare-link"))).isEmpty(); // present but hidden
        assertThat(_find(RouterLink.class, s -> s.withId("curation-link"))).isEmpty(); // present but hidden
        assertThat(_find(RouterLink.class, s -> s.withId("agreement-link"))).isEmpty(); // present but hidden
        assertThat(queue.status(me(), assigned)).isEqualTo(DocumentStatus.IN_PROGRESS); // opening starts it

        ButtonKt._click(view.doneButton);
        assertThat(queue.status(me(), assigned)).isEqualTo(DocumentStatus.DONE);
        assertThat(view.status.getText()).isEqualTo("Done ✓");
        assertThat(view.doneButton.getText()).isEqualTo("Reopen");
    }

    @Test
    void everyOtherWayInIsRefusedWithAMessage() {
        for (String route : List.of("documents/" + unassigned, "documents/" + assigned + "/curation",
                "documents/" + assigned + "/compare", "documents/" + assigned + "/agreement", "projects/" + project)) {
            UI.getCurrent().navigate(route);
            assertThat(_find(Paragraph.class, s -> s.withClasses("slant-error"))).as(route).hasSize(1);
        }
        // admins only: navigation access control refuses before the view is made
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    /** A document one may not open reads exactly like one that does not exist: ids are title slugs. */
    @Test
    void aDocumentOneMayNotOpenReadsLikeOneThatDoesNotExist() {
        UI.getCurrent().navigate("documents/" + unassigned);
        String hidden = _get(Paragraph.class, s -> s.withClasses("slant-error")).getText();
        UI.getCurrent().navigate("documents/no-such-" + unassigned);
        String missing = _get(Paragraph.class, s -> s.withClasses("slant-error")).getText();
        assertThat(hidden).isEqualTo(missing.replace("no-such-" + unassigned, unassigned));
    }

    @Test
    void whenTheProjectOpensLayersAnAnnotatorComparesWithTheOthersButNotGold() {
        projects.setOthersVisible(project, true);
        UI.getCurrent().navigate("documents/" + assigned + "/compare");
        CompareView compare = _get(CompareView.class);
        assertThat(compare.annotatorFilter.getListDataView().getItems().toList()).containsExactly("bea-"
                + project.substring("newsroom-".length()));
        JsonNode spans = JSON.readTree(compare.text.getElement().getPropertyRaw("spans").toString());
        assertThat(spans).hasSize(1);
    }

    @Test
    void aCuratorAssignsAndSeesProgress() {
        signIn(TESTER, true);
        UI.getCurrent().navigate("projects/" + project);
        ProjectView view = _get(ProjectView.class);
        assertThat(view.assignments.getColumns()).hasSize(4); // document, two annotators, "All"
        ButtonKt._click(allButtonFor(view));
        assertThat(projects.isAssigned(me(), unassigned)).isTrue();

        HasValueUtilsKt._setValue(view.othersVisible, true, true);
        assertThat(projects.get(project).othersVisible()).isTrue();

        queue.markDone(me(), assigned);
        UI.getCurrent().navigate(DocumentListView.class, new com.vaadin.flow.router.QueryParameters(
                Map.of("project", List.of(project))));
        DocumentListView list = _get(DocumentListView.class);
        assertThat(list.grid.isVisible()).isTrue();
        assertThat(list.queueGrid.isVisible()).isFalse();
        assertThat(list.grid.getGenericDataView().getItems().map(r -> r.document().id()).toList())
                .containsExactlyInAnyOrder(assigned, unassigned);
    }

    /** The "All" button of the unassigned document's row: the grid renders rows lazily, so ask the renderer. */
    private Button allButtonFor(ProjectView view) {
        org.slant.document.Document doc = documents.get(unassigned);
        var column = view.assignments.getColumns().getLast();
        return (Button) ((com.vaadin.flow.data.renderer.ComponentRenderer<?, org.slant.document.Document>) column.getRenderer())
                .createComponent(doc);
    }

    @Test
    void disablingAnAnnotatorSendsTheirOpenPageAwayAndRefusesTheirNextEdit() {
        UI.getCurrent().navigate("documents/" + assigned);
        AnnotationView view = _get(AnnotationView.class);
        UI ui = UI.getCurrent();
        ui.getInternals().dumpPendingJavaScriptInvocations();

        context.getBean(org.slant.security.UserService.class).setDisabled(me(), true);
        com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue(false);
        assertThat(ui.getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("signed-out"));

        // a page that did not leave (no push, say) still saves nothing
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        fire(view.spanAnnotator, "create-span", detail().put("start", 4).put("end", 12).put("label", "fact"));
        assertThat(annotations.layer(assigned, me()).spans()).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).singleElement()
                .extracting(UiTestBase::notificationText).asString().startsWith("Not saved: ");
        assertThat(view.spanAnnotator.getElement().getProperty("readonly", false)).isTrue();
    }

    @Test
    void anAnnotatorWhoseDocumentIsUnassignedWhileOpenCannotSaveToIt() {
        UI.getCurrent().navigate("documents/" + assigned);
        AnnotationView view = _get(AnnotationView.class);
        projects.unassign(project, assigned, me());

        fire(view.spanAnnotator, "create-span", detail().put("start", 4).put("end", 12).put("label", "fact"));
        assertThat(annotations.layer(assigned, me()).spans()).isEmpty();
    }

    @Test
    void markingDoneOffersTheNextDocumentOfTheQueue() {
        projects.assign(project, unassigned, List.of(me()));
        UI.getCurrent().navigate("documents/" + assigned);
        AnnotationView view = _get(AnnotationView.class);
        assertThat(view.nextLink.isVisible()).as("not before it is done").isFalse();

        ButtonKt._click(view.doneButton);
        assertThat(view.nextLink.isVisible()).isTrue();
        assertThat(view.nextLink.getHref()).isEqualTo("documents/" + unassigned);
        assertThat(view.nextLink.getText()).startsWith("Next: Other ");

        UI.getCurrent().navigate(view.nextLink.getHref());
        assertThat(_get(AnnotationView.class).title.getText()).startsWith("Other ");
        assertThat(view.nextLink.isVisible()).as("this one is not done yet").isFalse();
    }
}
