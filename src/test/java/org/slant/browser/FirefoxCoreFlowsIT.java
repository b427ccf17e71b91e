package org.slant.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core flows in Debian's firefox-esr, headless, over WebDriver BiDi (puppeteer-core; see {@link FirefoxFlows}
 * and src/test/firefox/core-flows.mjs): sign in through the login form, label a phrase of the sample document
 * with a mouse drag and a key, label with the keyboard only, delete a span and undo, and a student joining an
 * exercise with a class code and submitting. The script checks what the page shows and what the API saved; each
 * test here then checks the saved spans on the server too, in code points, after emoji where it matters.
 */
class FirefoxCoreFlowsIT extends ServerTestBase {

    /** Firefox's own account: an admin, so it may open every document; its layers are "firefox". */
    static final String USER = "firefox";
    static final String PASSWORD = "firefox-password";

    static FirefoxFlows firefox;

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TeachingService teaching;

    @BeforeAll
    static void startFirefox() throws IOException {
        firefox = FirefoxFlows.start();
    }

    @AfterAll
    static void stopFirefox() {
        if (firefox != null) {
            firefox.close();
            firefox = null;
        }
    }

    @Test
    void signInThroughTheLoginFormWithItsCsrfToken() {
        JsonNode result = firefox.run("signIn", signedInAs(USER, PASSWORD));
        assertThat(result.path("landedOn").asString()).doesNotContain("/login");
    }

    @Test
    void openTheSampleDragOverAPhrasePressOneAndItIsHighlightedWithItsTagSavedAndStillThereAfterAReload() {
        String phrase = "seemingly irreconcilable divide";
        firefox.run("labelWithTheMouse", with(signedInAs(USER, PASSWORD), Map.of("document", "peace-talks",
                "phrase", phrase, "key", "1", "label", "sensational", "tagWord", "SENS", "decoration", "wavy")));
        String text = documents.get("peace-talks").text();
        assertSpans("peace-talks", text, List.of(new Expected("sensational", phrase)));
    }

    @Test
    void labelWithTheKeyboardOnlyAfterAnEmoji() {
        String id = addDocumentThroughTheApi("Firefox keyboard test", KeyboardAnnotationIT.TEXT);
        firefox.run("labelWithTheKeyboard", with(signedInAs(USER, PASSWORD), Map.of("document", id)));
        assertSpans(id, KeyboardAnnotationIT.TEXT, List.of(new Expected("sensational", "a cruel auction"),
                new Expected("fact", "The 🚀 envoy left early.")));
    }

    @Test
    void deleteASpanAfterEmojiWithTheDeleteKeyAndUndoWithCtrlZ() {
        String text = "Fans 😀🎉 cheered.\nThe minister SLAMMED critics, the agency reported 🚀 on Monday.";
        String id = addDocumentThroughTheApi("Firefox undo test", text);
        JsonNode result = firefox.run("deleteAndUndo", with(signedInAs(USER, PASSWORD),
                Map.of("document", id, "phrase", "the agency reported 🚀")));
        Span back = assertSpans(id, text, List.of(new Expected("attribution", "the agency reported 🚀"))).getFirst();
        assertThat(result.path("deleted").asString()).as("the span deleted in the browser").isNotBlank();
        assertThat(back.start()).as("an emoji pair before it counts as two code points, not four UTF-16 units")
                .isEqualTo(text.indexOf("the agency reported") - 2);
    }

    @Test
    void aStudentJoinsWithTheClassCodeLabelsAPhraseAndSubmits() {
        String text = "Peace talks collapse\n\nThe minister SLAMMED critics on Monday, officials said. "
                + "It was a disgrace, one observer wrote.";
        String doc = documents.add(new Draft("Firefox classroom test", text), Source.UNKNOWN).id();
        ensureUser(USER, PASSWORD, true);
        mark(doc, text, "SLAMMED", "sensational");
        mark(doc, text, "a disgrace", "opinion");
        Exercise exercise = teaching.create(new TeachingService.NewExercise("Framing in Firefox", doc, USER, USER,
                "Mark sensational framing and opinion.", Set.of("sensational", "opinion"), false, null));
        String code = teaching.newClassCode(exercise.id()).classCode();

        JsonNode result = firefox.run("joinAndSubmit", Map.of("baseUrl", url(""), "code", code, "name", "Fox Student",
                "password", "fox-student-password-1", "phrase", "SLAMMED", "key", "1", "label", "sensational"));

        String student = result.path("user").asString();
        assertThat(student).isEqualTo("fox-student");
        assertThat(result.path("exercise").asString()).isEqualTo("/exercises/" + exercise.id());
        assertThat(result.path("verdicts").findValuesAsString("verdict")).containsExactly("match");
        assertThat(result.path("missed").asString()).contains("a disgrace");
        assertThat(teaching.submission(exercise.id(), student)).as("the submission, on the server").isPresent();
        List<Span> spans = annotations.layer(doc, student).spans();
        assertThat(spans).extracting(Span::label, Span::text).containsExactly(org.assertj.core.groups.Tuple.tuple("sensational", "SLAMMED"));
    }

    // ---- helpers ----

    record Expected(String label, String phrase) {
    }

    /** The layer "firefox" of the document holds exactly these spans, at their code point offsets in the text. */
    private List<Span> assertSpans(String documentId, String text, List<Expected> expected) {
        List<Span> spans = annotations.layer(documentId, USER).spans().stream()
                .sorted(java.util.Comparator.comparingInt(Span::start)).toList();
        assertThat(spans).extracting(Span::label).containsExactlyElementsOf(expected.stream().map(Expected::label).toList());
        for (int i = 0; i < spans.size(); i++) {
            String phrase = expected.get(i).phrase();
            int utf16 = text.indexOf(phrase);
            assertThat(spans.get(i).start()).as("start of \"" + phrase + "\" in code points").isEqualTo(text.codePointCount(0, utf16));
            assertThat(spans.get(i).end()).as("end of \"" + phrase + "\" in code points")
                    .isEqualTo(text.codePointCount(0, utf16 + phrase.length()));
            assertThat(spans.get(i).text()).isEqualTo(phrase);
        }
        return spans;
    }

    private void mark(String doc, String text, String part, String label) {
        int start = text.codePointCount(0, text.indexOf(part));
        annotations.create(doc, USER, start, start + part.codePointCount(0, part.length()), label, false);
    }

    private Map<String, Object> signedInAs(String user, String password) {
        ensureUser(user, password, true);
        return Map.of("baseUrl", url(""), "user", user, "password", password);
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }

    /** Adds a document as a script would: POST /api/documents with Firefox's user's API token. */
    private String addDocumentThroughTheApi(String title, String text) {
        ensureUser(USER, PASSWORD, true);
        String token = users.createToken(USER, "firefox test").secret();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/documents")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(Map.of("title", title, "text", text))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST /api/documents: " + response.body()).isEqualTo(201);
            return JsonMapper.shared().readTree(response.body()).path("id").asString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
