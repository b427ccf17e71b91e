package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.Scheme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonExportTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    // The emoji before every span makes UTF-16 and code point offsets differ by one
    private static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said.\r\nПутин: «нет».";
    private static final Document DOC = new Document("peace", "Peace talks", TEXT,
            new Source("Daily Planet", "https://example.org/peace", LocalDate.of(2025, 8, 16)), T0);

    @Test
    void everySpanSlicesTheTextByCodePoints() {
        Layer alice = new Layer("peace", "alice", 4, List.of(
                span("s1", "HUMILIATED", "sensational", "alice", "loaded verb"),
                span("s2", "officials said", "attribution", "alice", null)));
        Layer bob = new Layer("peace", "bob", 1, List.of(span("s1", "«нет»", "opinion", "bob", null)));

        String json = new JsonExport().toJson(DOC, Scheme.defaults(), List.of(bob, alice));
        JsonNode root = JsonMapper.builder().build().readTree(json);

        assertThat(root.get("format").stringValue()).isEqualTo("slant-export/1");
        JsonNode document = root.get("document");
        assertThat(document.has("format")).isFalse();
        assertThat(document.get("id").stringValue()).isEqualTo("peace");
        assertThat(document.get("source").get("published").stringValue()).isEqualTo("2025-08-16");
        String text = document.get("text").stringValue();
        assertThat(text).isEqualTo(TEXT);
        assertThat(root.get("labels")).hasSize(Scheme.defaults().labels().size());
        assertThat(root.get("layers").values()).extracting(l -> l.get("annotator").stringValue()).containsExactly("alice", "bob");

        int[] codePoints = text.codePoints().toArray();
        List<String> covered = new ArrayList<>();
        for (JsonNode layer : root.get("layers").values()) {
            for (JsonNode span : layer.get("spans").values()) {
                int start = span.get("start").intValue();
                int end = span.get("end").intValue();
                String slice = new String(codePoints, start, end - start);
                assertThat(slice).isEqualTo(span.get("text").stringValue());
                covered.add(slice);
            }
        }
        assertThat(covered).containsExactly("HUMILIATED", "officials said", "«нет»");
        assertThat(root.get("layers").get(0).get("spans").get(0).get("start").intValue())
                .as("code points, not UTF-16 units").isEqualTo(TEXT.indexOf("HUMILIATED") - 1);
    }

    @Test
    void writesTheSameDocumentFieldsAsTheWorkspaceReads() {
        String json = new JsonExport().toJson(DOC, Scheme.defaults(), List.of());
        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertThat(SlantJson.readDocument(root.get("document"))).isEqualTo(DOC);
        assertThat(SlantJson.readScheme(root)).isEqualTo(Scheme.defaults());
    }

    @Test
    void refusesALayerOfAnotherDocument() {
        Layer other = Layer.empty("other", "alice");
        assertThatThrownBy(() -> new JsonExport().toJson(DOC, Scheme.defaults(), List.of(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    private static Span span(String id, String covered, String label, String author, String note) {
        int utf16 = TEXT.indexOf(covered);
        int start = TEXT.codePointCount(0, utf16);
        int end = start + covered.codePointCount(0, covered.length());
        return new Span(id, start, end, label, covered, note, author, T0, null);
    }
}
