package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.CurationService;
import org.slant.annotation.CurationService.Candidate;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.springframework.beans.factory.annotation.Autowired;

class CurationViewTest extends UiTestBase {

    private static final String TEXT = "The minister SLAMMED critics, officials said, in a speech that was a disgrace.";

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;

    private String docId;
    private CurationView view;

    /** SLAMMED: all three; officials said: alice and bob; disgrace: only carol. */
    @BeforeEach
    void openThreeAnnotatorsDocument() {
        docId = documents.add(new Draft("Curated", TEXT), Source.UNKNOWN).id();
        mark("alice", "SLAMMED", "sensational");
        mark("bob", "SLAMMED", "sensational");
        mark("carol", "SLAMMED", "sensational");
        mark("alice", "officials said", "attribution");
        mark("bob", "officials said", "attribution");
        mark("carol", "disgrace", "opinion");
        UI.getCurrent().navigate("documents/" + docId + "/curation");
        view = _get(CurationView.class);
    }

    private void mark(String annotator, String part, String label) {
        int start = TEXT.indexOf(part);
        annotations.create(docId, annotator, start, start + part.length(), label, false);
    }

    private List<Candidate> rows() {
        List<Candidate> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            rows.add(GridKt._get(view.grid, i));
        }
        return rows;
    }

    private int row(String text) {
        List<Candidate> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).text().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no row for \"" + text + "\" among " + rows.stream().map(Candidate::text).toList());
    }

    private Button button(int row, String action) {
        Component cell = GridKt._getCellComponent(view.grid, row, "actions");
        return _get(cell, Button.class, spec -> spec.withClasses("slant-cur-" + action));
    }

    private Layer gold() {
        return annotations.layer(docId, CurationService.GOLD);
    }

    @Test
    void listsEveryRangeAndLabelWithWhoMarkedIt() {
        assertThat(rows()).extracting(Candidate::text).containsExactly("SLAMMED", "officials said", "disgrace");
        assertThat(GridKt._getFormattedRow(view.grid, row("officials said")).subList(0, 4))
                .containsExactly("officials said", "Attribution", "alice, bob · 2 of 3", "");
        assertThat(view.status.getText()).startsWith("Gold revision 0 ·").contains("curating as tester");
        assertThat(_get(RouterLink.class, spec -> spec.withId("cur-back")).getHref()).isEqualTo("documents/" + docId);
        // the default scheme has no sentence labels or document questions: no section for them
        assertThat(view.labelSection.isVisible()).isFalse();
    }

    @Test
    void acceptOnARowPutsItIntoGoldUnderTheCuratorsNameAndTicksTheRow() {
        _click(button(row("officials said"), "accept"));

        assertThat(gold().spans()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("officials said");
            assertThat(s.label()).isEqualTo("attribution");
            assertThat(s.author()).isEqualTo("tester");
        });
        int r = row("officials said");
        assertThat(GridKt._getFormattedRow(view.grid, r).get(3)).isEqualTo("✓");
        assertThat(button(r, "accept").isEnabled()).isFalse();
        assertThat(view.status.getText()).startsWith("Gold revision 1 ·");

        _click(button(r, "reject"));
        assertThat(gold().spans()).isEmpty();
        assertThat(GridKt._getFormattedRow(view.grid, row("officials said")).get(3)).isEmpty();
    }

    @Test
    void acceptAllMarkedByAtLeastKTakesExactlyThose() {
        assertThat(view.atLeast.getValue()).isEqualTo(2); // a majority of three
        HasValueUtilsKt._setValue(view.atLeast, 3, true);

        _click(_get(Button.class, spec -> spec.withId("accept-at-least")));
        assertThat(gold().spans()).extracting(Span::text).containsExactly("SLAMMED");

        HasValueUtilsKt._setValue(view.atLeast, 2, true);
        _click(_get(Button.class, spec -> spec.withId("accept-at-least")));
        assertThat(gold().spans()).extracting(Span::text).containsExactly("SLAMMED", "officials said");
        assertThat(gold().revision()).isEqualTo(2);
    }

    @Test
    void theFiltersNarrowTheRows() {
        HasValueUtilsKt._setValue(view.onlyDisagreements, true, true);
        assertThat(rows()).extracting(Candidate::text).containsExactly("officials said", "disgrace");

        HasValueUtilsKt._setValue(view.annotatorFilter, "carol", true);
        assertThat(rows()).extracting(Candidate::text).containsExactly("disgrace");

        HasValueUtilsKt._setValue(view.onlyDisagreements, false, true);
        HasValueUtilsKt._setValue(view.annotatorFilter, null, true);
        HasValueUtilsKt._setValue(view.labelFilter, "sensational", true);
        assertThat(rows()).extracting(Candidate::text).containsExactly("SLAMMED");
    }

    @Test
    void aSaveElsewhereAddsARowWithoutReloading() {
        mark("bob", "critics", "opinion");
        MockVaadin.clientRoundtrip(false);

        assertThat(rows()).extracting(Candidate::text).containsExactly("SLAMMED", "critics", "officials said", "disgrace");
        assertThat(GridKt._getFormattedRow(view.grid, row("critics")).get(2)).isEqualTo("bob · 1 of 3");
    }

    @Test
    void anotherCuratorsSaveInBetweenIsRefusedAndTheListRefreshed() throws InterruptedException {
        Button acceptSlammed = button(row("SLAMMED"), "accept");
        // another curator accepts "disgrace" from their own session (thread) while this view still shows
        // gold revision 0: the push to this view waits for this UI's lock, as it would behind a click in flight
        Candidate disgrace = curation.candidates(docId).candidates().stream()
                .filter(c -> c.text().equals("disgrace")).findFirst().orElseThrow();
        org.slant.security.UserService users = context.getBean(org.slant.security.UserService.class);
        if (users.find("eve").isEmpty()) {
            users.create("eve", null, "password-of-eve", true); // CurationService lets only curators (and admins) write gold
        }
        Thread other = new Thread(() -> curation.accept(docId, "eve", 0, disgrace));
        other.start();
        other.join();
        assertThat(view.status.getText()).startsWith("Gold revision 0 ·");

        _click(acceptSlammed);

        assertThat(NotificationsKt.getNotifications()).extracting(UiTestBase::notificationText)
                .contains(CurationView.STALE_MESSAGE);
        assertThat(gold().spans()).extracting(Span::text).containsExactly("disgrace");
        assertThat(view.status.getText()).startsWith("Gold revision 1 ·");
        assertThat(GridKt._getFormattedRow(view.grid, row("disgrace")).get(3)).isEqualTo("✓");
    }

    @Test
    void aGoldSpanCanBeRelabelled() {
        _click(button(row("disgrace"), "accept"));
        @SuppressWarnings("unchecked")
        Select<Label> relabel = _get(GridKt._getCellComponent(view.grid, row("disgrace"), "actions"), Select.class,
                spec -> spec.withClasses("slant-cur-relabel"));
        Label fact = relabel.getListDataView().getItems().filter(l -> l.id().equals("fact")).findFirst().orElseThrow();

        HasValueUtilsKt._setValue(relabel, fact, true);

        assertThat(gold().spans()).singleElement().satisfies(s -> assertThat(s.label()).isEqualTo("fact"));
        // carol's opinion is no longer in gold; the fact nobody marked is
        assertThat(rows()).filteredOn(c -> c.text().equals("disgrace"))
                .extracting(Candidate::label, Candidate::inGold)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("opinion", false),
                        org.assertj.core.groups.Tuple.tuple("fact", true));
    }

    @Test
    void theAnnotationViewLinksToCuration() {
        UI.getCurrent().navigate("documents/" + docId);
        RouterLink link = _get(RouterLink.class, spec -> spec.withId("curation-link"));
        assertThat(link.getHref()).isEqualTo("documents/" + docId + "/curation");
        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(CurationView.class).status.getText()).startsWith("Gold revision 0 ·");
    }

    @Test
    void aGoldSpansStartAndEndMoveAWordAtATime() {
        _click(button(row("disgrace"), "accept"));
        Component cell = GridKt._getCellComponent(view.grid, row("disgrace"), "actions");
        _click(_get(cell, Button.class, spec -> spec.withAttribute("data-move", "start_earlier")));
        assertThat(gold().spans()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("a disgrace");
            assertThat(s.author()).isEqualTo(TESTER);
        });
        // the moved span is a row of its own now, marked by nobody; carol's stays as it was
        assertThat(GridKt._getFormattedRow(view.grid, row("a disgrace")).get(2)).startsWith("nobody (added in gold)");
        assertThat(rows()).filteredOn(c -> c.text().equals("disgrace")).singleElement()
                .satisfies(c -> assertThat(c.inGold()).isFalse());
    }

    @Test
    void theCuratorEditsGoldInTheTextAndTheSpansCarryTheirName() {
        RouterLink edit = _get(RouterLink.class, spec -> spec.withId("edit-gold"));
        assertThat(edit.getHref()).isEqualTo("documents/" + docId + "?layer=gold");
        UI.getCurrent().navigate("documents/" + docId, com.vaadin.flow.router.QueryParameters.of("layer", "gold"));
        AnnotationView gold = _get(AnnotationView.class);
        int start = TEXT.indexOf("critics");
        fire(gold.spanAnnotator, "create-span", detail().put("start", start).put("end", start + 7).put("label", "opinion"));
        assertThat(gold().spans()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("critics");
            assertThat(s.author()).isEqualTo(TESTER);
        });
        assertThat(annotations.layer(docId, TESTER).spans()).isEmpty(); // not into the curator's own layer

        // an annotator asking for gold is refused
        signIn("plain-annotator", false);
        UI.getCurrent().navigate(ProjectsView.class); // a new view instance, made for the new user
        UI.getCurrent().navigate("documents/" + docId, com.vaadin.flow.router.QueryParameters.of("layer", "gold"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("slant-error")))
                .isNotEmpty();
    }

    @Test
    void aSecondCuratorsChangeToAGoldSpanIsNotOverwrittenByAnEditFromAStaleScreen() {
        UI.getCurrent().navigate("documents/" + docId, com.vaadin.flow.router.QueryParameters.of("layer", "gold"));
        AnnotationView gold = _get(AnnotationView.class);
        int start = TEXT.indexOf("critics");
        fire(gold.spanAnnotator, "create-span", detail().put("start", start).put("end", start + 7).put("label", "opinion"));
        String id = gold().spans().getFirst().id();
        tools.jackson.databind.node.ObjectNode seen = detail().put("start", start).put("end", start + 7).put("label", "opinion");

        // another curator relabels it; this screen has not drawn that yet when the key is pressed
        annotations.relabel(docId, Layer.GOLD, id, "fact");
        NotificationsKt.clearNotifications();
        fire(gold.spanAnnotator, "relabel-span", detail().put("id", id).put("label", "sensational").set("seen", seen));
        fire(gold.spanAnnotator, "delete-span", detail().put("id", id).set("seen", seen.deepCopy()));

        assertThat(gold().spans()).singleElement().extracting(Span::label).isEqualTo("fact");
        assertThat(NotificationsKt.getNotifications()).hasSize(2).extracting(UiTestBase::notificationText)
                .allSatisfy(t -> assertThat(t).contains("changed elsewhere").contains("now labelled Reported fact"));

        // as the screen shows it now, the edit goes through
        fire(gold.spanAnnotator, "relabel-span", detail().put("id", id).put("label", "sensational")
                .set("seen", detail().put("start", start).put("end", start + 7).put("label", "fact")));
        assertThat(gold().spans()).singleElement().extracting(Span::label).isEqualTo("sensational");
    }
}
