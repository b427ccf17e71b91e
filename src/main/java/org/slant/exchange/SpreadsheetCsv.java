package org.slant.exchange;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV writer of every CSV the app writes (dataset export, agreement table, class results):
 * RFC 4180 through Commons CSV, UTF-8, a field quoted when it needs it. A spreadsheet runs a cell that
 * starts with {@code = + - @}, a tab or a carriage return as a formula (OWASP "CSV injection"), so such
 * a cell gets a leading apostrophe, which spreadsheets show as text; a plain number such as
 * {@code -0.25} stays a number. Leaves the stream open: it is often a response the caller still owns.
 */
public final class SpreadsheetCsv implements Flushable {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Writer writer;
    private final CSVPrinter printer;

    private SpreadsheetCsv(OutputStream out, boolean byteOrderMark, String lineEnd) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (byteOrderMark) {
            writer.write('\uFEFF'); // without it Excel reads the file in the local code page and garbles accents
        }
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator(lineEnd)
                .setQuoteMode(QuoteMode.MINIMAL).get());
    }

    /** For a spreadsheet: a UTF-8 byte order mark first, CRLF between records. */
    public static SpreadsheetCsv forSpreadsheet(OutputStream out) throws IOException {
        return new SpreadsheetCsv(out, true, "\r\n");
    }

    /** For scripts and tidy-data tools: no byte order mark, LF between records. */
    public static SpreadsheetCsv plain(OutputStream out) throws IOException {
        return new SpreadsheetCsv(out, false, "\n");
    }

    public void row(List<String> fields) throws IOException {
        List<String> safe = new ArrayList<>(fields.size());
        for (String field : fields) {
            safe.add(defuse(field));
        }
        printer.printRecord(safe);
    }

    public void row(String... fields) throws IOException {
        row(List.of(fields));
    }

    /** Flushes, not closes: the caller owns the stream. */
    @Override
    public void flush() throws IOException {
        printer.flush();
        writer.flush();
    }

    /** A value a spreadsheet would run as a formula, as text: with a leading apostrophe. */
    public static String defuse(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
