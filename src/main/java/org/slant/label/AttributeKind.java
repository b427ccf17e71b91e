package org.slant.label;

import java.util.Arrays;

/** What kind of value an attribute, a sentence label or a document question takes. */
public enum AttributeKind {
    /** One of fixed values, or several when the attribute allows it. */
    CHOICE("choice"),
    /** A whole number between a minimum and a maximum (a Likert scale, an intensity). */
    SCALE("scale"),
    /** Yes or no. */
    FLAG("yes-no"),
    /** Free text. */
    TEXT("text"),
    /** A name typed once and offered again in the document (the target "Putin", the speaker "Merz"). */
    ENTITY("entity");

    private final String jsonName;

    AttributeKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in scheme files and the API. */
    public String jsonName() {
        return jsonName;
    }

    /** @throws IllegalArgumentException naming the known kinds */
    public static AttributeKind fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown attribute type \"" + name + "\"; known types: "
                        + Arrays.stream(values()).map(AttributeKind::jsonName).toList()));
    }
}
