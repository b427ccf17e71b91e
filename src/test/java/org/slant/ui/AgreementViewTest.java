package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

class AgreementViewTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    @Test
    void twoAnnotatorsWhoMarkedTheSameSpanAgreePerfectlyAndTheTableSaysSo() {
        String id = documents.add(new Draft("Agreed", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        annotations.create(id, "alice", 13, 20, "sensational", false);
        annotations.create(id, "bob", 13, 20, "sensational", false);

        UI.getCurrent().navigate("documents/" + id + "/agreement");
        AgreementTable table = _get(AgreementTable.class);
        // the sensational row, then "All labels"
        List<String> overall = GridKt._getFormattedRow(table.grid, GridKt._size(table.grid) - 1);
        assertThat(overall.getFirst()).isEqualTo("All labels");
        assertThat(overall).containsSequence("1.00", "1.00", "1.00", "1.00", "1.00");
        assertThat(_get(table, ListItem.class, spec -> spec.withText("α_u 1.00: reliable."))).isNotNull();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("agreement-csv")).getHref())
                .isEqualTo("/api/documents/" + id + "/agreement?format=csv");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("against-gold")).getElement()
                .getTextRecursively()).contains("No gold spans yet");

        annotations.create(id, org.slant.annotation.Layer.GOLD, 13, 20, "sensational", false);
        UI.getCurrent().navigate("documents/" + id + "/agreement");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.slant.agreement.AgreementReport.Pair> vsGold = _get(
                _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("against-gold")),
                com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._size(vsGold)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(vsGold, 0)).containsSequence("alice", "1 of 1", "1.00");
    }

    @Test
    void withOneAnnotatorAgreementIsNotDefinedAndSaysWhy() {
        String id = documents.add(new Draft("Alone", "Only one person marked this text."), Source.UNKNOWN).id();
        annotations.create(id, "alice", 0, 4, "fact", false);
        UI.getCurrent().navigate("documents/" + id + "/agreement");
        AgreementTable table = _get(AgreementTable.class);
        assertThat(table.getElement().getTextRecursively()).contains("not defined").contains("at least two annotators");
    }

    @Test
    void projectAgreementFromTheDocumentList() {
        String id = documents.add(new Draft("Disagreed", "Officials said the talks failed badly."), Source.UNKNOWN).id();
        annotations.create(id, "alice", 0, 14, "attribution", false);
        annotations.create(id, "bob", 20, 37, "opinion", false);
        UI.getCurrent().navigate("");
        DocumentListView list = _get(DocumentListView.class);
        list.grid.select(list.grid.getListDataView().getItems().filter(r -> r.document().id().equals(id)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("project-agreement")));
        AgreementTable table = _get(AgreementTable.class);
        List<String> overall = GridKt._getFormattedRow(table.grid, GridKt._size(table.grid) - 1);
        assertThat(overall.get(3)).isEqualTo("0.00"); // exact F1: nothing in common
        assertThat(_get(table, Paragraph.class, spec -> spec.withText("Annotators compared: alice, bob"))).isNotNull();
        // the download covers the same documents as the table: the selected one
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("agreement-json")).getHref())
                .isEqualTo("/api/agreement?documents=" + id + "&format=json");
    }
}
