package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.NOTE;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.export;
import static org.slant.exchange.ExportFixtures.slice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV: read back with its own offsets, every span must give exactly its text. */
class CsvWriterTest {

    @Test
    void oneQuotedRowPerSpanAfterABomAndTheHeader() {
        byte[] bytes = export(new CsvWriter(), new ExportItem(DOC, List.of(alice(), bob())));

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        assertThat(String.join(",", rows.get(0))).isEqualTo(CsvWriter.HEADER);
        assertThat(rows).hasSize(1 + alice().spans().size() + 1);
        List<String> covered = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(8);
            assertThat(row.get(0)).isEqualTo("peace");
            assertThat(row.get(1)).isEqualTo("Peace talks, \"again\"");
            String text = slice(TEXT, Integer.parseInt(row.get(4)), Integer.parseInt(row.get(5)));
            assertThat(row.get(6)).isEqualTo(text);
            covered.add(text);
        }
        assertThat(covered.subList(0, alice().spans().size())).containsExactlyElementsOf(aliceTexts());
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("peace", "Peace talks, \"again\"",
                "alice", "Sensational framing", row.get(4), row.get(5), "HUMILIATED", NOTE));
        assertThat(csv).contains("\"loaded, \"\"very\"\" loaded\nverb\"")
                .contains("\"said.\r\nПутин\"")
                .endsWith("\r\n");
    }

    @Test
    void quotesOnlyWhatNeedsIt() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SpreadsheetCsv csv = SpreadsheetCsv.plain(out);
        csv.row("plain text", "a,b", "say \"hi\"", "two\rlines", "-0.25", "");
        csv.flush();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("plain text,\"a,b\",\"say \"\"hi\"\"\",\"two\rlines\",-0.25,\n");
    }

    /** OWASP "CSV injection": a cell a spreadsheet would run as a formula is written as text, with a leading '. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void aTitleTextOrNoteThatLooksLikeAFormulaGetsALeadingApostrophe(String first) {
        String formula = first + "HYPERLINK(\"http://evil.example\",\"x\")";
        String text = "Plain " + formula + " end";
        org.slant.document.Document doc = new org.slant.document.Document("evil", formula, text, DOC.source(), DOC.created());
        int start = "Plain ".length();
        org.slant.annotation.Span span = new org.slant.annotation.Span("s1", start, start + formula.length(), "opinion",
                formula, formula, "alice", ExportFixtures.T0, ExportFixtures.T1);
        org.slant.annotation.Layer layer = new org.slant.annotation.Layer("evil", "alice", 1, List.of(span));

        byte[] bytes = export(new CsvWriter(), new ExportItem(doc, List.of(layer)));
        List<List<String>> rows = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));

        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        // a title is stripped when stored, so only = + - @ can start it; a span's text is as marked
        assertThat(row.get(1)).as("title").isEqualTo(first.isBlank() ? doc.title() : "'" + formula);
        assertThat(row.get(6)).as("span text").isEqualTo("'" + formula);
        assertThat(row.get(7)).as("note, stripped when stored like the title")
                .isEqualTo(first.isBlank() ? span.note() : "'" + formula);
        // the offsets still cover the span's own text, without the apostrophe
        assertThat(slice(text, Integer.parseInt(row.get(4)), Integer.parseInt(row.get(5)))).isEqualTo(formula);
    }

    /** RFC 4180 reader, independent of the writer. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("nothing after the last CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
