package org.slant.ui.annotate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;

/**
 * The editor of one value: a span attribute, a sentence label or a document question. Small choices are a
 * row of toggle buttons, each showing its key; many choices a combo box; a short scale segmented buttons, a
 * long one a number field; yes/no a checkbox (undecided until set); text a text field; an entity a combo
 * box offering the names already used in the document. Every part is reachable with Tab. Changes go to
 * {@code save} (null clears the value); {@link #show} puts the saved value back without saving.
 */
public final class ValueEditor extends Div {

    /** Up to this many values are buttons; more are a combo box. */
    static final int MAX_BUTTONS = 10;

    private final Attribute attribute;
    private final Consumer<AttributeValue> save;
    private final Supplier<List<String>> names;
    private final Span caption = new Span();
    private final Span problem = new Span();
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private final Map<String, Runnable> keys = new LinkedHashMap<>();
    private Component field;
    private AttributeValue value;
    private boolean showing;

    /**
     * @param names for an entity: the names used for this attribute in the document so far
     */
    public ValueEditor(Attribute attribute, Consumer<AttributeValue> save, Supplier<List<String>> names) {
        this.attribute = attribute;
        this.save = save;
        this.names = names == null ? List::of : names;
        addClassName("slant-value-editor");
        getElement().setAttribute("data-attribute", attribute.id());
        caption.setText(attribute.name() + (attribute.required() ? " *" : ""));
        caption.addClassName("slant-value-caption");
        if (attribute.required()) {
            caption.getElement().setAttribute("title", "Required");
        }
        problem.addClassName("slant-value-missing");
        problem.setText("required, not set yet");
        setTitleOf(caption);
        build();
    }

    public Attribute attribute() {
        return attribute;
    }

    /** The keys of this editor's values (a choice's hotkey picks or toggles it). */
    public Map<String, Runnable> keys() {
        return keys;
    }

    /** The value as saved; null: not set. */
    public AttributeValue value() {
        return value;
    }

    /** Whether it is required and not set. */
    public boolean isMissing() {
        return attribute.required() && value == null;
    }

    /** The toggle button of a value (a choice id, or a scale's number); null when the editor has none. */
    public Button button(String valueId) {
        return buttons.get(valueId);
    }

    /** The field of an editor that is not a row of buttons (combo box, number, checkbox, text); else null. */
    public Component field() {
        return field;
    }

    public String caption() {
        return caption.getText();
    }

    /** Moves the keyboard focus to the editor. */
    public void focus() {
        Component first = buttons.isEmpty() ? field : buttons.values().iterator().next();
        if (first instanceof com.vaadin.flow.component.Focusable<?> f) {
            f.focus();
        }
    }

    /** Shows {@code saved}, without saving it again. */
    public void show(AttributeValue saved) {
        value = saved;
        showing = true;
        try {
            List<String> picked = saved == null ? List.of() : saved.choiceIds();
            buttons.forEach((id, b) -> {
                boolean on = attribute.kind() == AttributeKind.SCALE
                        ? saved instanceof AttributeValue.Number n && id.equals(Integer.toString(n.value()))
                        : picked.contains(id);
                b.getElement().setAttribute("aria-pressed", Boolean.toString(on));
                if (on) {
                    b.addThemeVariants(ButtonVariant.PRIMARY);
                } else {
                    b.removeThemeVariants(ButtonVariant.PRIMARY);
                }
            });
            switch (field) {
                case MultiSelectComboBox<?> box -> {
                    @SuppressWarnings("unchecked")
                    MultiSelectComboBox<Choice> choices = (MultiSelectComboBox<Choice>) box;
                    choices.setValue(attribute.choices().stream().filter(c -> picked.contains(c.id())).toList());
                }
                case ComboBox<?> box when attribute.kind() == AttributeKind.CHOICE -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<Choice> choices = (ComboBox<Choice>) box;
                    choices.setValue(picked.isEmpty() ? null : attribute.choice(picked.getFirst()).orElse(null));
                }
                case ComboBox<?> box -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> entity = (ComboBox<String>) box;
                    List<String> offered = new ArrayList<>(names.get());
                    if (saved != null && !offered.contains(saved.display())) {
                        offered.add(saved.display());
                    }
                    entity.setItems(offered);
                    entity.setValue(saved == null ? null : saved.display());
                }
                case IntegerField number -> number.setValue(saved instanceof AttributeValue.Number n ? n.value() : null);
                case Checkbox box -> {
                    box.setIndeterminate(saved == null);
                    box.setValue(saved instanceof AttributeValue.Flag f && f.value());
                }
                case TextField text -> text.setValue(saved == null ? "" : saved.display());
                case null, default -> {
                }
            }
        } finally {
            showing = false;
        }
        problem.setVisible(isMissing());
        getElement().setAttribute("data-missing", Boolean.toString(isMissing()));
        getElement().setAttribute("data-value", saved == null ? "" : saved.display());
    }

    private void build() {
        add(caption);
        switch (attribute.kind()) {
            case CHOICE -> {
                if (attribute.choices().size() <= MAX_BUTTONS) {
                    Div row = toggleRow();
                    for (Choice c : attribute.choices()) {
                        Button b = toggle(c.id(), c.name(), c.hotkey(), c.definition());
                        b.addClickListener(e -> pick(c.id()));
                        row.add(b);
                    }
                    add(row);
                } else if (attribute.multiple()) {
                    MultiSelectComboBox<Choice> box = new MultiSelectComboBox<>();
                    box.setItems(attribute.choices());
                    box.setItemLabelGenerator(Choice::name);
                    box.addValueChangeListener(e -> {
                        if (!showing && e.isFromClient()) {
                            List<String> ids = attribute.choices().stream().filter(e.getValue()::contains).map(Choice::id).toList();
                            save.accept(ids.isEmpty() ? null : new AttributeValue.Choices(ids));
                        }
                    });
                    field = box;
                } else {
                    ComboBox<Choice> box = new ComboBox<>();
                    box.setItems(attribute.choices());
                    box.setItemLabelGenerator(Choice::name);
                    box.setClearButtonVisible(true);
                    box.addValueChangeListener(e -> {
                        if (!showing && e.isFromClient()) {
                            save.accept(e.getValue() == null ? null : new AttributeValue.Text(e.getValue().id()));
                        }
                    });
                    field = box;
                }
                attribute.choices().stream().filter(c -> c.hotkey() != null)
                        .forEach(c -> keys.putIfAbsent(c.hotkey(), () -> pick(c.id())));
            }
            case SCALE -> {
                if (attribute.max() - attribute.min() < MAX_BUTTONS) {
                    Div row = toggleRow();
                    for (int n = attribute.min(); n <= attribute.max(); n++) {
                        int point = n;
                        Button b = toggle(Integer.toString(n), Integer.toString(n), null, null);
                        b.addClickListener(e -> save.accept(value instanceof AttributeValue.Number v && v.value() == point
                                ? null : new AttributeValue.Number(point)));
                        row.add(b);
                    }
                    add(row);
                } else {
                    IntegerField number = new IntegerField();
                    number.setMin(attribute.min());
                    number.setMax(attribute.max());
                    number.setStepButtonsVisible(true);
                    number.setHelperText(attribute.min() + " to " + attribute.max());
                    number.addValueChangeListener(e -> {
                        if (!showing && e.isFromClient()) {
                            save.accept(e.getValue() == null ? null : new AttributeValue.Number(e.getValue()));
                        }
                    });
                    field = number;
                }
            }
            case FLAG -> {
                Checkbox box = new Checkbox("yes");
                box.setIndeterminate(true);
                box.addValueChangeListener(e -> {
                    if (!showing && e.isFromClient()) {
                        save.accept(new AttributeValue.Flag(e.getValue()));
                    }
                });
                field = box;
            }
            case TEXT -> {
                TextField text = new TextField();
                text.setValueChangeMode(ValueChangeMode.ON_CHANGE);
                text.setClearButtonVisible(true);
                text.addValueChangeListener(e -> {
                    if (!showing && e.isFromClient()) {
                        save.accept(e.getValue().isBlank() ? null : new AttributeValue.Text(e.getValue()));
                    }
                });
                field = text;
            }
            case ENTITY -> {
                ComboBox<String> entity = new ComboBox<>();
                entity.setAllowCustomValue(true);
                entity.setClearButtonVisible(true);
                entity.setPlaceholder("Type a name, or pick one used before");
                entity.setItems(names.get());
                entity.addCustomValueSetListener(e -> {
                    if (!e.getDetail().isBlank()) {
                        save.accept(new AttributeValue.Text(e.getDetail()));
                    }
                });
                entity.addValueChangeListener(e -> {
                    if (!showing && e.isFromClient() && !Objects.equals(e.getValue(), value == null ? null : value.display())) {
                        save.accept(e.getValue() == null || e.getValue().isBlank() ? null : new AttributeValue.Text(e.getValue()));
                    }
                });
                field = entity;
            }
        }
        if (field != null) {
            field.getElement().setAttribute("aria-label", attribute.name());
            if (field instanceof com.vaadin.flow.component.HasSize sized) {
                sized.setWidthFull();
            }
            add(field);
        }
        add(problem);
    }

    /** A click on a choice: a single choice is picked (or cleared when picked again), a multiple one toggled. */
    private void pick(String choiceId) {
        List<String> picked = value == null ? List.of() : value.choiceIds();
        if (!attribute.multiple()) {
            save.accept(picked.contains(choiceId) ? null : new AttributeValue.Text(choiceId));
            return;
        }
        List<String> next = new ArrayList<>(picked);
        if (!next.remove(choiceId)) {
            next.add(choiceId);
        }
        // in the scheme's order, so the same picks always read the same
        List<String> ordered = attribute.choiceIds().stream().filter(next::contains).toList();
        save.accept(ordered.isEmpty() ? null : new AttributeValue.Choices(ordered));
    }

    private Div toggleRow() {
        Div row = new Div();
        row.addClassName("slant-toggle-row");
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-label", attribute.name());
        return row;
    }

    private Button toggle(String id, String text, String hotkey, String definition) {
        Button b = new Button(text);
        b.addThemeVariants(ButtonVariant.SMALL);
        b.addClassName("slant-toggle");
        b.getElement().setAttribute("aria-pressed", "false");
        b.getElement().setAttribute("data-value", id);
        if (hotkey != null) {
            Div key = new Div(hotkey);
            key.addClassName("slant-key");
            b.setSuffixComponent(key);
            b.getElement().setAttribute("aria-keyshortcuts", hotkey);
        }
        if (definition != null && !definition.isBlank()) {
            b.setTooltipText(definition);
        }
        buttons.put(id, b);
        return b;
    }

    /** Forgets a key another editor (or the annotator) already uses, so its button does not claim it. */
    void dropKey(String key) {
        keys.remove(key);
        attribute.choices().stream().filter(c -> key.equals(c.hotkey())).findFirst()
                .map(c -> buttons.get(c.id())).ifPresent(b -> {
                    b.setSuffixComponent(null);
                    b.getElement().removeAttribute("aria-keyshortcuts");
                });
    }

    private void setTitleOf(Span span) {
        if (!attribute.definition().isBlank()) {
            span.getElement().setAttribute("title", attribute.definition());
        }
    }
}
