package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
        UI.getCurrent().navigate("labels");
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
        UI.getCurrent().navigate("labels");
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
}
