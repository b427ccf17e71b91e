package org.slant.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Curated example phrases per default label ({@code /guidelines/examples.json}), each shown inside the
 * sentence of the shipped sample article it comes from. A test checks that every phrase occurs there.
 */
final class GuidelineExamples {

    static final String RESOURCE = "/guidelines/examples.json";
    private static final int CONTEXT = 90;

    /** One example: the phrase, why it carries the label, and the text around it in its sentence. */
    record Example(String phrase, String why, String before, String after) {
    }

    private final String source;
    private final Map<String, List<Example>> byLabel = new LinkedHashMap<>();

    private GuidelineExamples(String source) {
        this.source = source;
    }

    static GuidelineExamples load() {
        JsonNode root = JsonMapper.shared().readTree(read(RESOURCE));
        GuidelineExamples examples = new GuidelineExamples(root.path("source").asString());
        String text = read(examples.source);
        for (var entry : root.path("examples").properties()) {
            List<Example> list = new ArrayList<>();
            for (JsonNode e : entry.getValue()) {
                list.add(inContext(text, e.path("phrase").asString(), e.path("why").asString()));
            }
            examples.byLabel.put(entry.getKey(), List.copyOf(list));
        }
        return examples;
    }

    /** The classpath resource the phrases are taken from (the sample article). */
    String source() {
        return source;
    }

    List<Example> of(String labelId) {
        return byLabel.getOrDefault(labelId, List.of());
    }

    Map<String, List<Example>> all() {
        return byLabel;
    }

    /** @throws IllegalStateException when the phrase is not in the text (the examples drifted from the article) */
    static Example inContext(String text, String phrase, String why) {
        int at = text.indexOf(phrase);
        if (phrase.isBlank() || at < 0) {
            throw new IllegalStateException("Guideline example not found in the sample article: " + phrase);
        }
        int from = at;
        while (from > 0 && !sentenceEnd(text, from - 1)) {
            from--;
        }
        int to = at + phrase.length();
        while (to < text.length() && text.charAt(to) != '\n' && !sentenceEnd(text, to - 1)) {
            to++;
        }
        String before = text.substring(from, at).stripLeading();
        String after = text.substring(at + phrase.length(), to).stripTrailing();
        if (before.length() > CONTEXT) { // cut at a space, so no word is shown in part
            int space = before.indexOf(' ', before.length() - CONTEXT);
            before = "…" + before.substring(space + 1);
        }
        if (after.length() > CONTEXT) {
            int space = after.lastIndexOf(' ', CONTEXT);
            after = after.substring(0, Math.max(space, 1)) + "…";
        }
        return new Example(phrase, why, before, after);
    }

    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && text.charAt(i + 1) == ' ');
    }

    private static String read(String resource) {
        try (InputStream in = GuidelineExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
