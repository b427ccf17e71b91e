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
 */
public final class AgreementExport {

    private static final List<String> COLUMNS = List.of("level", "label", "annotator_a", "annotator_b", "annotators",
            "spans", "alpha_u", "kappa", "exact_f1", "overlap_f1", "partial_f1", "exact_matched", "predicted", "reference");

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
                    } else if (c < 4) {
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
            rows.add(List.of("pair", p.label() == null ? "" : p.label(), p.reference(), p.prediction(), "2", "",
                    "", number(p.kappa()), number(p.exact().f1()), number(p.overlap().f1()), number(p.partial().f1()),
                    Integer.toString(p.exact().matched()), Integer.toString(p.exact().predicted()),
                    Integer.toString(p.exact().reference())));
        }
        return rows;
    }

    private static List<String> row(String level, AgreementReport.Row r) {
        return List.of(level, r.label() == null ? "" : r.label(), "", "", Integer.toString(r.annotators()),
                Integer.toString(r.spans()), number(r.alphaU()), number(r.meanKappa()), number(r.exactF1()),
                number(r.overlapF1()), number(r.partialF1()), "", "", "");
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "";
    }
}
