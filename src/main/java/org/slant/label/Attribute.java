package org.slant.label;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slant.document.DocumentId;

/**
 * What can be said about a span (an attribute of its label), about a sentence (a sentence label) or about
 * a whole document (a document question): a choice, a scale, yes/no, free text or an entity name.
 * {@code multiple} is for choices only, {@code min}/{@code max} for scales only; {@code required} means
 * a span, sentence or document without it is not finished.
 */
public record Attribute(String id, String name, AttributeKind kind, List<Choice> choices, boolean multiple,
                        Integer min, Integer max, boolean required, String definition) {

    public Attribute {
        DocumentId.require(id, "Attribute id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Attribute " + id + " has no name");
        }
        name = name.strip();
        if (kind == null) {
            throw new IllegalArgumentException("Attribute " + id + " has no type");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        definition = definition == null ? "" : definition.strip();
        if (kind == AttributeKind.CHOICE) {
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("Attribute " + id + " is a choice but has no values");
            }
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (Choice c : choices) {
                if (!ids.add(c.id())) {
                    throw new IllegalArgumentException("Attribute " + id + " has the value " + c.id() + " twice");
                }
                if (c.hotkey() != null && !keys.add(c.hotkey())) {
                    throw new IllegalArgumentException("Attribute " + id + ": hotkey " + c.hotkey() + " is used by two values");
                }
            }
        } else {
            if (!choices.isEmpty()) {
                throw new IllegalArgumentException("Attribute " + id + " is " + kind.jsonName() + ", not a choice: it takes no values");
            }
            if (multiple) {
                throw new IllegalArgumentException("Attribute " + id + ": only a choice can take several values");
            }
        }
        if (kind == AttributeKind.SCALE) {
            if (min == null || max == null || min >= max) {
                throw new IllegalArgumentException("Attribute " + id + " is a scale and needs min < max, got "
                        + min + " to " + max);
            }
        } else if (min != null || max != null) {
            throw new IllegalArgumentException("Attribute " + id + " is " + kind.jsonName() + ", not a scale: it takes no min or max");
        }
    }

    public static Attribute choice(String id, String name, boolean required, String definition, Choice... choices) {
        return new Attribute(id, name, AttributeKind.CHOICE, List.of(choices), false, null, null, required, definition);
    }

    public static Attribute choices(String id, String name, boolean required, String definition, Choice... choices) {
        return new Attribute(id, name, AttributeKind.CHOICE, List.of(choices), true, null, null, required, definition);
    }

    public static Attribute scale(String id, String name, int min, int max, boolean required, String definition) {
        return new Attribute(id, name, AttributeKind.SCALE, List.of(), false, min, max, required, definition);
    }

    public static Attribute of(String id, String name, AttributeKind kind, boolean required, String definition) {
        return new Attribute(id, name, kind, List.of(), false, null, null, required, definition);
    }

    public Optional<Choice> choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
    }

    /** The display name of a value: the choices' names for a choice, the value itself otherwise. */
    public String nameOf(AttributeValue value) {
        if (kind == AttributeKind.CHOICE) {
            return String.join(", ", value.choiceIds().stream()
                    .map(c -> choice(c).map(Choice::name).orElse(c)).toList());
        }
        return value.display();
    }

    /** Null when {@code value} fits this attribute; otherwise what is wrong, naming the attribute. */
    public String check(AttributeValue value) {
        String what = "\"" + name + "\" (" + id + ")";
        return switch (kind) {
            case CHOICE -> switch (value) {
                case AttributeValue.Text t -> choice(t.value()).isPresent() ? null
                        : what + " has no value \"" + t.value() + "\"; its values: " + choiceIds();
                case AttributeValue.Choices c -> {
                    if (!multiple && c.values().size() > 1) {
                        yield what + " takes one value, got " + c.values();
                    }
                    yield c.values().stream().filter(v -> choice(v).isEmpty()).findFirst()
                            .map(v -> what + " has no value \"" + v + "\"; its values: " + choiceIds()).orElse(null);
                }
                default -> what + " is a choice of " + choiceIds() + ", got " + value.display();
            };
            case SCALE -> value instanceof AttributeValue.Number n
                    ? n.value() >= min && n.value() <= max ? null
                    : what + " is a scale from " + min + " to " + max + ", got " + n.value()
                    : what + " is a scale from " + min + " to " + max + ", got \"" + value.display() + "\"";
            case FLAG -> value instanceof AttributeValue.Flag ? null : what + " is yes or no, got \"" + value.display() + "\"";
            case TEXT, ENTITY -> value instanceof AttributeValue.Text ? null
                    : what + " is " + kind.jsonName() + ", got \"" + value.display() + "\"";
        };
    }

    public List<String> choiceIds() {
        return choices.stream().map(Choice::id).toList();
    }

    /** A copy with a new list of values (a choice attribute being edited). */
    public Attribute withChoices(List<Choice> newChoices) {
        return new Attribute(id, name, kind, newChoices, multiple, min, max, required, definition);
    }
}
