package org.slant.exchange;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The line on which each JSON object starts, by JSON pointer ("/layers/0/spans/3"). A tree has no
 * positions, but a problem with a span must point at its line; one extra streaming pass finds them.
 */
final class ImportJsonLines {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Map<String, Integer> lines = new HashMap<>();

    ImportJsonLines(byte[] json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    lines.put(p.streamReadContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JacksonException e) {
            // the tree parse reports syntax errors; here a partial map is enough
        }
    }

    /** 1-based line, or 0 when unknown. */
    int lineOf(String pointer) {
        return Math.max(0, lines.getOrDefault(pointer, 0));
    }
}
