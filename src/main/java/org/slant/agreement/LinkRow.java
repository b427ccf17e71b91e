package org.slant.agreement;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Agreement on links of one type ({@code type == null}: all types): a link matches when its two ends match
 * spans of the other annotator by overlap (as the overlap F1 pairs them) and its type is the same.
 *
 * @param links every annotator's links of the type, together
 * @param pairs per annotator pair: the earlier annotator is the reference
 */
public record LinkRow(String type, int annotators, int links, List<LinkPair> pairs) {

    public LinkRow {
        pairs = List.copyOf(pairs);
    }

    /** One annotator pair on one type: matched links, the prediction's and the reference's link counts. */
    public record LinkPair(String reference, String prediction, String type, SpanMatchCounts counts) {
    }

    public boolean isOverall() {
        return type == null;
    }

    /** Mean over annotator pairs (pairs where it is not defined are left out), as the span F1s are. */
    public OptionalDouble precision() {
        return mean(p -> p.counts().precision());
    }

    public OptionalDouble recall() {
        return mean(p -> p.counts().recall());
    }

    public OptionalDouble f1() {
        return mean(p -> p.counts().f1());
    }

    private OptionalDouble mean(Function<LinkPair, OptionalDouble> value) {
        return pairs.stream().map(value).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    }

    public String reading() {
        if (annotators < 2) {
            return AgreementReport.notDefined(annotators);
        }
        if (links == 0) {
            return "Nobody drew a link " + (type == null ? "" : "of this type ") + "here.";
        }
        OptionalDouble f1 = f1();
        return AgreementReport.percent(f1) + " of the links have a link of the same type between the matching spans "
                + "(F1 " + AgreementReport.format(f1) + "), over " + links + (links == 1 ? " link" : " links")
                + (links < CodedRow.FEW ? ": too few to say much." : ".");
    }
}
