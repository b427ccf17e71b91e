package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.LABELS;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.export;
import static org.slant.exchange.ExportFixtures.exportText;
import static org.slant.exchange.ExportFixtures.slice;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.document.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Slant JSON: read back with its own offsets, every span must give exactly its text. */
class SlantJsonWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Document OTHER = new Document("other", "Other", "Second text 🙂 here.", null,
            ExportFixtures.T0);


    @Test
    void oneDocumentIsExactlyTheJsonExport() {
        String written = exportText(new SlantJsonWriter(), new ExportItem(DOC, List.of(alice(), bob())));

        assertThat(written).isEqualTo(new JsonExport().toJson(DOC, LABELS, List.of(alice(), bob())));
    }

    @Test
    void severalDocumentsMakeOneSetWithTheLabelsOnce() {
        String written = exportText(new SlantJsonWriter(), new ExportItem(DOC, List.of(bob(), alice())),
                new ExportItem(OTHER, List.of()));
        JsonNode root = JSON.readTree(written);

        assertThat(root.get("format").stringValue()).isEqualTo("slant-export-set/1");
        assertThat(root.get("labels")).hasSize(LABELS.labels().size());
        JsonNode first = root.get("documents").get(0);
        assertThat(first.has("labels")).isFalse();
        assertThat(first.get("document").get("text").stringValue()).isEqualTo(TEXT);
        assertThat(first.get("layers").values()).extracting(l -> l.get("annotator").stringValue())
                .containsExactly("alice", "bob");
        List<String> covered = new ArrayList<>();
        for (JsonNode span : first.get("layers").get(0).get("spans").values()) {
            covered.add(slice(TEXT, span.get("start").intValue(), span.get("end").intValue()));
            assertThat(covered.getLast()).isEqualTo(span.get("text").stringValue());
        }
        assertThat(covered).containsExactlyElementsOf(aliceTexts());
        assertThat(root.get("documents").get(1).get("layers")).isEmpty();
    }

    @Test
    void noDocumentsIsAnEmptySet() {
        JsonNode root = JSON.readTree(exportText(new SlantJsonWriter()));

        assertThat(root.get("format").stringValue()).isEqualTo("slant-export-set/1");
        assertThat(root.get("documents")).isEmpty();
    }
}
