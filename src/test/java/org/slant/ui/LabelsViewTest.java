package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.LinkType;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.springframework.beans.factory.annotation.Autowired;

class LabelsViewTest extends UiTestBase {

    @Autowired
    LabelService labels;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    @Test
    void addALabelThenItIsOfferedInTheAnnotator() {
        UI.getCurrent().navigate(LabelsView.class, com.vaadin.flow.router.QueryParameters.of("project", "default"));
        _click(_get(Button.class, spec -> spec.withId("add-label")));
        Dialog dialog = _get(Dialog.class);
        HasValueUtilsKt._setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Loaded language", true);
        HasValueUtilsKt._setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Key")), "7", true);
        HasValueUtilsKt._setValue(_get(dialog, TextArea.class), "Words with strong connotations.", true);
        _click(_get(dialog, Button.class, spec -> spec.withId("save-label")));

        assertThat(labels.labels(org.slant.project.Project.DEFAULT_ID).find("loaded-language")).get().extracting(l -> l.hotkey()).isEqualTo("7");
        String id = documents.add(new Draft("Label test", "A BRUTAL crackdown."), Source.UNKNOWN).id();
        UI.getCurrent().navigate("documents/" + id);
        assertThat(_get(Button.class, spec -> spec.withId("label-loaded-language"))).isNotNull();
    }

    @Test
    void removingALabelInUseRelabelsItsSpansAfterAsking() {
        String id = documents.add(new Draft("Relabel test", "Officials said so."), Source.UNKNOWN).id();
        annotations.create(id, "tester", 0, 14, "attribution", false);
        UI.getCurrent().navigate(LabelsView.class, com.vaadin.flow.router.QueryParameters.of("project", "default"));
        LabelsView view = _get(LabelsView.class);
        _click(_get(Button.class, spec -> spec.withId("remove-attribution")));
        HasValueUtilsKt._setValue(view.lastRemoveDialog.target(), labels.labels(org.slant.project.Project.DEFAULT_ID).find("fact").orElseThrow(), true);
        _click(view.lastRemoveDialog.confirm());

        assertThat(labels.labels(org.slant.project.Project.DEFAULT_ID).contains("attribution")).isFalse();
        assertThat(annotations.layer(id, "tester").spans()).extracting(Span::label).containsExactly("fact");
    }

    @Test
    void aCuratorOfTwoProjectsSwitchesBetweenTheirLabelSets() {
        long n = System.nanoTime();
        String curator = "lena-" + n;
        signIn(curator, false);
        var projects = context.getBean(org.slant.project.ProjectService.class);
        var first = projects.create("Newsroom " + n, curator);
        var second = projects.create("Classroom " + n, curator);
        projects.setMember(first.id(), curator, org.slant.project.ProjectRole.CURATOR);
        projects.setMember(second.id(), curator, org.slant.project.ProjectRole.CURATOR);
        UI.getCurrent().navigate(ProjectsView.class); // a view made for this user

        UI.getCurrent().navigate("labels");
        LabelsView view = _get(LabelsView.class);
        assertThat(view.projectSelect.isVisible()).isTrue();
        assertThat(view.projectSelect.getListDataView().getItems().map(org.slant.project.Project::name))
                .containsExactly("Newsroom " + n, "Classroom " + n);
        assertThat(view.heading.getText()).isEqualTo("Labels · Newsroom " + n);

        HasValueUtilsKt._setValue(view.projectSelect,
                view.projectSelect.getListDataView().getItems().filter(p -> p.id().equals(second.id())).findFirst().orElseThrow(), true);
        LabelsView shown = _get(LabelsView.class);
        assertThat(shown.heading.getText()).isEqualTo("Labels · Classroom " + n);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getSingleParameter("project"))
                .contains(second.id());
    }

    // ---- the structure: attributes, values, link types, sentence labels, questions ----

    static final String TEXT = "Merz said the talks failed. Critics claimed Putin won!";
    static final org.slant.label.Scheme SCHEME = new org.slant.label.Scheme(List.of(
            new org.slant.label.Label("bias", "Bias", "#d9480f", "1", "wavy", "Loaded wording.", List.of(
                    Attribute.choice("polarity", "Polarity", true, "Which way it pushes.",
                            new Choice("positive", "Positive", "p", "Better."), new Choice("negative", "Negative", "n", "Worse.")),
                    Attribute.of("target", "Target", AttributeKind.ENTITY, false, "Whom it is about."))),
            new org.slant.label.Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new org.slant.label.Label("source", "Source", "#0b7285", "3", "dotted", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, "Who said it."),
                    LinkType.relation("about", "About", List.of("bias"), List.of(), "")),
            List.of(Attribute.choice("biased", "Biased", true, "Is the sentence biased?", new Choice("yes", "Biased", "b", ""),
                    new Choice("no", "Not biased", "n", ""))),
            List.of(Attribute.choice("tone", "Tone", false, "The article's tone.", new Choice("pro", "Pro"),
                    new Choice("anti", "Anti"))));

    String project;
    String doc;
    String claimed;

    /** A project of its own with the structured scheme, a document, and a biased span with values and a link. */
    private void structuredProject() {
        var projects = context.getBean(org.slant.project.ProjectService.class);
        project = projects.create("Structure " + System.nanoTime(), TESTER).id();
        labels.replace(project, SCHEME);
        doc = projects.as(TESTER).addDocument(new Draft("Talks " + System.nanoTime(), TEXT), Source.UNKNOWN, project).id();
        int start = TEXT.indexOf("claimed");
        claimed = annotations.create(doc, "tester", start, start + 7, "bias", false).after().id();
        annotations.setAttribute(doc, "tester", claimed, "polarity", new AttributeValue.Text("negative"));
        annotations.setAttribute(doc, "tester", claimed, "target", new AttributeValue.Text("Putin"));
        String merz = annotations.create(doc, "tester", 0, 4, "source", false).after().id();
        annotations.addLink(doc, "tester", "tester", "about", claimed, merz);
        annotations.setSentenceLabel(doc, "tester", 0, 27, "biased", new AttributeValue.Text("yes"));
        UI.getCurrent().navigate(LabelsView.class, com.vaadin.flow.router.QueryParameters.of("project", project));
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void thePageShowsAttributesRolesSentenceLabelsAndQuestionsWithTheirUses() {
        structuredProject();
        String polarity = text(_get(Div.class, spec -> spec.withId("attr-bias-polarity")));
        assertThat(polarity).contains("Polarity").contains("Choice of values").contains("required").contains("1 span")
                .contains("Positive").contains("Negative").contains("Which way it pushes.");
        assertThat(text(_get(Div.class, spec -> spec.withId("attr-bias-target")))).contains("Entity").contains("optional");
        assertThat(text(_get(Div.class, spec -> spec.withId("link-source"))))
                .contains("Role of Attribution → Source").contains("required").contains("0 links").contains("Who said it.");
        assertThat(text(_get(Div.class, spec -> spec.withId("link-about")))).contains("Relation Bias → any label · 1 link");
        assertThat(text(_get(Div.class, spec -> spec.withId("sentence-biased")))).contains("1 sentence");
        assertThat(text(_get(Div.class, spec -> spec.withId("question-tone")))).contains("0 answers");
        assertThat(text(_get(Div.class, spec -> spec.withId("label-attribution")))).contains("Roles: Source (required).");
    }

    @Test
    void anAttributeWithValuesIsAddedThroughItsDialog() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("add-attr-attribution")));
        LabelsView view = _get(LabelsView.class);
        AttributeDialog d = view.lastAttributeDialog;
        HasValueUtilsKt._setValue(d.name, "Attribution type", true);
        HasValueUtilsKt._setValue(d.rows.get(0).valueName, "Assertion", true);
        HasValueUtilsKt._setValue(d.rows.get(0).key, "a", true);
        HasValueUtilsKt._setValue(d.rows.get(1).valueName, "Belief", true);
        HasValueUtilsKt._setValue(d.rows.get(1).valueDefinition, "Thinks it.", true);
        HasValueUtilsKt._setValue(d.required, true, true);
        HasValueUtilsKt._setValue(d.definition, "What the source does with the content.", true);
        _click(d.save);

        Attribute made = labels.labels(project).attribute("attribution", "attribution-type").orElseThrow();
        assertThat(made.choices()).extracting(Choice::id, Choice::hotkey, Choice::definition).containsExactly(
                org.assertj.core.groups.Tuple.tuple("assertion", "a", ""),
                org.assertj.core.groups.Tuple.tuple("belief", null, "Thinks it."));
        assertThat(made.required()).isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("attr-attribution-attribution-type"))).isNotNull();

        // a scale: the values give way to its range
        _click(_get(Button.class, spec -> spec.withId("add-attr-bias")));
        d = _get(LabelsView.class).lastAttributeDialog;
        HasValueUtilsKt._setValue(d.name, "Intensity", true);
        HasValueUtilsKt._setValue(d.type, AttributeKind.SCALE, true);
        assertThat(d.values.getParent().orElseThrow().isVisible()).isFalse();
        HasValueUtilsKt._setValue(d.max, 1, true);
        _click(d.save);
        assertThat(d.error.getText()).contains("min < max");
        HasValueUtilsKt._setValue(d.max, 7, true);
        _click(d.save);
        assertThat(labels.labels(project).attribute("bias", "intensity").orElseThrow().max()).isEqualTo(7);
    }

    @Test
    void aValueInUseRemovedInTheEditDialogAsksWhereItsUsesGo() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("edit-attr-bias-polarity")));
        AttributeDialog d = _get(LabelsView.class).lastAttributeDialog;
        AttributeDialog.ValueRow negative = d.rows.get(1);
        _click(negative.remove);
        assertThat(negative.moveTo.isVisible()).isTrue();
        assertThat(negative.moveTo.getListDataView().getItems().map(negative.moveTo.getItemLabelGenerator()))
                .containsExactly("Move its 1 span to Positive", "Delete its 1 span");
        HasValueUtilsKt._setValue(d.rows.get(0).valueName, "Favourable", true);
        _click(d.save);

        Attribute polarity = labels.labels(project).attribute("bias", "polarity").orElseThrow();
        assertThat(polarity.choices()).extracting(Choice::id, Choice::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("positive", "Favourable"));
        assertThat(annotations.layer(doc, "tester").find(claimed).orElseThrow().attributes())
                .containsEntry("polarity", new AttributeValue.Text("positive"));
    }

    @Test
    void aTypeChangeThatBreaksValuesIsRefusedInTheDialogUntilTheyMayBeDeleted() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("edit-attr-bias-target")));
        AttributeDialog d = _get(LabelsView.class).lastAttributeDialog;
        assertThat(d.deleteUnfit.isVisible()).isTrue();
        HasValueUtilsKt._setValue(d.type, AttributeKind.FLAG, true);
        _click(d.save);
        assertThat(d.error.getText()).contains("would leave 1 stored value that no longer fit");
        assertThat(labels.labels(project).attribute("bias", "target").orElseThrow().kind()).isEqualTo(AttributeKind.ENTITY);
        HasValueUtilsKt._setValue(d.deleteUnfit, true, true);
        _click(d.save);
        assertThat(labels.labels(project).attribute("bias", "target").orElseThrow().kind()).isEqualTo(AttributeKind.FLAG);
        assertThat(annotations.layer(doc, "tester").find(claimed).orElseThrow().attributes()).doesNotContainKey("target");
    }

    @Test
    void anAttributeInUseIsRemovedOnlyOnceItsValuesMayBeDeleted() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("remove-attr-bias-target")));
        LabelsView view = _get(LabelsView.class);
        assertThat(view.lastRemoveAttributeDialog.confirm().isEnabled()).isFalse();
        HasValueUtilsKt._setValue(view.lastRemoveAttributeDialog.deleteUses(), true, true);
        _click(view.lastRemoveAttributeDialog.confirm());
        assertThat(labels.labels(project).attribute("bias", "target")).isEmpty();
        assertThat(annotations.layer(doc, "tester").find(claimed).orElseThrow().attributes()).doesNotContainKey("target");
        assertThat(_find(Div.class, spec -> spec.withId("attr-bias-target"))).isEmpty();
    }

    @Test
    void linkTypesAreAddedAndALinkTypeInUseMovesItsLinksToAnotherOnRemoval() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("add-link-type")));
        LinkTypeDialog d = _get(LabelsView.class).lastLinkTypeDialog;
        HasValueUtilsKt._setValue(d.name, "Mentions", true);
        d.from.select(SCHEME.find("bias").orElseThrow());
        HasValueUtilsKt._setValue(d.definition, "The bias names this span.", true);
        _click(d.save);
        LinkType mentions = labels.labels(project).linkType("mentions").orElseThrow();
        assertThat(mentions.from()).containsExactly("bias");
        assertThat(mentions.to()).isEmpty();
        assertThat(mentions.role()).isFalse();

        _click(_get(Button.class, spec -> spec.withId("remove-link-about")));
        LabelsView view = _get(LabelsView.class);
        HasValueUtilsKt._setValue(view.lastRemoveLinkTypeDialog.target(), mentions, true);
        _click(view.lastRemoveLinkTypeDialog.confirm());
        assertThat(labels.labels(project).linkType("about")).isEmpty();
        assertThat(annotations.layer(doc, "tester").links()).extracting(org.slant.annotation.Link::type)
                .containsExactly("mentions");

        // a role change that strands links is refused in the dialog
        _click(_get(Button.class, spec -> spec.withId("edit-link-mentions")));
        d = _get(LabelsView.class).lastLinkTypeDialog;
        d.from.deselectAll();
        d.from.select(SCHEME.find("attribution").orElseThrow());
        _click(d.save);
        assertThat(d.error.getText()).contains("would leave 1 link that it no longer allows");
    }

    @Test
    void sentenceLabelsAndQuestionsAreAddedAndALabelEditKeepsItsAttributes() {
        structuredProject();
        _click(_get(Button.class, spec -> spec.withId("add-question")));
        AttributeDialog d = _get(LabelsView.class).lastAttributeDialog;
        HasValueUtilsKt._setValue(d.name, "Main entity", true);
        HasValueUtilsKt._setValue(d.type, AttributeKind.ENTITY, true);
        _click(d.save);
        assertThat(labels.labels(project).question("main-entity").orElseThrow().kind()).isEqualTo(AttributeKind.ENTITY);

        _click(_get(Button.class, spec -> spec.withId("add-sentence-label")));
        d = _get(LabelsView.class).lastAttributeDialog;
        HasValueUtilsKt._setValue(d.name, "Opinion", true);
        HasValueUtilsKt._setValue(d.rows.get(0).valueName, "Fact", true);
        HasValueUtilsKt._setValue(d.rows.get(1).valueName, "Opinion", true);
        _click(d.save);
        assertThat(labels.labels(project).sentenceLabel("opinion").orElseThrow().choiceIds()).containsExactly("fact", "opinion");

        _click(_get(Button.class, spec -> spec.withId("edit-bias")));
        Dialog dialog = _get(Dialog.class);
        HasValueUtilsKt._setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Biased wording", true);
        _click(_get(dialog, Button.class, spec -> spec.withId("save-label")));
        org.slant.label.Label bias = labels.labels(project).find("bias").orElseThrow();
        assertThat(bias.name()).isEqualTo("Biased wording");
        assertThat(bias.attributes()).extracting(Attribute::id).containsExactly("polarity", "target");
    }

    @Test
    void anAnnotatorSeesTheSchemeButNoEditButtons() {
        structuredProject();
        String annotator = "ann-" + System.nanoTime();
        signIn(annotator, false);
        context.getBean(org.slant.project.ProjectService.class).setMember(project, annotator,
                org.slant.project.ProjectRole.ANNOTATOR);
        UI.getCurrent().navigate(ProjectsView.class); // then a page made for this user
        UI.getCurrent().navigate(LabelsView.class, com.vaadin.flow.router.QueryParameters.of("project", project));
        assertThat(_get(Div.class, spec -> spec.withId("attr-bias-polarity"))).isNotNull();
        for (String hidden : List.of("edit-attr-bias-polarity", "add-link-type", "remove-link-source", "add-attr-bias",
                "add-question")) {
            assertThat(_find(Button.class, spec -> spec.withId(hidden))).as(hidden).isEmpty(); // only visible ones are found
        }
    }
}
