package org.slant.teaching;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.slant.agreement.SpanMatchCounts;
import org.slant.exchange.SpreadsheetCsv;

/**
 * Class results as CSV for a spreadsheet ({@link SpreadsheetCsv}: UTF-8 with a byte order mark, CRLF,
 * RFC 4180), a header row. Per label: F1, then found/reference/marked counts. A text field that starts
 * with = + - @ (or tab, carriage return) gets a leading apostrophe, so a student named
 * "=HYPERLINK(...)" cannot run a formula in the teacher's spreadsheet.
 */
public final class ClassResultsCsv {

    private ClassResultsCsv() {
    }

    public static void write(ClassResults results, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.forSpreadsheet(out);
        List<String> header = new ArrayList<>(List.of("student", "name", "state", "submitted"));
        for (String name : results.labelNames()) {
            header.add(name + " F1");
            header.add(name + " found");
            header.add(name + " in reference");
            header.add(name + " marked");
        }
        header.add("overall F1");
        csv.row(header);
        for (ClassResults.Row row : results.rows()) {
            List<String> fields = new ArrayList<>(List.of(row.user(), row.displayName(), row.state().name(),
                    row.submitted() == null ? "" : row.submitted().toString()));
            boolean submitted = row.state() != ClassResults.State.NOT_SUBMITTED;
            for (int l = 0; l < results.labelNames().size(); l++) {
                if (submitted) {
                    SpanMatchCounts c = row.perLabel().get(l);
                    fields.add(number(c.f1()));
                    fields.add(String.valueOf(c.matched()));
                    fields.add(String.valueOf(c.reference()));
                    fields.add(String.valueOf(c.predicted()));
                } else {
                    fields.addAll(List.of("", "", "", ""));
                }
            }
            fields.add(submitted ? number(row.overall().f1()) : "");
            csv.row(fields);
        }
        csv.flush();
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "";
    }
}
