package org.slant.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;

/** Short texts of values, for a span's badge and a sentence's gutter tag. */
public final class ValueText {

    private ValueText() {
    }

    /** The badge of a span: its set values in the label's order, short ("neg · Putin"); null when none is set. */
    public static String badge(List<Attribute> attributes, Map<String, AttributeValue> values) {
        List<String> parts = new ArrayList<>();
        for (Attribute a : attributes) {
            AttributeValue v = values.get(a.id());
            if (v == null) {
                continue;
            }
            String part = switch (a.kind()) {
                case CHOICE -> String.join("+", v.choiceIds().stream()
                        .map(id -> shortName(a.choice(id).map(c -> c.name()).orElse(id))).toList());
                case SCALE -> shortName(a.name()) + " " + v.display();
                case FLAG -> v instanceof AttributeValue.Flag f && f.value() ? a.name().toLowerCase(Locale.ROOT) : null;
                case TEXT -> abbreviate(v.display(), 12);
                case ENTITY -> abbreviate(v.display(), 18);
            };
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : abbreviate(String.join(" · ", parts), 48);
    }

    /** A sentence's gutter tag: for each label set, the first letter of its value ("B", "BL"); null when none. */
    public static String tag(List<Attribute> labels, Map<String, AttributeValue> values) {
        StringBuilder tag = new StringBuilder();
        for (Attribute a : labels) {
            AttributeValue v = values.get(a.id());
            if (v == null) {
                continue;
            }
            switch (a.kind()) {
                case CHOICE -> v.choiceIds().forEach(id -> tag.appendCodePoint(
                        a.choice(id).map(c -> c.name()).orElse(id).toUpperCase(Locale.ROOT).codePointAt(0)));
                case SCALE -> tag.append(v.display());
                case FLAG -> tag.append(v instanceof AttributeValue.Flag f && f.value() ? "✓" : "✗");
                case TEXT, ENTITY -> tag.appendCodePoint(v.display().toUpperCase(Locale.ROOT).codePointAt(0));
            }
        }
        return tag.isEmpty() ? null : tag.toString();
    }

    /** "Bias: Biased; Leaning: Left", for a tooltip. */
    public static String describe(List<Attribute> attributes, Map<String, AttributeValue> values) {
        List<String> parts = new ArrayList<>();
        for (Attribute a : attributes) {
            AttributeValue v = values.get(a.id());
            if (v != null) {
                parts.add(a.name() + ": " + a.nameOf(v));
            }
        }
        return String.join("; ", parts);
    }

    /** Names of up to four letters stay; longer ones are cut to three, lower case ("negative" → "neg"). */
    static String shortName(String name) {
        return name.length() <= 4 ? name : name.substring(0, 3).toLowerCase(Locale.ROOT);
    }

    public static String abbreviate(String s, int max) {
        String flat = s.replace('\n', ' ');
        return flat.codePointCount(0, flat.length()) <= max ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }
}
