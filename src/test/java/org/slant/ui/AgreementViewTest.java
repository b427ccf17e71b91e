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
        // the document's project, whichever project another test of this class made
        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of("project",
                context.getBean(org.slant.project.ProjectService.class).projectOf(id).id()));
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

    @Autowired
    org.slant.project.ProjectService projects;
    @Autowired
    org.slant.label.LabelService labelService;

    /** A BASIL/PARC-like scheme: a bias label with a polarity, roles of an attribution, a sentence label, a question. */
    static final org.slant.label.Scheme STRUCTURED = new org.slant.label.Scheme(List.of(
            new org.slant.label.Label("bias", "Bias", "#d9480f", "1", "wavy", "", List.of(
                    org.slant.label.Attribute.choice("polarity", "Polarity", true, "",
                            new org.slant.label.Choice("pos", "Positive", "p", ""),
                            new org.slant.label.Choice("neg", "Negative", "n", "")))),
            new org.slant.label.Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new org.slant.label.Label("source", "Source", "#0b7285", "3", "dotted", "")),
            List.of(org.slant.label.LinkType.role("source", "Source", "attribution", List.of("source"), true, "")),
            List.of(org.slant.label.Attribute.choice("biased", "Biased", false, "",
                    new org.slant.label.Choice("y", "Biased"), new org.slant.label.Choice("n", "Not biased"))),
            List.of(org.slant.label.Attribute.choice("tone", "Tone", false, "",
                    new org.slant.label.Choice("pro", "Pro"), new org.slant.label.Choice("anti", "Anti"))));

    private static org.slant.label.AttributeValue text(String v) {
        return new org.slant.label.AttributeValue.Text(v);
    }

    /*
     * alice and bob both mark SLAMMED and critics as bias: polarity (neg, neg) and (pos, neg). κ: p_o = 1/2,
     * p_e = (1·2 + 1·0)/4 = 1/2, κ = 0; α: o_nn = 2, o_pn = o_np = 1, n = 4, D_O = 1/2, D_E = 2·3·1/(4·3) = 1/2, α = 0.
     * Both link the same attribution to the same source: link F1 1. Both label sentence 1 biased: all the same,
     * not defined; tone: alice anti, bob pro on one document.
     */
    @Test
    void aStructuredProjectShowsAttributeLinkSentenceAndQuestionAgreement() {
        String text = "The minister SLAMMED critics, officials said. Talks failed.";
        String id = documents.add(new Draft("Structured", text), Source.UNKNOWN).id();
        String project = projects.create("Structured", TESTER).id();
        projects.moveDocuments(List.of(id), project, java.util.Map.of());
        labelService.replace(project, STRUCTURED);
        for (String[] who : new String[][] {{"alice", "neg", "pos", "anti"}, {"bob", "neg", "neg", "pro"}}) {
            String a = who[0];
            String slammed = annotations.create(id, a, 13, 20, "bias", false).after().id();
            String critics = annotations.create(id, a, 21, 28, "bias", false).after().id();
            annotations.setAttribute(id, a, slammed, "polarity", text(who[1]));
            annotations.setAttribute(id, a, critics, "polarity", text(who[2]));
            String attribution = annotations.create(id, a, 0, 28, "attribution", false).after().id();
            String source = annotations.create(id, a, 30, 39, "source", false).after().id();
            annotations.addLink(id, a, a, "source", attribution, source);
            annotations.setSentenceLabel(id, a, 0, 45, "biased", text("y"));
            annotations.setAnswer(id, a, "tone", text(who[3]));
        }

        UI.getCurrent().navigate("documents/" + id + "/agreement");

        com.vaadin.flow.component.html.Div attributes = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("agreement-attributes"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.slant.agreement.CodedRow> grid = _get(attributes,
                com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("Polarity (Bias)", "nominal", "2", "0", "0.00", "0.00");
        assertThat(attributes.getElement().getTextRecursively()).contains("Polarity (Bias): κ 0.00, slight agreement; "
                + "α 0.00, unreliable. Rests on 2 matched span pairs: too few to say much.");
        com.vaadin.flow.component.html.Div links = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("agreement-links"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.slant.agreement.LinkRow> linkGrid = _get(links,
                com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._getFormattedRow(linkGrid, 0)).containsExactly("Source", "2", "1.00", "1.00", "1.00");
        assertThat(GridKt._getFormattedRow(linkGrid, 1).getFirst()).isEqualTo("All link types");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("agreement-sentences"))
                .getElement().getTextRecursively()).contains("Biased: Not defined: all 1 sentence carry the same value");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("agreement-questions"))
                .getElement().getTextRecursively()).contains("Tone: κ 0.00").contains("Rests on 1 document");
    }

    @Test
    void theDefaultSchemeShowsNoAttributeSectionsAndNoEmptyLinkTable() {
        String id = documents.add(new Draft("Plain", "The minister SLAMMED critics."), Source.UNKNOWN).id();
        annotations.create(id, "alice", 13, 20, "sensational", false);
        annotations.create(id, "bob", 13, 20, "sensational", false);

        UI.getCurrent().navigate("documents/" + id + "/agreement");

        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("agreement-attributes"));
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("agreement-questions"));
        com.vaadin.flow.component.html.Div links = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("agreement-links"));
        assertThat(links.getElement().getTextRecursively()).contains("nobody has drawn a link");
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(links, com.vaadin.flow.component.grid.Grid.class);
    }
}
