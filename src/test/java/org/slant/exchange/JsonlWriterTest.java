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


    /** doccano's relation layout ("entities", "relations"), which replaced the sequence layout ("label") with links. */
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
        JsonNode humiliated = null;
        for (JsonNode e : line.get("entities").values()) {
            covered.add(slice(text, e.get("start_offset").intValue(), e.get("end_offset").intValue()));
            if (covered.getLast().equals("HUMILIATED") && e.get("label").stringValue().equals("Sensational framing")) {
                humiliated = e;
            }
        }
        assertThat(covered).containsExactlyElementsOf(aliceTexts());
        assertThat(line.get("entities").get(0).get("end_offset").intValue()).as("👍🏽 is two code points").isEqualTo(2);
        assertThat(humiliated.get("id").stringValue()).isEqualTo("a1");
        assertThat(humiliated.get("note").stringValue()).isEqualTo(NOTE);
        assertThat(line.get("relations")).isEmpty();

        JsonNode bobLine = JSON.readTree(lines.get(1));
        assertThat(bobLine.get("annotator").stringValue()).isEqualTo("bob");
        JsonNode b = bobLine.get("entities").get(0);
        assertThat(b.has("note")).isFalse();
        assertThat(slice(TEXT, b.get("start_offset").intValue(), b.get("end_offset").intValue())).isEqualTo("Путин");
        assertThat(b.get("label").stringValue()).isEqualTo("Attribution");
    }

    @Test
    void aDocumentWithoutLayersStillHasALine() {
        List<String> lines = lines(exportText(new JsonlWriter(), new ExportItem(OTHER, List.of())));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("entities")).isEmpty();
        assertThat(line.get("relations")).isEmpty();
        assertThat(line.has("annotator")).isFalse();
        assertThat(line.has("source")).isFalse();
    }
}
