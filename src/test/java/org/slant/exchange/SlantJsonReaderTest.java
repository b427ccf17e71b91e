package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.Scheme;

class SlantJsonReaderTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said.";
    private static final Document DOC = new Document("peace", "Peace talks", TEXT,
            new Source("Daily Planet", "https://example.org/p", null), T0);

    private static Span span(String id, int start, int end, String label, String author, String note) {
        return new Span(id, start, end, label, TEXT.codePoints().skip(start).limit(end - start)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(),
                note, author, T0, T0);
    }

    private static byte[] export(Layer... layers) {
        return new JsonExport().toJson(DOC, Scheme.defaults(), List.of(layers)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesTheOnlyLayerWhateverItsName() {
        ImportedFile file = new SlantJsonReader().read("peace.json",
                export(new Layer("peace", "ana", 2, List.of(span("s1", 8, 18, "sensational", "ana", "loaded")))), "bob");

        assertThat(file.problems()).isEmpty();
        ImportedDocument doc = file.documents().get(0);
        assertThat(doc.id()).isEqualTo("peace");
        assertThat(doc.title()).isEqualTo("Peace talks");
        assertThat(doc.text()).isEqualTo(TEXT);
        assertThat(doc.metadata()).containsEntry("source.outlet", "Daily Planet");
        assertThat(doc.spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::label,
                ImportedSpan::text, ImportedSpan::note).containsExactly(tuple(8, 18, "sensational", "HUMILIATED", "loaded"));
        assertThat(doc.spans().get(0).line()).isPositive();
    }

    @Test
    void takesTheNamedLayerOfSeveralAndRefusesAnUnnamedChoice() {
        byte[] json = export(new Layer("peace", "ana", 1, List.of(span("s1", 8, 18, "sensational", "ana", null))),
                new Layer("peace", "bob", 1, List.of(span("s2", 31, 45, "attribution", "bob", null))));

        assertThat(new SlantJsonReader().read("p.json", json, "bob").documents().get(0).spans())
                .extracting(ImportedSpan::label).containsExactly("attribution");
        assertThat(new SlantJsonReader().read("p.json", json, "cy").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("2 layers [ana, bob] and none is \"cy\""));
    }

    @Test
    void pointsAtTheLineOfABrokenSpan() {
        String json = new String(export(new Layer("peace", "ana", 1, List.of(
                span("s1", 2, 7, "opinion", "ana", null), span("s2", 8, 18, "sensational", "ana", null)))),
                StandardCharsets.UTF_8);
        List<String> lines = json.lines().toList();
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"s2\"")).findFirst().orElseThrow());
        String broken = json.replace("\"id\": \"s2\", \"start\": 8", "\"id\": \"s2\", \"start\": \"8\"");

        ImportedFile file = new SlantJsonReader().read("p.json", broken.getBytes(StandardCharsets.UTF_8), null);

        assertThat(file.problems()).extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactly(tuple(line, "spans[1]: \"start\" and \"end\" must be whole numbers"));
        assertThat(file.documents().get(0).spans()).hasSize(1);
    }

    @Test
    void reportsSyntaxErrorsAndForeignFormats() {
        ImportedFile syntax = new SlantJsonReader().read("p.json", "{\n \"format\": \"slant-export/1\",\n oops\n}"
                .getBytes(StandardCharsets.UTF_8), null);
        ImportedFile foreign = new SlantJsonReader().read("p.json", "{\"format\": \"slant-layer/1\"}"
                .getBytes(StandardCharsets.UTF_8), null);

        assertThat(syntax.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("not valid JSON");
        });
        assertThat(foreign.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("unknown format \"slant-layer/1\""));
    }
}
