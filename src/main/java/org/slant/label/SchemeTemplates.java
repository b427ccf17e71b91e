package org.slant.label;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheme templates a project can start from, read once from {@code schemes/<id>.json} on the classpath
 * ({@code "format": "slant-scheme/1"}, the scheme in the same shape as in {@code projects.json}, plus id, name,
 * description and reference). The scheme itself is read by the one JSON mapping of schemes, which the caller
 * passes in ({@code SlantJson::readScheme}): this package sits below the formats and cannot reach it.
 */
public final class SchemeTemplates {

    /** The format every template file names. */
    public static final String FORMAT = "slant-scheme/1";
    /** The template a project gets when none is named: {@link Scheme#defaults()}. */
    public static final String DEFAULT_ID = "slant-default";
    /** The templates, in the order they are offered. */
    public static final List<String> IDS = List.of(DEFAULT_ID, "parc", "basil", "media-frames", "semeval-2020-task-11",
            "babe");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<SchemeTemplate> templates;

    /**
     * @param readScheme the scheme of a template file's object (its "labels", "links", "sentenceLabels" and
     *                   "documentQuestions"); refuses with a message naming the item
     * @throws IllegalStateException naming the file when a template is missing or does not read
     */
    public SchemeTemplates(Function<JsonNode, Scheme> readScheme) {
        List<SchemeTemplate> read = new ArrayList<>();
        for (String id : IDS) {
            read.add(load(id, readScheme));
        }
        this.templates = List.copyOf(read);
    }

    /** Only the default template, for services built without the template files (tests, old callers). */
    private SchemeTemplates(List<SchemeTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public static SchemeTemplates defaultOnly() {
        return new SchemeTemplates(List.of(new SchemeTemplate(DEFAULT_ID, "Slant default",
                "Sensational framing, Attribution (with its Source and Cue), Opinion and Reported fact.", "",
                Scheme.defaults())));
    }

    private static SchemeTemplate load(String id, Function<JsonNode, Scheme> readScheme) {
        String file = "schemes/" + id + ".json";
        try (InputStream in = SchemeTemplates.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The scheme template " + file + " is missing from the classpath");
            }
            JsonNode node = JSON.readTree(in);
            if (!FORMAT.equals(node.path("format").asString(null))) {
                throw new IllegalStateException(file + ": \"format\" must be \"" + FORMAT + "\"");
            }
            if (!id.equals(node.path("id").asString(null))) {
                throw new IllegalStateException(file + ": \"id\" must be \"" + id + "\", as the file is named");
            }
            return new SchemeTemplate(id, node.path("name").asString(null), node.path("description").asString(""),
                    node.path("reference").asString(""), readScheme.apply(node));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e instanceof IllegalStateException ? e : new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every template, the default first. */
    public List<SchemeTemplate> all() {
        return templates;
    }

    public Optional<SchemeTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** @throws IllegalArgumentException naming the id and the templates there are */
    public SchemeTemplate get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no scheme template \"" + id
                + "\"; the templates are: " + String.join(", ", templates.stream().map(SchemeTemplate::id).toList())));
    }
}
