package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.slant.document.DocumentId;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.project.SchemeEditor;

/**
 * The label set: names, colours, keys, underline styles and the definitions annotators read. A label
 * in use can only be removed after choosing what happens to its spans.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "labels", layout = MainLayout.class)
@PageTitle("Labels · Slant")
public class LabelsView extends VerticalLayout implements BeforeEnterObserver {

    private final LabelService labels;
    private final SchemeEditor editor;
    private final org.slant.security.AccessPolicy access;
    private final org.slant.project.ProjectService projects;
    private final String user;
    /** Whose label set: ?project=ID, the default project otherwise. */
    private String project = org.slant.project.Project.DEFAULT_ID;
    private boolean mayEdit;
    final H2 heading = new H2("Labels");
    final Button add = new Button("Add label", VaadinIcon.PLUS.create());
    final Div list = new Div();
    /** Which project's label set: shown when the user has more than one project. */
    final Select<org.slant.project.Project> projectSelect = new Select<>();
    /** The parts of the last remove dialog, for browserless tests. */
    RemoveDialog lastRemoveDialog;

    record RemoveDialog(RadioButtonGroup<String> choice, Select<Label> target, Button confirm) {
    }

    public LabelsView(LabelService labels, SchemeEditor editor, org.slant.security.AccessPolicy access,
                      org.slant.project.ProjectService projects, org.slant.security.CurrentUser currentUser) {
        this.labels = labels;
        this.editor = editor;
        this.access = access;
        this.projects = projects;
        this.user = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("60rem");
        add.addClickListener(e -> edit(null));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-label");
        projectSelect.setItemLabelGenerator(org.slant.project.Project::name);
        projectSelect.setAriaLabel("Project");
        projectSelect.setId("labels-project");
        projectSelect.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(LabelsView.class,
                        com.vaadin.flow.router.QueryParameters.of("project", e.getValue().id())));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(heading, projectSelect, add);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.expand(bar.getComponentAt(0));
        Paragraph hint = new Paragraph("Open documents pick up changes when they are opened again. Keep each "
                + "definition short and concrete: it is what annotators and students read while they work.");
        hint.addClassName("slant-hint");
        add(bar, hint, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // without ?project=, the first project the user curates (the header link has no project to name)
        String fallback = access.visibleProjects(user).stream().filter(p -> access.canManageProject(user, p.id()))
                .filter(p -> !p.isDefault()).map(org.slant.project.Project::id).findFirst()
                .orElse(org.slant.project.Project.DEFAULT_ID);
        project = event.getLocation().getQueryParameters().getSingleParameter("project")
                .filter(id -> projects.find(id).isPresent()).orElse(fallback);
        if (!access.isAdmin(user) && access.role(user, project).isEmpty()) {
            project = org.slant.project.Project.DEFAULT_ID; // not theirs: show nothing of it
        }
        mayEdit = access.canManageProject(user, project);
        add.setVisible(mayEdit);
        heading.setText("Labels · " + projects.get(project).name());
        List<org.slant.project.Project> mine = access.visibleProjects(user);
        projectSelect.setItems(mine);
        mine.stream().filter(p -> p.id().equals(project)).findFirst().ifPresent(projectSelect::setValue);
        projectSelect.setVisible(mine.size() > 1);
        refresh();
    }

    void refresh() {
        list.removeAll();
        Map<String, Integer> usage = editor.usage(project);
        for (Label label : labels.labels(project).labels()) {
            Div swatch = new Div();
            swatch.addClassName("slant-swatch");
            swatch.getStyle().set("--swatch", label.color()).set("--mark", label.mark());
            Span name = new Span(label.name());
            name.addClassName("slant-legend-name");
            Span meta = new Span((label.hotkey() == null ? "no key" : "key " + label.hotkey()) + " · " + label.mark()
                    + " underline · " + usage.getOrDefault(label.id(), 0) + " spans");
            meta.addClassName("slant-meta");
            Button editButton = new Button("Edit", e -> edit(label));
            editButton.setId("edit-" + label.id());
            Button remove = new Button("Remove", e -> remove(label, usage.getOrDefault(label.id(), 0)));
            remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            remove.setId("remove-" + label.id());
            editButton.setVisible(mayEdit);
            remove.setVisible(mayEdit);
            HorizontalLayout head = new HorizontalLayout(swatch, name, meta, editButton, remove);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            Paragraph definition = new Paragraph(label.definition());
            definition.addClassName("slant-hint");
            Div card = new Div(head, definition);
            card.addClassName("slant-label-card");
            list.add(card);
        }
    }

    /** Add (label null) or change a label. */
    void edit(Label label) {
        Dialog d = new Dialog();
        d.setHeaderTitle(label == null ? "Add a label" : "Edit " + label.name());
        TextField name = new TextField("Name", label == null ? "" : label.name(), "");
        TextField color = new TextField("Colour", label == null ? "#5c7cfa" : label.color(), "");
        color.getElement().setAttribute("type", "color");
        TextField hotkey = new TextField("Key", label == null || label.hotkey() == null ? "" : label.hotkey(), "");
        hotkey.setMaxLength(1);
        Select<String> mark = new Select<>();
        mark.setLabel("Underline (tells labels apart without colour)");
        mark.setItems("solid", "double", "dashed", "dotted", "wavy");
        mark.setValue(label == null ? "dotted" : label.mark());
        TextArea definition = new TextArea("Definition", label == null ? "" : label.definition(), "");
        definition.setWidthFull();
        Paragraph error = new Paragraph();
        error.addClassName("slant-error");
        Button save = new Button("Save", e -> {
            try {
                String id = label != null ? label.id() : uniqueId(name.getValue());
                editor.put(user, project, new Label(id, name.getValue(), color.getValue(), hotkey.getValue().strip(), mark.getValue(),
                        definition.getValue()));
                d.close();
                refresh();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-label");
        d.add(new VerticalLayout(name, new HorizontalLayout(color, hotkey, mark), definition, error));
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private String uniqueId(String name) {
        String base = DocumentId.slugOf(name);
        String id = base;
        for (int n = 2; labels.labels(project).contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Removing a label in use: relabel its spans to another label, or delete them. */
    void remove(Label label, int inUse) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Remove " + label.name() + "?");
        RadioButtonGroup<String> choice = new RadioButtonGroup<>();
        Select<Label> target = new Select<>();
        List<Label> others = labels.labels(project).labels().stream().filter(l -> !l.id().equals(label.id())).toList();
        target.setItems(others);
        target.setItemLabelGenerator(Label::name);
        if (!others.isEmpty()) {
            target.setValue(others.getFirst());
        }
        VerticalLayout body = new VerticalLayout();
        if (inUse > 0) {
            body.add(new Paragraph(inUse + " span" + (inUse == 1 ? "" : "s") + " by every annotator carry this label."));
            choice.setItems("Relabel them as", "Delete them");
            choice.setValue("Relabel them as");
            choice.addValueChangeListener(e -> target.setEnabled("Relabel them as".equals(e.getValue())));
            body.add(choice, target);
        } else {
            body.add(new Paragraph("No span carries this label."));
        }
        Button confirm = new Button("Remove label", e -> {
            try {
                String replacement = inUse > 0 && "Relabel them as".equals(choice.getValue()) && target.getValue() != null
                        ? target.getValue().id() : null;
                int changed = editor.remove(user, project, label.id(), replacement);
                Notification.show("Removed " + label.name() + (changed > 0 ? "; " + changed + " span"
                        + (changed == 1 ? "" : "s") + (replacement != null ? " relabelled" : " deleted") : ""),
                        5000, Notification.Position.BOTTOM_CENTER);
                d.close();
                refresh();
            } catch (RuntimeException ex) {
                body.add(new Paragraph(UiErrors.describe(ex))); // in the dialog, beside the choice to make again
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setId("confirm-remove");
        d.add(body);
        d.getFooter().add(new Button("Cancel", e -> d.close()), confirm);
        d.open();
        this.lastRemoveDialog = new RemoveDialog(choice, target, confirm);
    }
}
