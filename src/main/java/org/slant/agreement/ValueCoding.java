package org.slant.agreement;

import java.util.List;
import java.util.Locale;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;

/**
 * An attribute value as the category agreement compares: a choice id (String), a sorted list of choice ids
 * (a choice of several values), a scale point (Integer), yes/no (Boolean) or an entity name folded to lower
 * case without white space, so "Putin", "putin" and "Vladimir  Putin" / "Vladimir Putin" count as one name.
 */
final class ValueCoding {

    private ValueCoding() {
    }

    /** Free text is not compared: two wordings of one comment are not a disagreement a number can measure. */
    static boolean isCompared(Attribute attribute) {
        return attribute.kind() != AttributeKind.TEXT;
    }

    /**
     * The category of {@code value}, or null when there is none to compare: no value, free text, or a value the
     * scheme no longer allows (a choice removed since); such a value counts as missing, never as a disagreement.
     */
    static Object code(Attribute attribute, AttributeValue value) {
        if (value == null || !isCompared(attribute) || attribute.check(value) != null) {
            return null;
        }
        return switch (attribute.kind()) {
            case CHOICE -> attribute.multiple() ? value.choiceIds().stream().sorted().toList() : value.choiceIds().getFirst();
            case SCALE -> ((AttributeValue.Number) value).value();
            case FLAG -> ((AttributeValue.Flag) value).value();
            case ENTITY -> entity(value.display());
            case TEXT -> null;
        };
    }

    static String entity(String name) {
        return name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** How many of a unit's values are given. */
    static int given(Object[] unit) {
        int n = 0;
        for (Object v : unit) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    static List<Object[]> pairable(List<Object[]> units) {
        return units.stream().filter(u -> given(u) >= 2).toList();
    }
}
