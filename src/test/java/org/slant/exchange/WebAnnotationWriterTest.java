package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.NOTE;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.exportText;
import static org.slant.exchange.ExportFixtures.slice;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** W3C Web Annotation: read back with its own offsets, every span must give exactly its text. */
class WebAnnotationWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();


    @Test
    void selectorsQuoteAndPositionEverySpanInCodePoints() {
        JsonNode root = JSON.readTree(exportText(new WebAnnotationWriter(), new ExportItem(DOC, List.of(alice(), bob()))));

        assertThat(root.get("@context").stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(root.get("type").stringValue()).isEqualTo("AnnotationCollection");
        JsonNode items = root.get("first").get("items");
        assertThat(root.get("first").get("type").stringValue()).isEqualTo("AnnotationPage");
        assertThat(items).hasSize(alice().spans().size() + 1);
        List<String> covered = new ArrayList<>();
        for (JsonNode a : items.values()) {
            assertThat(a.get("type").stringValue()).isEqualTo("Annotation");
            assertThat(a.get("target").get("source").stringValue()).isEqualTo("urn:slant:document:peace");
            JsonNode quote = a.get("target").get("selector").get(0);
            JsonNode position = a.get("target").get("selector").get(1);
            assertThat(quote.get("type").stringValue()).isEqualTo("TextQuoteSelector");
            assertThat(position.get("type").stringValue()).isEqualTo("TextPositionSelector");
            int start = position.get("start").intValue();
            int end = position.get("end").intValue();
            assertThat(quote.get("exact").stringValue()).isEqualTo(slice(TEXT, start, end));
            String prefix = slice(TEXT, Math.max(0, start - 32), start);
            String suffix = slice(TEXT, end, Math.min(TEXT.codePointCount(0, TEXT.length()), end + 32));
            assertThat(quote.has("prefix") ? quote.get("prefix").stringValue() : "").isEqualTo(prefix);
            assertThat(quote.has("suffix") ? quote.get("suffix").stringValue() : "").isEqualTo(suffix);
            covered.add(quote.get("exact").stringValue());
        }
        assertThat(covered.subList(0, alice().spans().size())).containsExactlyElementsOf(aliceTexts());

        JsonNode first = items.get(0); // 👍🏽 at the very start: no prefix
        assertThat(first.get("target").get("selector").get(0).has("prefix")).isFalse();
        assertThat(first.get("target").get("selector").get(0).get("suffix").stringValue())
                .isEqualTo(slice(TEXT, 2, 34)).hasSize(32);
    }

    @Test
    void bodiesTagWithTheLabelNameAndCommentWithTheNote() {
        JsonNode items = JSON.readTree(exportText(new WebAnnotationWriter(), new ExportItem(DOC, List.of(alice()))))
                .get("first").get("items");
        JsonNode humiliated = items.values().stream()
                .filter(a -> a.get("id").stringValue().equals("urn:slant:peace:alice:a1")).findFirst().orElseThrow();

        assertThat(humiliated.get("body").get(0).get("purpose").stringValue()).isEqualTo("tagging");
        assertThat(humiliated.get("body").get(0).get("value").stringValue()).isEqualTo("Sensational framing");
        assertThat(humiliated.get("body").get(1).get("purpose").stringValue()).isEqualTo("commenting");
        assertThat(humiliated.get("body").get(1).get("value").stringValue()).isEqualTo(NOTE);
        assertThat(humiliated.get("creator").get("nickname").stringValue()).isEqualTo("alice");
        assertThat(humiliated.get("created").stringValue()).isEqualTo("2025-08-16T09:30:00Z");
        assertThat(humiliated.get("modified").stringValue()).isEqualTo("2025-08-16T10:00:00Z");
        assertThat(items.get(1).get("body")).hasSize(1);
    }

    @Test
    void spanIdsArePercentEncodedInTheUrn() {
        assertThat(WebAnnotationWriter.urnPart("s1a")).isEqualTo("s1a");
        assertThat(WebAnnotationWriter.urnPart("a:b c/ü")).isEqualTo("a%3Ab%20c%2F%C3%BC");
    }
}
