package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

    private static ImportedFile read(String jsonl) {
        return new JsonlReader().read("data.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTextIdSpansAndKeepsOtherFieldsAsMetadata() {
        ImportedFile file = read("""
                {"id": 7, "text": "🔥 Trump HUMILIATED them", "label": [[8, 18, "Sensational framing"]], "source": "tabloid", "meta": {"a": 1}}
                """);

        assertThat(file.problems()).isEmpty();
        ImportedDocument doc = file.documents().get(0);
        assertThat(doc.id()).isEqualTo("7");
        assertThat(doc.text()).isEqualTo("🔥 Trump HUMILIATED them");
        assertThat(doc.metadata()).containsEntry("source", "tabloid").containsEntry("meta", "{\"a\":1}")
                .doesNotContainKeys("text", "label", "id");
        assertThat(doc.spans()).containsExactly(new ImportedSpan(8, 18, "Sensational framing", null, null, "data.jsonl", 1));
    }

    @Test
    void acceptsLabelsAndEntitiesAsWell() {
        ImportedFile file = read("""
                {"text": "officials said it", "labels": [[0, 9, "attribution"]]}
                {"text": "officials said it", "entities": [{"id": 3, "start_offset": 10, "end_offset": 14, "label": "attribution"}]}
                """);

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents()).hasSize(2);
        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 9));
        assertThat(file.documents().get(1).spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 14, 2));
    }

    @Test
    void reportsEachBadLineWithItsNumberAndReadsTheRest() {
        ImportedFile file = read("{\"text\": \"one\", \"label\": []}\r\n"
                + "\r\n"
                + "{\"text\": \"two\", \"label\": [[0, 3 \"x\"]]}\n"   // line 3: broken JSON
                + "{\"label\": [[0, 1, \"x\"]]}\n"                    // line 4: no text
                + "{\"text\": \"four\", \"label\": [[0, \"3\", \"x\"]]}\n" // line 5: offset as a string
                + "{\"text\": \"five\", \"label\": [\"positive\"]}\n"   // line 6: a classification label
                + "{\"text\": \"six\"}\n");

        assertThat(file.documents()).extracting(ImportedDocument::text).containsExactly("one", "six");
        assertThat(file.documents()).extracting(ImportedDocument::line).containsExactly(1, 7);
        assertThat(file.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(file.problems().get(0).reason()).startsWith("not valid JSON at column");
        assertThat(file.problems().get(1).reason()).contains("\"text\" is missing");
        assertThat(file.problems().get(2).reason()).contains("label[0] end must be a whole number");
        assertThat(file.problems().get(3).reason()).contains("must be [start, end, \"Label\"]");
        assertThat(file.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("data.jsonl"));
    }

    @Test
    void invalidUtf8IsReportedWithTheLine() {
        byte[] bytes = "{\"text\": \"ok\"}\n{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        ImportedFile file = new JsonlReader().read("data.jsonl", bytes);

        assertThat(file.documents()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("not valid UTF-8").contains("0xE9");
        });
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertThat(read("\n\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("no documents"));
    }
}
