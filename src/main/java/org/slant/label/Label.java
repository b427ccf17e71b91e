package org.slant.label;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slant.document.DocumentId;

/**
 * A category a span can carry. {@code mark} is the pattern used besides colour (underline style),
 * so labels stay distinguishable for colour-blind readers and in greyscale print.
 */
public record Label(String id, String name, String color, String hotkey, String mark, String definition,
                    List<Attribute> attributes) {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    public static final java.util.Set<String> MARKS = java.util.Set.of("solid", "double", "dashed", "dotted", "wavy");

    public Label {
        DocumentId.require(id, "Label id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Label " + id + " has no name");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("Label " + id + " colour must look like #1a2b3c, got: " + color);
        }
        if (hotkey != null && !hotkey.isEmpty() && hotkey.codePointCount(0, hotkey.length()) != 1) {
            throw new IllegalArgumentException("Label " + id + " hotkey must be one key, got: " + hotkey);
        }
        hotkey = hotkey == null || hotkey.isEmpty() ? null : hotkey;
        mark = mark == null ? "solid" : mark;
        if (!MARKS.contains(mark)) {
            throw new IllegalArgumentException("Label " + id + " mark must be one of " + MARKS + ", got: " + mark);
        }
        name = name.strip();
        definition = definition == null ? "" : definition.strip();
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        Set<String> ids = new HashSet<>();
        for (Attribute a : attributes) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("Label " + id + " has the attribute " + a.id() + " twice");
            }
        }
    }

    /** A label without attributes. */
    public Label(String id, String name, String color, String hotkey, String mark, String definition) {
        this(id, name, color, hotkey, mark, definition, List.of());
    }

    public Optional<Attribute> attribute(String attributeId) {
        return attributes.stream().filter(a -> a.id().equals(attributeId)).findFirst();
    }

    public Label withAttributes(List<Attribute> newAttributes) {
        return new Label(id, name, color, hotkey, mark, definition, newAttributes);
    }

    /** The same label with new display fields (name, colour, key, mark, definition); its attributes stay. */
    public Label withLooks(String newName, String newColor, String newHotkey, String newMark, String newDefinition) {
        return new Label(id, newName, newColor, newHotkey, newMark, newDefinition, attributes);
    }
}
