package org.slant.teaching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.slant.agreement.SpanMatchCounts;

/**
 * Class results as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads accents
 * right), CRLF line ends, RFC 4180 quoting, a header row. Per label: F1, then found/reference/marked
 * counts. A text field that starts with = + - @ (or tab, carriage return) gets a leading apostrophe,
 * so a student named "=HYPERLINK(...)" cannot run a formula in the teacher's spreadsheet.
 */
public final class ClassResultsCsv {

    private ClassResultsCsv() {
    }

    public static void write(ClassResults results, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of("student", "name", "state", "submitted"));
        for (String name : results.labelNames()) {
            header.add(name + " F1");
            header.add(name + " found");
            header.add(name + " in reference");
            header.add(name + " marked");
        }
        header.add("overall F1");
        line(w, header);
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
            line(w, fields);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(defuse(fields.get(i))));
        }
        w.write("\r\n");
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "";
    }

    /** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"). */
    static String defuse(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    static String quote(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
