package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributePlace;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.SchemeEditor;
import org.slant.project.SchemeUses;

/**
 * A project's scheme: its span labels (names, colours, keys, underline styles, definitions) with their attributes,
 * the link types and roles between spans, the sentence labels and the document questions, each with how much of it
 * the layers use. Anything in use goes only after choosing what happens to its uses; the rules are the scheme
 * editor's, this page only asks.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "labels", layout = MainLayout.class)
@PageTitle("Labels · Slant")
public class LabelsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String MOVE = "Move them to";
    private static final String DELETE = "Delete them";

    private final LabelService labels;
    private final SchemeEditor editor;
    private final org.slant.security.AccessPolicy access;
    private final org.slant.project.ProjectService projects;
    private final String user;
    /** Whose scheme: ?project=ID, the default project otherwise. */
    private String project = org.slant.project.Project.DEFAULT_ID;
    private boolean mayEdit;
    final H2 heading = new H2("Labels");
    final Button add = new Button("Add label", VaadinIcon.PLUS.create());
    final Div list = new Div();
    final Div links = new Div();
    final Div sentenceLabels = new Div();
    final Div questions = new Div();
    /** Which project's scheme: shown when the user has more than one project. */
    final Select<org.slant.project.Project> projectSelect = new Select<>();
    /** The parts of the last dialogs, for browserless tests. */
    RemoveDialog lastRemoveDialog;
    AttributeDialog lastAttributeDialog;
    LinkTypeDialog lastLinkTypeDialog;
    RemoveAttributeDialog lastRemoveAttributeDialog;
    RemoveLinkTypeDialog lastRemoveLinkTypeDialog;

    record RemoveDialog(RadioButtonGroup<String> choice, Select<Label> target, Button confirm) {
    }

    record RemoveLinkTypeDialog(RadioButtonGroup<String> choice, Select<LinkType> target, Button confirm) {
    }

    record RemoveAttributeDialog(Checkbox deleteUses, Button confirm) {
    }

    public LabelsView(LabelService labels, SchemeEditor editor, org.slant.security.AccessPolicy access,
                      org.slant.project.ProjectService projects, org.slant.security.CurrentUser currentUser) {
        this.labels = labels;
        this.editor = editor;
        this.access = access;
        this.projects = projects;
        this.user = currentUser.name();
        addClassNames("slant-page", "slant-scheme");
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
        list.setWidthFull();
        links.setWidthFull();
        sentenceLabels.setWidthFull();
        questions.setWidthFull();
        add(bar, hint, section("Span labels", null, null), list, links, sentenceLabels, questions);
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
        Scheme scheme = labels.labels(project);
        SchemeUses uses = editor.uses(project);
        list.removeAll(); // the label cards only; their heading sits above
        for (Label label : scheme.labels()) {
            list.add(labelCard(scheme, label, uses));
        }
        links.removeAll();
        links.add(section("Links and roles", "add-link-type", e -> editLinkType(null)));
        if (scheme.linkTypes().isEmpty()) {
            links.add(hint("No link types: spans stand alone. A role joins spans into one structure (an Attribution "
                    + "with its Source and Cue); a relation joins two spans."));
        }
        for (LinkType type : scheme.linkTypes()) {
            links.add(linkTypeRow(scheme, type, uses));
        }
        sentenceLabels.removeAll();
        sentenceLabels.add(section("Sentence labels", "add-sentence-label", e -> editAttribute(AttributePlace.SENTENCE, null)));
        if (scheme.sentenceLabels().isEmpty()) {
            sentenceLabels.add(hint("None: add one to label every sentence (biased or not, for example)."));
        }
        scheme.sentenceLabels().forEach(a -> sentenceLabels.add(attributeRow(scheme, AttributePlace.SENTENCE, a, uses)));
        questions.removeAll();
        questions.add(section("Document questions", "add-question", e -> editAttribute(AttributePlace.DOCUMENT, null)));
        if (scheme.documentQuestions().isEmpty()) {
            questions.add(hint("None: add one to ask something of each whole document (its stance, its primary frame)."));
        }
        scheme.documentQuestions().forEach(a -> questions.add(attributeRow(scheme, AttributePlace.DOCUMENT, a, uses)));
    }

    private HorizontalLayout section(String title, String addId,
                                     com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> onAdd) {
        H3 h = new H3(title);
        HorizontalLayout row = new HorizontalLayout(h);
        row.addClassName("slant-scheme-section");
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.expand(h);
        if (addId != null) {
            Button addButton = new Button(title.equals("Links and roles") ? "Add link type"
                    : title.equals("Sentence labels") ? "Add sentence label" : "Add question", VaadinIcon.PLUS.create(), onAdd);
            addButton.setId(addId);
            addButton.addThemeVariants(ButtonVariant.TERTIARY);
            addButton.setVisible(mayEdit);
            row.add(addButton);
        }
        return row;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("slant-hint");
        return p;
    }

    private Div labelCard(Scheme scheme, Label label, SchemeUses uses) {
        Div swatch = new Div();
        swatch.addClassName("slant-swatch");
        swatch.getStyle().set("--swatch", label.color()).set("--mark", label.mark());
        Span name = new Span(label.name());
        name.addClassName("slant-legend-name");
        int spans = uses.spans(label.id());
        Span meta = new Span((label.hotkey() == null ? "no key" : "key " + label.hotkey()) + " · " + label.mark()
                + " underline · " + spans + (spans == 1 ? " span" : " spans"));
        meta.addClassName("slant-meta");
        Button editButton = new Button("Edit", e -> edit(label));
        editButton.setId("edit-" + label.id());
        Button remove = new Button("Remove", e -> remove(label, spans));
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        remove.setId("remove-" + label.id());
        Button addAttribute = new Button("Add attribute", VaadinIcon.PLUS.create(),
                e -> editAttribute(AttributePlace.label(label.id()), null));
        addAttribute.addThemeVariants(ButtonVariant.TERTIARY);
        addAttribute.setId("add-attr-" + label.id());
        editButton.setVisible(mayEdit);
        remove.setVisible(mayEdit);
        addAttribute.setVisible(mayEdit);
        HorizontalLayout head = new HorizontalLayout(swatch, name, meta, editButton, remove, addAttribute);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("slant-scheme-head");
        Paragraph definition = new Paragraph(label.definition());
        definition.addClassName("slant-hint");
        Div card = new Div(head, definition);
        card.addClassName("slant-label-card");
        card.setId("label-" + label.id());
        AttributePlace place = AttributePlace.label(label.id());
        if (!label.attributes().isEmpty()) {
            Div attributes = new Div();
            attributes.addClassName("slant-scheme-attributes");
            label.attributes().forEach(a -> attributes.add(attributeRow(scheme, place, a, uses)));
            card.add(attributes);
        }
        List<LinkType> roles = scheme.rolesOf(label.id());
        if (!roles.isEmpty() && !roles.stream().allMatch(r -> r.from().isEmpty())) {
            // "Source, Cue (required), Supplement": the filler's label only when the role is named otherwise
            card.add(hint("Roles: " + String.join(", ", roles.stream().map(r -> {
                String fillers = ends(scheme, r.to());
                List<String> notes = new java.util.ArrayList<>();
                if (!fillers.equals(r.name())) {
                    notes.add(fillers);
                }
                if (r.required()) {
                    notes.add("required");
                }
                return r.name() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
            }).toList()) + ". Select a " + label.name() + " and press L to link it to them."));
        }
        return card;
    }

    /** One attribute, sentence label or question: its type, values with keys and counts, and definition. */
    private Div attributeRow(Scheme scheme, AttributePlace place, Attribute a, SchemeUses uses) {
        String id = rowId(place, a.id());
        Span name = new Span(a.name());
        name.addClassName("slant-scheme-name");
        int used = uses.values(place, a.id());
        Span meta = new Span(AttributeDialog.kindName(a.kind())
                + (a.kind() == AttributeKind.SCALE ? " " + a.min() + "–" + a.max() : "")
                + (a.multiple() ? ", several" : "") + (a.required() ? " · required" : " · optional") + " · "
                + place.carriers(used));
        meta.addClassName("slant-meta");
        Div row = new Div(itemHead(name, meta, id, () -> editAttribute(place, a), () -> removeAttribute(scheme, place, a, used)));
        if (!a.choices().isEmpty()) {
            Div chips = new Div();
            chips.addClassName("slant-chips");
            for (Choice c : a.choices()) {
                Span chip = new Span(c.name());
                chip.addClassName("slant-chip");
                if (c.hotkey() != null) {
                    Span key = new Span(c.hotkey());
                    key.addClassName("slant-key");
                    chip.add(key);
                }
                int n = uses.choice(place, a.id(), c.id());
                if (n > 0) {
                    Span count = new Span("· " + n);
                    count.addClassName("slant-chip-count");
                    chip.add(count);
                }
                if (!c.definition().isEmpty()) {
                    chip.getElement().setAttribute("title", c.definition());
                }
                chips.add(chip);
            }
            row.add(chips);
        }
        if (!a.definition().isEmpty()) {
            row.add(hint(a.definition()));
        }
        row.addClassName("slant-scheme-item");
        row.setId(id);
        return row;
    }

    /** An item's name, what it is, and (for curators) its Edit and Remove buttons, "edit-ID" and "remove-ID". */
    private HorizontalLayout itemHead(Span name, Span meta, String id, Runnable onEdit, Runnable onRemove) {
        Button editButton = new Button("Edit", e -> onEdit.run());
        editButton.setId("edit-" + id);
        editButton.addThemeVariants(ButtonVariant.TERTIARY);
        Button remove = new Button("Remove", e -> onRemove.run());
        remove.setId("remove-" + id);
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        editButton.setVisible(mayEdit);
        remove.setVisible(mayEdit);
        HorizontalLayout head = new HorizontalLayout(name, meta, editButton, remove);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("slant-scheme-head");
        return head;
    }

    private static String rowId(AttributePlace place, String attributeId) {
        return switch (place.kind()) {
            case LABEL -> "attr-" + place.labelId() + "-" + attributeId;
            case SENTENCE -> "sentence-" + attributeId;
            case DOCUMENT -> "question-" + attributeId;
        };
    }

    private Div linkTypeRow(Scheme scheme, LinkType type, SchemeUses uses) {
        Span name = new Span(type.name());
        name.addClassName("slant-scheme-name");
        int used = uses.links(type.id());
        Span meta = new Span((type.role() ? "Role of " + ends(scheme, type.from()) + " → " + ends(scheme, type.to())
                + (type.required() ? " · required" : " · optional") + (type.multiple() ? " · several per span" : " · one per span")
                : "Relation " + ends(scheme, type.from()) + " → " + ends(scheme, type.to()))
                + " · " + used + (used == 1 ? " link" : " links"));
        meta.addClassName("slant-meta");
        Div row = new Div(itemHead(name, meta, "link-" + type.id(), () -> editLinkType(type),
                () -> removeLinkType(scheme, type, used)));
        if (!type.definition().isEmpty()) {
            row.add(hint(type.definition()));
        }
        row.addClassNames("slant-scheme-item", "slant-scheme-link");
        row.setId("link-" + type.id());
        return row;
    }

    /** Label names of a link type's end: "Source or Cue", "any label". */
    static String ends(Scheme scheme, List<String> labelIds) {
        return labelIds.isEmpty() ? "any label" : String.join(" or ", labelIds.stream()
                .map(id -> scheme.find(id).map(Label::name).orElse(id)).toList());
    }

    // ---- labels ----

    /** Add (label null) or change a label; its attributes stay as they are (they are edited one by one). */
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
                Label changed = label != null
                        ? label.withLooks(name.getValue(), color.getValue(), hotkey.getValue().strip(), mark.getValue(),
                                definition.getValue())
                        : new Label(uniqueLabelId(name.getValue()), name.getValue(), color.getValue(),
                                hotkey.getValue().strip(), mark.getValue(), definition.getValue());
                editor.as(user).put(project, changed);
                d.close();
                refresh();
            } catch (RuntimeException ex) {
                error.setText(UiErrors.describe(ex));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-label");
        d.add(new VerticalLayout(name, new HorizontalLayout(color, hotkey, mark), definition, error));
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private String uniqueLabelId(String name) {
        Set<String> taken = new HashSet<>();
        labels.labels(project).labels().forEach(l -> taken.add(l.id()));
        return AttributeDialog.uniqueId(name, taken);
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
            body.add(new Paragraph(inUse + " span" + (inUse == 1 ? "" : "s") + " by every annotator carry this label. "
                    + "Relabelled spans keep the attributes the new label has; links the new label does not allow go."));
            choice.setItems("Relabel them as", "Delete them");
            choice.setValue("Relabel them as");
            choice.addValueChangeListener(e -> target.setEnabled("Relabel them as".equals(e.getValue())));
            body.add(choice, target);
        } else {
            body.add(new Paragraph("No span carries this label."));
        }
        Button confirm = confirm("Remove label", "confirm-remove", d, body, () -> {
            String replacement = inUse > 0 && "Relabel them as".equals(choice.getValue()) && target.getValue() != null
                    ? target.getValue().id() : null;
            int changed = editor.as(user).remove(project, label.id(), replacement);
            return "Removed " + label.name() + (changed > 0 ? "; " + changed + " span" + (changed == 1 ? "" : "s")
                    + (replacement != null ? " relabelled" : " deleted") : "");
        });
        this.lastRemoveDialog = new RemoveDialog(choice, target, confirm);
    }

    // ---- attributes, sentence labels, questions ----

    /** Add (attribute null) or change an attribute, a sentence label or a question. */
    void editAttribute(AttributePlace place, Attribute attribute) {
        Scheme scheme = labels.labels(project);
        Set<String> taken = new HashSet<>();
        place.in(scheme).forEach(a -> taken.add(a.id()));
        String title = (attribute == null ? "Add " : "Edit ") + switch (place.kind()) {
            case LABEL -> attribute == null ? "an attribute of " + scheme.find(place.labelId()).map(Label::name).orElse("")
                    : "the attribute " + attribute.name() + " of " + scheme.find(place.labelId()).map(Label::name).orElse("");
            case SENTENCE -> attribute == null ? "a sentence label" : "the sentence label " + attribute.name();
            case DOCUMENT -> attribute == null ? "a document question" : "the question " + attribute.name();
        };
        AttributeDialog dialog = new AttributeDialog(title, place, attribute, editor.uses(project), taken,
                (a, moves, deleteUnfit) -> editor.as(user).putAttribute(project, place, a, moves, deleteUnfit));
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
        lastAttributeDialog = dialog;
    }

    /** Removing an attribute whose values are stored asks first that those values may be deleted. */
    void removeAttribute(Scheme scheme, AttributePlace place, Attribute attribute, int inUse) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Remove " + attribute.name() + "?");
        VerticalLayout body = new VerticalLayout();
        Checkbox deleteUses = new Checkbox("Delete those values");
        if (inUse > 0) {
            body.add(new Paragraph(capitalised(place.describe(scheme, attribute)) + " has a value on " + place.carriers(inUse)
                    + ", over every annotator's layer. Removing it deletes those values."), deleteUses);
        } else {
            body.add(new Paragraph("Nothing has a value for it yet."));
        }
        Button confirm = confirm("Remove", "confirm-remove-attribute", d, body, () -> {
            int changed = editor.as(user).removeAttribute(project, place, attribute.id(), deleteUses.getValue());
            return "Removed " + attribute.name() + (changed > 0 ? "; " + changed + (changed == 1 ? " value" : " values")
                    + " deleted" : "");
        });
        if (inUse > 0) {
            confirm.setEnabled(false);
            deleteUses.addValueChangeListener(e -> confirm.setEnabled(e.getValue()));
        }
        lastRemoveAttributeDialog = new RemoveAttributeDialog(deleteUses, confirm);
    }

    /**
     * Opens a removal dialog whose confirm button runs {@code removal} (which returns what to tell the curator); a
     * refusal stays in the dialog, beside the choice to make again.
     */
    private Button confirm(String text, String id, Dialog d, VerticalLayout body,
                           java.util.function.Supplier<String> removal) {
        Button confirm = new Button(text, e -> {
            try {
                Notification.show(removal.get(), 5000, Notification.Position.BOTTOM_CENTER);
                d.close();
                refresh();
            } catch (RuntimeException ex) {
                body.add(new Paragraph(UiErrors.describe(ex)));
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setId(id);
        d.add(body);
        d.getFooter().add(new Button("Cancel", e -> d.close()), confirm);
        d.open();
        return confirm;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- link types ----

    void editLinkType(LinkType type) {
        Scheme scheme = labels.labels(project);
        Set<String> taken = new HashSet<>();
        scheme.linkTypes().forEach(t -> taken.add(t.id()));
        LinkTypeDialog dialog = new LinkTypeDialog(scheme, type, type == null ? 0 : editor.uses(project).links(type.id()),
                taken, (t, deleteUnfit) -> editor.as(user).putLinkType(project, t, deleteUnfit));
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
        lastLinkTypeDialog = dialog;
    }

    /** Removing a link type in use: its links become links of another type, or are deleted. */
    void removeLinkType(Scheme scheme, LinkType type, int inUse) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Remove the link type " + type.name() + "?");
        RadioButtonGroup<String> choice = new RadioButtonGroup<>();
        Select<LinkType> target = new Select<>();
        List<LinkType> others = scheme.linkTypes().stream().filter(t -> !t.id().equals(type.id())).toList();
        target.setItems(others);
        target.setItemLabelGenerator(LinkType::name);
        VerticalLayout body = new VerticalLayout();
        if (inUse > 0) {
            body.add(new Paragraph(inUse + (inUse == 1 ? " link" : " links") + ", over every annotator's layer, are of this type."));
            choice.setItems(others.isEmpty() ? List.of(DELETE) : List.of(MOVE, DELETE));
            choice.setValue(others.isEmpty() ? DELETE : MOVE);
            if (!others.isEmpty()) {
                target.setValue(others.getFirst());
            }
            target.setVisible(!others.isEmpty());
            choice.addValueChangeListener(e -> target.setEnabled(MOVE.equals(e.getValue())));
            body.add(choice, target);
        } else {
            body.add(new Paragraph("No link is of this type."));
        }
        Button confirm = confirm("Remove link type", "confirm-remove-link-type", d, body, () -> {
            String replacement = inUse > 0 && MOVE.equals(choice.getValue()) && target.getValue() != null
                    ? target.getValue().id() : null;
            int changed = editor.as(user).removeLinkType(project, type.id(), replacement);
            return "Removed " + type.name() + (changed > 0 ? "; " + changed + (changed == 1 ? " link" : " links")
                    + (replacement != null ? " moved" : " deleted") : "");
        });
        lastRemoveLinkTypeDialog = new RemoveLinkTypeDialog(choice, target, confirm);
    }
}
