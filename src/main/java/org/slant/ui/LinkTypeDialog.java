package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * Adds or changes a link type: a plain relation between two spans, or a role of the span it starts at (its anchor,
 * e.g. the Source of an Attribution), with the labels allowed at each end. A change that strands stored links is
 * refused by the scheme editor unless the curator ticks that those may be deleted.
 */
final class LinkTypeDialog extends Dialog {

    /** Saves the type; {@code deleteUnfit}: delete the stored links it no longer allows. */
    @FunctionalInterface
    interface Saver {
        int save(LinkType type, boolean deleteUnfit);
    }

    final TextField name = new TextField("Name");
    final MultiSelectComboBox<Label> from = new MultiSelectComboBox<>("From (the anchor, for a role)");
    final MultiSelectComboBox<Label> to = new MultiSelectComboBox<>("To");
    final Checkbox role = new Checkbox("A role of the span it starts at (an n-ary structure, like the Source of an Attribution)");
    final Checkbox required = new Checkbox("Required: the anchor is not finished without it");
    final Checkbox multiple = new Checkbox("An anchor may have several");
    final TextArea definition = new TextArea("Definition");
    final Checkbox deleteUnfit = new Checkbox();
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");

    LinkTypeDialog(Scheme scheme, LinkType existing, int inUse, Set<String> takenIds, Saver saver) {
        setHeaderTitle(existing == null ? "Add a link type" : "Edit link type " + existing.name());
        setWidth("40rem");
        for (MultiSelectComboBox<Label> end : java.util.List.of(from, to)) {
            end.setItems(scheme.labels());
            end.setItemLabelGenerator(Label::name);
            end.setHelperText("None chosen: any label");
            end.setWidthFull();
        }
        definition.setWidthFull();
        definition.setHelperText("When to draw this link, in words a student can act on.");
        role.addValueChangeListener(e -> {
            required.setVisible(e.getValue());
            multiple.setVisible(e.getValue());
        });
        if (existing != null) {
            name.setValue(existing.name());
            from.select(scheme.labels().stream().filter(l -> existing.from().contains(l.id())).toList());
            to.select(scheme.labels().stream().filter(l -> existing.to().contains(l.id())).toList());
            role.setValue(existing.role());
            required.setValue(existing.required());
            multiple.setValue(existing.multiple());
            definition.setValue(existing.definition());
        }
        required.setVisible(role.getValue());
        multiple.setVisible(role.getValue());
        deleteUnfit.setLabel("Delete the stored links the change no longer allows (" + inUse
                + (inUse == 1 ? " link" : " links") + " of this type now); otherwise such a change is refused");
        deleteUnfit.setVisible(inUse > 0);
        error.addClassName("slant-error");
        HorizontalLayout ends = new HorizontalLayout(from, to);
        ends.setWidthFull();
        ends.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(name, ends, role, required, multiple, definition, deleteUnfit, error);
        body.setPadding(false);
        add(body);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-link-type");
        save.addClickListener(e -> {
            try {
                if (name.getValue().isBlank()) {
                    throw new IllegalArgumentException("Give the link type a name");
                }
                String id = existing != null ? existing.id() : AttributeDialog.uniqueId(name.getValue(), takenIds);
                boolean isRole = role.getValue();
                LinkType type = new LinkType(id, name.getValue(), from.getSelectedItems().stream().map(Label::id)
                        .sorted(java.util.Comparator.comparingInt(l -> scheme.labels().indexOf(scheme.find(l).orElseThrow())))
                        .toList(), to.getSelectedItems().stream().map(Label::id)
                        .sorted(java.util.Comparator.comparingInt(l -> scheme.labels().indexOf(scheme.find(l).orElseThrow())))
                        .toList(), isRole, isRole && required.getValue(), isRole && multiple.getValue(), definition.getValue());
                int changed = saver.save(type, deleteUnfit.getValue());
                close();
                if (changed > 0) {
                    com.vaadin.flow.component.notification.Notification.show("Saved " + type.name() + "; " + changed
                            + (changed == 1 ? " link" : " links") + " deleted", 5000,
                            com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
                }
            } catch (RuntimeException ex) {
                error.setText(UiErrors.describe(ex));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
