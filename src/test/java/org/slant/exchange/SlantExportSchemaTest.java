package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.exportText;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slant.document.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks Slant JSON exports against src/main/resources/schema/slant-export.schema.json. The project
 * has no JSON Schema library, so this test carries a validator for exactly the keywords the schema
 * uses (and fails on any other, so the schema cannot grow a keyword this test ignores).
 */
class SlantExportSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "title", "description", "$ref",
            "oneOf", "type", "required", "additionalProperties", "properties", "items", "const", "enum", "pattern",
            "minimum", "minLength", "maxLength", "minItems", "format");

    private static JsonNode schema() throws IOException {
        try (InputStream in = SlantExportSchemaTest.class.getResourceAsStream("/schema/slant-export.schema.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void oneDocumentAndASetBothValidate() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        Document other = new Document("other", "Other", "Second text.", null, ExportFixtures.T0);

        JsonNode one = JSON.readTree(exportText(new SlantJsonWriter(), new ExportItem(DOC, List.of(alice(), bob()))));
        JsonNode set = JSON.readTree(exportText(new SlantJsonWriter(), new ExportItem(DOC, List.of(alice())),
                new ExportItem(other, List.of())));

        assertThat(errors(schema, schema, one, "$")).isEmpty();
        assertThat(errors(schema, schema, set, "$")).isEmpty();
    }

    @Test
    void theSchemaRejectsBrokenExports() throws IOException {
        JsonNode schema = schema();
        ObjectNode export = (ObjectNode) JSON.readTree(exportText(new SlantJsonWriter(), new ExportItem(DOC, List.of(alice()))));

        ObjectNode badSpan = export.deepCopy();
        ((ObjectNode) badSpan.get("layers").get(0).get("spans").get(0)).put("start", -1);
        ObjectNode extra = export.deepCopy();
        extra.put("surprise", true);
        ObjectNode wrongFormat = export.deepCopy();
        wrongFormat.put("format", "slant-export/2");
        ObjectNode noText = export.deepCopy();
        ((ObjectNode) noText.get("document")).remove("text");

        assertThat(errors(schema, schema, badSpan, "$")).isNotEmpty();
        assertThat(errors(schema, schema, extra, "$")).isNotEmpty();
        assertThat(errors(schema, schema, wrongFormat, "$")).isNotEmpty();
        assertThat(errors(schema, schema, noText, "$")).isNotEmpty();
    }

    /** The validation errors of {@code value} against {@code rule}; empty when valid. */
    private static List<String> errors(JsonNode root, JsonNode rule, JsonNode value, String at) {
        List<String> errors = new ArrayList<>();
        for (String keyword : rule.propertyNames()) {
            assertThat(KNOWN).as("schema keyword the test validator understands").contains(keyword);
        }
        if (rule.has("$ref")) {
            String ref = rule.get("$ref").stringValue();
            assertThat(ref).startsWith("#/$defs/");
            errors.addAll(errors(root, root.get("$defs").get(ref.substring("#/$defs/".length())), value, at));
        }
        if (rule.has("oneOf")) {
            long matching = rule.get("oneOf").values().stream().filter(r -> errors(root, r, value, at).isEmpty()).count();
            if (matching != 1) {
                errors.add(at + ": matches " + matching + " of oneOf");
            }
        }
        if (rule.has("type")) {
            String type = rule.get("type").stringValue();
            boolean ok = switch (type) {
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                case "string" -> value.isString();
                case "integer" -> value.isIntegralNumber();
                case "boolean" -> value.isBoolean();
                default -> throw new AssertionError("type " + type);
            };
            if (!ok) {
                errors.add(at + ": not " + type);
                return errors;
            }
        }
        if (rule.has("const") && !rule.get("const").equals(value)) {
            errors.add(at + ": not " + rule.get("const"));
        }
        if (rule.has("enum") && rule.get("enum").values().stream().noneMatch(value::equals)) {
            errors.add(at + ": not in " + rule.get("enum"));
        }
        if (value.isString()) {
            String s = value.stringValue();
            int length = s.codePointCount(0, s.length());
            if (rule.has("pattern") && !Pattern.compile(rule.get("pattern").stringValue()).matcher(s).find()) {
                errors.add(at + ": does not match " + rule.get("pattern").stringValue());
            }
            if (rule.has("minLength") && length < rule.get("minLength").intValue()) {
                errors.add(at + ": too short");
            }
            if (rule.has("maxLength") && length > rule.get("maxLength").intValue()) {
                errors.add(at + ": too long");
            }
        }
        if (value.isNumber() && rule.has("minimum") && value.longValue() < rule.get("minimum").longValue()) {
            errors.add(at + ": below " + rule.get("minimum"));
        }
        if (value.isObject()) {
            JsonNode properties = rule.get("properties");
            if (rule.has("required")) {
                for (JsonNode name : rule.get("required").values()) {
                    if (!value.has(name.stringValue())) {
                        errors.add(at + ": missing " + name.stringValue());
                    }
                }
            }
            for (String name : value.propertyNames()) {
                if (properties != null && properties.has(name)) {
                    errors.addAll(errors(root, properties.get(name), value.get(name), at + "." + name));
                } else if (rule.has("additionalProperties") && !rule.get("additionalProperties").booleanValue()) {
                    errors.add(at + ": unexpected " + name);
                }
            }
        }
        if (value.isArray()) {
            if (rule.has("minItems") && value.size() < rule.get("minItems").intValue()) {
                errors.add(at + ": fewer than " + rule.get("minItems") + " items");
            }
            if (rule.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    errors.addAll(errors(root, rule.get("items"), value.get(i), at + "[" + i + "]"));
                }
            }
        }
        return errors;
    }
}
