package org.slant.agreement;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Agreement on one attribute of a span label (over the matched spans), one sentence label (over the
 * sentences) or one document question (over the documents): Krippendorff's α, Cohen's κ, and how many units
 * they rest on.
 *
 * @param scope      what the units are
 * @param label      the span label whose attribute this is; null for sentence labels and questions
 * @param id         the attribute's, sentence label's or question's id
 * @param measure    how α compares two values
 * @param alpha      α: for attributes over every annotator pair's matched spans pooled (each matched pair one
 *                   unit of two values); for sentence labels and questions over all annotators at once
 * @param kappa      mean over annotator pairs of Cohen's κ (pairs where it is not defined are left out)
 * @param annotators annotators compared
 * @param units      units with values from two annotators at least: matched span pairs (summed over annotator
 *                   pairs) where both set the attribute, or sentences / documents with two answers or more
 * @param oneSided   units where only one annotator gave a value: missing data, left out of α and κ
 * @param pairs      per annotator pair (the earlier annotator first)
 */
public record CodedRow(Scope scope, String label, String id, ValueDistance measure, OptionalDouble alpha,
                       OptionalDouble kappa, int annotators, int units, int oneSided, List<CodedPair> pairs) {

    /** Below this many units a value is shown but read as too few to say much. */
    public static final int FEW = 10;

    public CodedRow {
        pairs = List.copyOf(pairs);
    }

    /** What the units of a row are, and its level name in the export. */
    public enum Scope {
        ATTRIBUTE("attribute", "matched span pair", "matched span pairs"),
        SENTENCE_LABEL("sentence_label", "sentence", "sentences"),
        QUESTION("question", "document", "documents");

        private final String level;
        private final String unit;
        private final String units;

        Scope(String level, String unit, String units) {
            this.level = level;
            this.unit = unit;
            this.units = units;
        }

        /** The export's {@code level}; pair rows add {@code _pair}. */
        public String level() {
            return level;
        }

        public String units(int n) {
            return n + " " + (n == 1 ? unit : units);
        }

        String unit() {
            return unit;
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One annotator pair: κ and α over the units both gave a value to. */
    public record CodedPair(String reference, String prediction, OptionalDouble kappa, OptionalDouble alpha, int units,
                            int oneSided) {
    }

    /** One or two short sentences: the values in words and what they rest on. */
    public String reading() {
        if (annotators < 2) {
            return AgreementReport.notDefined(annotators);
        }
        String missing = oneSided == 0 ? "" : " " + capitalized(scope.units(oneSided)) + " with a value from one annotator "
                + "only " + (oneSided == 1 ? "is" : "are") + " left out.";
        if (units == 0) {
            return "Nothing to compare: no " + scope.unit() + " where two annotators both gave a value." + missing;
        }
        if (alpha.isEmpty()) {
            return "Not defined: all " + scope.units(units) + " carry the same value, so agreement cannot be told "
                    + "from chance." + missing;
        }
        String k = kappa.isPresent()
                ? "κ " + AgreementReport.format(kappa) + ", " + AgreementReport.kappaWords(kappa.getAsDouble()) + " agreement"
                : "κ not defined (each annotator pair used one value only)";
        String a = "α " + AgreementReport.format(alpha) + ", " + AgreementReport.alphaWords(alpha.getAsDouble());
        return k + "; " + a + ". Rests on " + scope.units(units) + (units < FEW ? ": too few to say much." : ".") + missing;
    }
}
