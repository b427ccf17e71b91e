package org.slant.label;

import org.slant.document.DocumentId;

/** One fixed value of a choice attribute: {@code hotkey} picks it when the attribute is in the side box. */
public record Choice(String id, String name, String hotkey, String definition) {

    public Choice {
        DocumentId.require(id, "Value id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Value " + id + " has no name");
        }
        name = name.strip();
        if (hotkey != null && !hotkey.isEmpty() && hotkey.codePointCount(0, hotkey.length()) != 1) {
            throw new IllegalArgumentException("Value " + id + " hotkey must be one key, got: " + hotkey);
        }
        hotkey = hotkey == null || hotkey.isEmpty() ? null : hotkey;
        definition = definition == null ? "" : definition.strip();
    }

    public Choice(String id, String name) {
        this(id, name, null, "");
    }
}
