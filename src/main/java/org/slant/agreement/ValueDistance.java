package org.slant.agreement;

import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;

/**
 * How Krippendorff's α weighs two different values of an attribute, a sentence label or a document question.
 * Choices, yes/no and entity names are {@link #NOMINAL} (different is different); a scale is {@link #ORDINAL}
 * (Likert points are ranks, not measurements: 1 and 3 are further apart than 1 and 2, by how many values lie
 * between them); a choice of several values is {@link #MASI} (sets that share values are closer).
 */
public enum ValueDistance {
    NOMINAL("nominal"),
    ORDINAL("ordinal"),
    MASI("masi");

    private final String jsonName;

    ValueDistance(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the agreement export's {@code measure} column. */
    public String jsonName() {
        return jsonName;
    }

    /** The distance for the attribute's kind; free text is not compared (see {@link ValueCoding#isCompared}). */
    public static ValueDistance of(Attribute attribute) {
        if (attribute.kind() == AttributeKind.SCALE) {
            return ORDINAL;
        }
        return attribute.kind() == AttributeKind.CHOICE && attribute.multiple() ? MASI : NOMINAL;
    }

    /** A fresh DKPro distance function: DKPro's ordinal distance reads the study's value counts, so none is shared. */
    IDistanceFunction function() {
        return switch (this) {
            case NOMINAL -> new NominalDistanceFunction();
            case ORDINAL -> new OrdinalDistanceFunction();
            case MASI -> new MasiDistance();
        };
    }
}
