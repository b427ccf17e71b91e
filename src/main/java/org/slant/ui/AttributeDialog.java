package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.document.DocumentId;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributePlace;
import org.slant.label.Choice;
import org.slant.project.SchemeUses;

/**
 * Adds or changes an attribute of a label, a sentence label or a document question: its name, type, values (each
 * with a key and a definition), whether it is required, and its definition. A value in use that is removed here asks
 * where its uses go (another value, or deleted); the scheme editor refuses anything else that would leave stored
 * values unfit, unless the curator ticks that those may be deleted.
 */
final class AttributeDialog extends Dialog {

    /** Saves the attribute with the moves of removed values in use ("" = delete) and the delete-unfit choice. */
    @FunctionalInterface
    interface Saver {
        int save(Attribute attribute, Map<String, String> moves, boolean deleteUnfit);
    }

    static final String DELETE_USES = "Delete them";

    final TextField name = new TextField("Name");
    final Select<AttributeKind> type = new Select<>();
    final Checkbox multiple = new Checkbox("Several values may be picked");
    final IntegerField min = new IntegerField("From");
    final IntegerField max = new IntegerField("To");
    final Checkbox required = new Checkbox("Required: not finished without it");
    final TextArea definition = new TextArea("Definition");
    final VerticalLayout values = new VerticalLayout();
    final Button addValue = new Button("Add value", VaadinIcon.PLUS.create());
    final Checkbox deleteUnfit = new Checkbox();
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");
    final List<ValueRow> rows = new ArrayList<>();

    private final Attribute existing;
    private final AttributePlace place;
    private final SchemeUses uses;

    /** One value of a choice being edited; a removed value in use asks where its uses go. */
    final class ValueRow extends HorizontalLayout {
        final String id;
        final TextField valueName = new TextField();
        final TextField key = new TextField();
        final TextField valueDefinition = new TextField();
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        final Select<String> moveTo = new Select<>();
        boolean removed;

        ValueRow(Choice choice) {
            this.id = choice == null ? null : choice.id();
            valueName.setPlaceholder("Value");
            valueName.setAriaLabel("Value name");
            valueName.setWidth("11rem");
            key.setPlaceholder("Key");
            key.setAriaLabel("Key");
            key.setMaxLength(1);
            key.setWidth("4rem");
            valueDefinition.setPlaceholder("What it means, for the annotator");
            valueDefinition.setAriaLabel("Value definition");
            valueDefinition.setWidthFull();
            if (choice != null) {
                valueName.setValue(choice.name());
                key.setValue(choice.hotkey() == null ? "" : choice.hotkey());
                valueDefinition.setValue(choice.definition());
            }
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel("Remove this value");
            remove.addClickListener(e -> markRemoved());
            moveTo.setVisible(false);
            moveTo.setAriaLabel("Where its uses go");
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(valueName, key, valueDefinition, moveTo, remove);
            expand(valueDefinition);
        }

        int inUse() {
            return id == null || existing == null ? 0 : uses.choice(place, existing.id(), id);
        }

        private void markRemoved() {
            if (inUse() == 0) {
                rows.remove(this);
                values.remove(this);
                return;
            }
            removed = true;
            // the uses go to another value that stays, or are deleted
            List<String> targets = new ArrayList<>();
            rows.stream().filter(r -> r != this && !r.removed && r.id != null).forEach(r -> targets.add(r.id));
            targets.add(DELETE_USES);
            moveTo.setItems(targets);
            moveTo.setItemLabelGenerator(t -> t.equals(DELETE_USES) ? "Delete its " + place.carriers(inUse())
                    : "Move its " + place.carriers(inUse()) + " to " + rows.stream().filter(r -> t.equals(r.id))
                            .findFirst().map(r -> r.valueName.getValue()).orElse(t));
            moveTo.setValue(targets.getFirst());
            moveTo.setVisible(true);
            moveTo.setWidth("16rem");
            valueName.setEnabled(false);
            key.setVisible(false);
            valueDefinition.setVisible(false);
            remove.setVisible(false);
        }
    }

    AttributeDialog(String title, AttributePlace place, Attribute existing, SchemeUses uses, Set<String> takenIds,
                    Saver saver) {
        this.existing = existing;
        this.place = place;
        this.uses = uses;
        setHeaderTitle(title);
        setWidth("46rem");
        type.setLabel("Type");
        type.setItems(AttributeKind.values());
        type.setItemLabelGenerator(AttributeDialog::kindName);
        type.setValue(existing == null ? AttributeKind.CHOICE : existing.kind());
        type.addValueChangeListener(e -> showFor(e.getValue()));
        min.setStepButtonsVisible(true);
        max.setStepButtonsVisible(true);
        min.setWidth("7rem");
        max.setWidth("7rem");
        definition.setWidthFull();
        definition.setHelperText("What the annotator decides, in words a student can act on.");
        values.setPadding(false);
        values.setSpacing(false);
        addValue.addThemeVariants(ButtonVariant.TERTIARY);
        addValue.addClickListener(e -> addRow(null));
        error.addClassName("slant-error");
        if (existing != null) {
            name.setValue(existing.name());
            multiple.setValue(existing.multiple());
            min.setValue(existing.min());
            max.setValue(existing.max());
            required.setValue(existing.required());
            definition.setValue(existing.definition());
            existing.choices().forEach(this::addRow);
        } else {
            min.setValue(1);
            max.setValue(5);
            addRow(null);
            addRow(null);
        }
        int inUse = existing == null ? 0 : uses.values(place, existing.id());
        deleteUnfit.setLabel("Delete stored values the change no longer fits (" + place.carriers(inUse)
                + " have one now); otherwise such a change is refused");
        deleteUnfit.setVisible(inUse > 0);
        Span valuesHeading = new Span("Values (a key picks one when the item is in the side box)");
        valuesHeading.addClassName("slant-hint");
        Div choiceBlock = new Div(valuesHeading, values, addValue);
        choiceBlock.setWidthFull();
        choiceBlock.setId("attribute-values");
        HorizontalLayout kindRow = new HorizontalLayout(name, type, required);
        kindRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout scaleRow = new HorizontalLayout(min, max);
        scaleRow.setId("attribute-scale");
        VerticalLayout body = new VerticalLayout(kindRow, multiple, scaleRow, choiceBlock, definition, deleteUnfit, error);
        body.setPadding(false);
        add(body);
        showFor(type.getValue());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-attribute");
        save.addClickListener(e -> {
            try {
                if (name.getValue().isBlank()) {
                    throw new IllegalArgumentException("Give the " + place.noun() + " a name");
                }
                Attribute attribute = build(existing == null ? uniqueId(name.getValue(), takenIds) : existing.id());
                int changed = saver.save(attribute, moves(), deleteUnfit.getValue());
                close();
                if (changed > 0) {
                    com.vaadin.flow.component.notification.Notification.show("Saved " + attribute.name() + "; "
                            + changed + (changed == 1 ? " stored value" : " stored values") + " moved or deleted",
                            5000, com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
                }
            } catch (RuntimeException ex) {
                error.setText(UiErrors.describe(ex)); // in the dialog, beside what to change
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void showFor(AttributeKind kind) {
        boolean choice = kind == AttributeKind.CHOICE;
        multiple.setVisible(choice);
        values.getParent().ifPresent(p -> p.setVisible(choice));
        min.getParent().ifPresent(p -> p.setVisible(kind == AttributeKind.SCALE));
    }

    private void addRow(Choice choice) {
        ValueRow row = new ValueRow(choice);
        rows.add(row);
        values.add(row);
    }

    /** The attribute the fields describe; the constructors' messages say what is wrong. */
    private Attribute build(String id) {
        AttributeKind kind = type.getValue();
        List<Choice> choices = new ArrayList<>();
        if (kind == AttributeKind.CHOICE) {
            Set<String> ids = new HashSet<>();
            rows.stream().filter(r -> !r.removed && r.id != null).forEach(r -> ids.add(r.id));
            for (ValueRow r : rows) {
                if (r.removed || r.valueName.getValue().isBlank() && r.id == null) {
                    continue;
                }
                String valueId = r.id != null ? r.id : uniqueId(r.valueName.getValue(), ids);
                ids.add(valueId);
                choices.add(new Choice(valueId, r.valueName.getValue(), r.key.getValue().strip(), r.valueDefinition.getValue()));
            }
        }
        return new Attribute(id, name.getValue(), kind, choices, kind == AttributeKind.CHOICE && multiple.getValue(),
                kind == AttributeKind.SCALE ? min.getValue() : null, kind == AttributeKind.SCALE ? max.getValue() : null,
                required.getValue(), definition.getValue());
    }

    private Map<String, String> moves() {
        Map<String, String> moves = new LinkedHashMap<>();
        if (type.getValue() != AttributeKind.CHOICE) {
            return moves; // another type: the editor judges every stored value by the new definition
        }
        for (ValueRow r : rows) {
            if (r.removed) {
                moves.put(r.id, DELETE_USES.equals(r.moveTo.getValue()) ? "" : r.moveTo.getValue());
            }
        }
        return moves;
    }

    static String uniqueId(String name, Set<String> taken) {
        String base = DocumentId.slugOf(name);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String kindName(AttributeKind kind) {
        return switch (kind) {
            case CHOICE -> "Choice of values";
            case SCALE -> "Number on a scale";
            case FLAG -> "Yes or no";
            case TEXT -> "Free text";
            case ENTITY -> "Entity (a name offered again)";
        };
    }
}
