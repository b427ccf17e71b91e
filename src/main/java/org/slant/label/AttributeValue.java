package org.slant.label;

import java.util.List;

/**
 * The value of an attribute, a sentence label or a document answer. Which kinds fit which attribute is
 * {@link Attribute#check}'s business; the value itself only refuses what no attribute could hold.
 * In JSON: a string, an array of strings, an integer, a boolean.
 */
public sealed interface AttributeValue {

    /** A plain string for tables and tags: choice ids joined by "|", "yes"/"no" for a flag. */
    String display();

    /** Free text, an entity name or the id of the one choice picked. */
    record Text(String value) implements AttributeValue {
        public Text {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("A text value must not be empty");
            }
            org.slant.document.LoneSurrogates.refuse(value, "An attribute value");
            value = value.strip();
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** The ids of the choices picked, in the order given, each once. */
    record Choices(List<String> values) implements AttributeValue {
        public Choices {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("A choice value needs at least one choice");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("A choice is picked twice in " + values);
            }
        }

        @Override
        public String display() {
            return String.join("|", values);
        }
    }

    /** A point on a scale. */
    record Number(int value) implements AttributeValue {
        @Override
        public String display() {
            return Integer.toString(value);
        }
    }

    /** Yes or no. */
    record Flag(boolean value) implements AttributeValue {
        @Override
        public String display() {
            return value ? "yes" : "no";
        }
    }

    /** The choice ids a value names (one for a single choice, several for a multiple one), none otherwise. */
    default List<String> choiceIds() {
        return switch (this) {
            case Text t -> List.of(t.value());
            case Choices c -> c.values();
            default -> List.of();
        };
    }
}
