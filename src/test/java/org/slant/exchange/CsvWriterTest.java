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
    void quotesOnlyWhatNeedsIt() {
        assertThat(CsvWriter.field("plain text")).isEqualTo("plain text");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("two\rlines")).isEqualTo("\"two\rlines\"");
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
