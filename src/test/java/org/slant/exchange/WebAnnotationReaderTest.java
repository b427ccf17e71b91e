package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** W3C Web Annotation in: the shapes the model allows, the selectors checked against the workspace's text. */
class WebAnnotationReaderTest {

    private static final String TEXT = "🔥 Trump HUMILIATED the nation, the nation said.";
    private static final Map<String, String> WORKSPACE = Map.of("peace", TEXT, "https://example.org/a", TEXT);

    private static ImportedFile read(String json, String layer) {
        return new WebAnnotationReader().read("a.jsonld", json.getBytes(StandardCharsets.UTF_8), layer, WORKSPACE::get);
    }

    private static String annotation(String id, String creator, String source, String bodies, String selectors) {
        return "{\"id\": \"" + id + "\", \"type\": \"Annotation\"" + (creator == null ? "" : ", \"creator\": {\"type\":"
                + " \"Person\", \"nickname\": \"" + creator + "\"}") + ", \"body\": [" + bodies + "], \"target\": {\"source\": \""
                + source + "\", \"selector\": [" + selectors + "]}}";
    }

    private static String tag(String label) {
        return "{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"" + label + "\"}";
    }

    private static String position(int start, int end) {
        return "{\"type\": \"TextPositionSelector\", \"start\": " + start + ", \"end\": " + end + "}";
    }

    private static String quote(String exact, String prefix) {
        return "{\"type\": \"TextQuoteSelector\", \"exact\": \"" + exact + "\"" + (prefix == null ? "" : ", \"prefix\": \""
                + prefix + "\"") + "}";
    }

    @Test
    void readsACollectionWithLabelsNotesAndIds() {
        String json = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\", \"first\": {"
                + "\"type\": \"AnnotationPage\", \"items\": [\n"
                + annotation("urn:slant:peace:ana:s%3A1", "ana", "urn:slant:document:peace",
                        tag("Sensational framing") + ", {\"type\": \"TextualBody\", \"purpose\": \"commenting\", \"value\": \"loaded\"}",
                        quote("HUMILIATED", null) + ", " + position(8, 18)) + ",\n"
                + annotation("https://example.org/anno/2", "ana", "https://example.org/a", tag("Opinion") + ", " + tag("Attribution"),
                        quote("the nation", "nation, ")) + "]}}";

        ImportedFile file = read(json, "ana");

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents()).extracting(ImportedDocument::id).containsExactly("peace", "https://example.org/a");
        assertThat(file.documents().get(0).text()).as("the text comes from the workspace").isNull();
        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::id, ImportedSpan::start, ImportedSpan::end,
                ImportedSpan::label, ImportedSpan::text, ImportedSpan::note, ImportedSpan::line)
                .containsExactly(tuple("s:1", 8, 18, "Sensational framing", "HUMILIATED", "loaded", 2));
        assertThat(file.documents().get(1).spans()).extracting(ImportedSpan::id, ImportedSpan::start, ImportedSpan::label)
                .containsExactly(tuple("https://example.org/anno/2", 31, "Opinion"), tuple(null, 31, "Attribution"));
    }

    @Test
    void takesTheTargetLayersCreatorOfSeveral() {
        String json = "[" + annotation("a1", "ana", "urn:slant:document:peace", tag("Opinion"), position(2, 7)) + ", "
                + annotation("b1", "bob", "urn:slant:document:peace", tag("Opinion"), position(8, 18)) + "]";

        ImportedFile file = read(json, "bob");

        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::id).containsExactly("b1");
        assertThat(file.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("only the annotations of bob"));
    }

    @Test
    void namesEachAnnotationThatDoesNotFit() {
        String json = "{\"type\": \"AnnotationPage\", \"items\": [\n"
                + annotation("q1", null, "urn:slant:document:peace", tag("Opinion"), quote("the nation", null)) + ",\n"
                + annotation("q2", null, "urn:slant:document:peace", tag("Opinion"), quote("Merz", null)) + ",\n"
                + annotation("p1", null, "urn:slant:document:peace", tag("Opinion"), quote("Trump", null) + ", " + position(8, 18)) + ",\n"
                + annotation("c1", null, "urn:slant:document:peace",
                        "{\"type\": \"TextualBody\", \"purpose\": \"commenting\", \"value\": \"x\"}", position(2, 7)) + "]}";

        ImportedFile file = read(json, "ana");

        assertThat(file.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                tuple(2, "annotation q1: its TextQuoteSelector \"the nation\" fits 2 places in the document; add a TextPositionSelector"),
                tuple(3, "annotation q2: its TextQuoteSelector \"Merz\" fits nowhere in the document"),
                tuple(4, "annotation p1: the TextPositionSelector 8-18 holds \"HUMILIATED\" but the TextQuoteSelector says \"Trump\""),
                tuple(5, "annotation c1 has no TextualBody with purpose \"tagging\", which names a span's label"));
    }

    @Test
    void aDocumentNotInTheWorkspaceComesWithoutSpansForTheImportToReport() {
        ImportedFile file = read("{\"type\": \"Annotation\", \"id\": \"x\", \"body\": " + tag("Opinion") + ", \"target\": {\"source\":"
                + " \"urn:slant:document:elsewhere\", \"selector\": " + position(0, 3) + "}}", "ana");

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("elsewhere");
            assertThat(d.spans()).isEmpty();
        });
    }

    @Test
    void aFileWithoutAnnotationsSaysWhatItExpects() {
        assertThat(read("{\"type\": \"AnnotationPage\", \"items\": []}", "ana").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("holds no annotations"));
        assertThat(read("{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}", "ana").problems())
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("only linked"));
    }

    @Test
    void slantsOwnUrnsGiveBackTheIds() {
        assertThat(WebAnnotationReader.spanId("urn:slant:peace:ana:a%3Ab%20c%2F%C3%BC")).isEqualTo("a:b c/ü");
        assertThat(WebAnnotationReader.spanId("urn:uuid:1234")).isEqualTo("urn:uuid:1234");
        assertThat(WebAnnotationReader.documentName("urn:slant:document:peace")).isEqualTo("peace");
        assertThat(WebAnnotationReader.documentName("https://example.org/a?b=1")).isEqualTo("https://example.org/a?b=1");
        assertThat(WebAnnotationWriter.isAbsoluteIri("https://example.org/anno/1")).isTrue();
        assertThat(WebAnnotationWriter.isAbsoluteIri("T1")).isFalse();
        assertThat(WebAnnotationWriter.isAbsoluteIri("a b:c")).isFalse();
    }
}
