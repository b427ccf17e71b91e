package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.NOTE;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.exportText;
import static org.slant.exchange.ExportFixtures.lines;
import static org.slant.exchange.ExportFixtures.slice;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.document.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: read back with its own offsets, every span must give exactly its text. */
class JsonlWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Document OTHER = new Document("other", "Other", "Second text 🙂 here.", null,
            ExportFixtures.T0);


    @Test
    void oneLinePerLayerWithLabelNamesAndCodePointOffsets() {
        List<String> lines = lines(exportText(new JsonlWriter(), new ExportItem(DOC, List.of(alice(), bob()))));

        assertThat(lines).hasSize(2);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("id").stringValue()).isEqualTo("peace");
        assertThat(line.get("title").stringValue()).isEqualTo(DOC.title());
        assertThat(line.get("annotator").stringValue()).isEqualTo("alice");
        assertThat(line.get("source").get("outlet").stringValue()).isEqualTo("Daily Planet");
        String text = line.get("text").stringValue();
        assertThat(text).isEqualTo(TEXT);
        List<String> covered = new ArrayList<>();
        int humiliated = -1;
        for (int i = 0; i < line.get("label").size(); i++) {
            JsonNode l = line.get("label").get(i);
            covered.add(slice(text, l.get(0).intValue(), l.get(1).intValue()));
            if (covered.getLast().equals("HUMILIATED") && l.get(2).stringValue().equals("Sensational framing")) {
                humiliated = i;
            }
        }
        assertThat(covered).containsExactlyElementsOf(aliceTexts());
        assertThat(line.get("label").get(0).get(1).intValue()).as("👍🏽 is two code points").isEqualTo(2);
        assertThat(line.get("notes").get(Integer.toString(humiliated)).stringValue()).isEqualTo(NOTE);

        JsonNode bobLine = JSON.readTree(lines.get(1));
        assertThat(bobLine.get("annotator").stringValue()).isEqualTo("bob");
        assertThat(bobLine.has("notes")).isFalse();
        JsonNode b = bobLine.get("label").get(0);
        assertThat(slice(TEXT, b.get(0).intValue(), b.get(1).intValue())).isEqualTo("Путин");
        assertThat(b.get(2).stringValue()).isEqualTo("Attribution");
    }

    @Test
    void aDocumentWithoutLayersStillHasALine() {
        List<String> lines = lines(exportText(new JsonlWriter(), new ExportItem(OTHER, List.of())));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("label")).isEmpty();
        assertThat(line.has("annotator")).isFalse();
        assertThat(line.has("source")).isFalse();
    }
}
