package org.slant.agreement;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.slant.exchange.SpreadsheetCsv;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link AgreementReport} as a file, for a paper's table or a script: one tidy CSV (a row per
 * label, one for all labels, one per annotator pair and label) or the same as JSON. Values are
 * numbers with four decimals; an undefined value is empty in CSV and null in JSON, never NaN.
 *
 * <p>The scheme's structure adds rows whose {@code level} says what they are: {@code attribute} /
 * {@code attribute_pair} (label, attribute), {@code link} / {@code link_pair} (link_type, empty for all
 * types), {@code sentence_label} / {@code sentence_label_pair} and {@code question} / {@code question_pair}
 * (attribute = the sentence label's or question's id). Their columns come after the span columns, so a
 * script reading the span columns by position is not moved.
 */
public final class AgreementExport {

    /**
     * {@code measure}: how α compares values (nominal, ordinal, masi); {@code units}: what α and κ rest on
     * (matched span pairs, sentences or documents with two values or more); {@code one_sided}: units only one
     * annotator gave a value to (left out); {@code matched}, {@code predicted}, {@code reference}: link counts on
     * link_pair rows (span counts on pair rows).
     */
    private static final List<String> COLUMNS = List.of("level", "label", "annotator_a", "annotator_b", "annotators",
            "spans", "alpha_u", "kappa", "exact_f1", "overlap_f1", "partial_f1", "exact_matched", "predicted", "reference",
            "attribute", "measure", "alpha", "units", "one_sided", "link_type", "links", "matched", "precision", "recall", "f1");

    private static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("level", "label", "annotator_a",
            "annotator_b", "attribute", "measure", "link_type");

    /** Leaves the stream open: it is often a response the caller still owns. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private AgreementExport() {
    }

    /** level is "label", "overall" or "pair"; label is the label's id ("" for all labels). */
    public static void csv(AgreementReport report, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.plain(out);
        csv.row(COLUMNS);
        for (List<String> row : rows(report)) {
            csv.row(row); // labels and annotators are names people chose: defused like every CSV cell
        }
        csv.flush();
    }

    /**
     * {@code {"documents", "annotators", "rows": [{column: value}]}}, the columns of {@link #csv}, and
     * {@code "problems"} naming the layer files left out, when there are any.
     */
    public static void json(AgreementReport report, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("documents", report.documents());
            g.writeName("annotators");
            g.writeStartArray();
            for (String a : report.annotators()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeName("rows");
            g.writeStartArray();
            for (List<String> row : rows(report)) {
                g.writeStartObject();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String v = row.get(c);
                    if (v.isEmpty() && c > 0) {
                        g.writeNullProperty(COLUMNS.get(c));
                    } else if (TEXT_COLUMNS.contains(COLUMNS.get(c))) {
                        g.writeStringProperty(COLUMNS.get(c), v);
                    } else {
                        g.writeName(COLUMNS.get(c));
                        g.writeNumber(new java.math.BigDecimal(v));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!report.problems().isEmpty()) {
                g.writeName("problems"); // layers left out because their files cannot be read
                g.writeStartArray();
                report.problems().forEach(g::writeString);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private static List<List<String>> rows(AgreementReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (AgreementReport.Row r : report.labels()) {
            rows.add(row("label", r));
        }
        rows.add(row("overall", report.overall()));
        for (AgreementReport.Pair p : report.pairs()) {
            rows.add(padded(List.of("pair", p.label() == null ? "" : p.label(), p.reference(), p.prediction(), "2", "",
                    "", number(p.kappa()), number(p.exact().f1()), number(p.overlap().f1()), number(p.partial().f1()),
                    Integer.toString(p.exact().matched()), Integer.toString(p.exact().predicted()),
                    Integer.toString(p.exact().reference()))));
        }
        StructureAgreement structure = report.structure();
        for (List<CodedRow> part : List.of(structure.attributes(), structure.sentenceLabels(), structure.questions())) {
            for (CodedRow r : part) {
                rows.add(coded(r.scope().level(), r.label(), "", "", Integer.toString(r.annotators()), r.id(), r.measure(),
                        r.alpha(), r.kappa(), r.units(), r.oneSided()));
                for (CodedRow.CodedPair p : r.pairs()) {
                    rows.add(coded(r.scope().level() + "_pair", r.label(), p.reference(), p.prediction(), "2", r.id(),
                            r.measure(), p.alpha(), p.kappa(), p.units(), p.oneSided()));
                }
            }
        }
        for (LinkRow r : structure.links()) {
            String type = r.type() == null ? "" : r.type();
            rows.add(link("link", "", "", Integer.toString(r.annotators()), type, Integer.toString(r.links()), "", "", "",
                    r.precision(), r.recall(), r.f1()));
            for (LinkRow.LinkPair p : r.pairs()) {
                SpanMatchCounts c = p.counts();
                rows.add(link("link_pair", p.reference(), p.prediction(), "2", type, "", Integer.toString(c.matched()),
                        Integer.toString(c.predicted()), Integer.toString(c.reference()), c.precision(), c.recall(), c.f1()));
            }
        }
        return rows;
    }

    private static List<String> row(String level, AgreementReport.Row r) {
        return padded(List.of(level, r.label() == null ? "" : r.label(), "", "", Integer.toString(r.annotators()),
                Integer.toString(r.spans()), number(r.alphaU()), number(r.meanKappa()), number(r.exactF1()),
                number(r.overlapF1()), number(r.partialF1()), "", "", ""));
    }

    /** A row of the first 14 (span) columns, with the structure's columns empty. */
    private static List<String> padded(List<String> spanColumns) {
        List<String> row = new ArrayList<>(spanColumns);
        while (row.size() < COLUMNS.size()) {
            row.add("");
        }
        return row;
    }

    private static List<String> coded(String level, String label, String a, String b, String annotators, String id,
                                      ValueDistance measure, OptionalDouble alpha, OptionalDouble kappa, int units,
                                      int oneSided) {
        List<String> row = padded(List.of(level, label == null ? "" : label, a, b, annotators));
        set(row, "kappa", number(kappa));
        set(row, "attribute", id);
        set(row, "measure", measure.jsonName());
        set(row, "alpha", number(alpha));
        set(row, "units", Integer.toString(units));
        set(row, "one_sided", Integer.toString(oneSided));
        return row;
    }

    private static List<String> link(String level, String a, String b, String annotators, String type, String links,
                                     String matched, String predicted, String reference, OptionalDouble precision,
                                     OptionalDouble recall, OptionalDouble f1) {
        List<String> row = padded(List.of(level, "", a, b, annotators));
        set(row, "predicted", predicted);
        set(row, "reference", reference);
        set(row, "link_type", type);
        set(row, "links", links);
        set(row, "matched", matched);
        set(row, "precision", number(precision));
        set(row, "recall", number(recall));
        set(row, "f1", number(f1));
        return row;
    }

    private static void set(List<String> row, String column, String value) {
        row.set(COLUMNS.indexOf(column), value);
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "";
    }
}
