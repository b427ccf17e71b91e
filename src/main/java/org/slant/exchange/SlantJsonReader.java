package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Slant JSON export ({@code "format": "slant-export/1"}, written by {@link JsonExport}): the
 * document and the spans of one layer, the one named by the caller or, when the file has only one
 * layer, that one. Span ids and times are not kept: imported spans get new ones in the target layer.
 */
public final class SlantJsonReader {

    /**
     * @param layer the annotator whose layer to take when the file has several; may be null when
     *              the file has one layer
     */
    public ImportedFile read(String fileName, byte[] content, String layer) {
        List<ImportProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = SlantJson.parse(content);
            SlantJson.requireFormat(root, SlantJson.EXPORT_FORMAT);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(fileName, lineIn(e.getMessage()), e.getMessage()));
            return new ImportedFile(List.of(), problems, List.of());
        }
        ImportJsonLines lines = new ImportJsonLines(content);
        JsonNode doc = root.get("document");
        if (doc == null || !doc.isObject()) {
            problems.add(new ImportProblem(fileName, 0, "\"document\" is missing or not an object"));
            return new ImportedFile(List.of(), problems, List.of());
        }
        int docLine = lines.lineOf("/document");
        String id = text(doc, "id");
        String title = text(doc, "title");
        String text = text(doc, "text");
        if (text == null || text.isBlank()) {
            problems.add(new ImportProblem(fileName, docLine, "the document has no \"text\""));
            return new ImportedFile(List.of(), problems, List.of());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode source = doc.get("source");
        if (source != null && source.isObject()) {
            source.properties().forEach(e -> metadata.put("source." + e.getKey(),
                    e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            problems.add(new ImportProblem(fileName, 0, "\"layers\" is missing or not a list"));
            return new ImportedFile(List.of(), problems, List.of());
        }
        int chosen = chooseLayer(layers, layer, fileName, problems);
        if (chosen < 0) {
            return new ImportedFile(List.of(), problems, List.of());
        }
        List<ImportedSpan> spans = new ArrayList<>();
        JsonNode array = layers.get(chosen).get("spans");
        if (array == null || !array.isArray()) {
            problems.add(new ImportProblem(fileName, lines.lineOf("/layers/" + chosen), "the layer has no \"spans\" list"));
            return new ImportedFile(List.of(), problems, List.of());
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            int line = lines.lineOf("/layers/" + chosen + "/spans/" + i);
            String where = "spans[" + i + "]";
            if (!s.isObject()) {
                problems.add(new ImportProblem(fileName, line, where + " is not an object"));
                continue;
            }
            JsonNode start = s.get("start");
            JsonNode end = s.get("end");
            String label = text(s, "label");
            String spanText = text(s, "text");
            if (start == null || !start.canConvertToInt() || !start.isIntegralNumber()
                    || end == null || !end.canConvertToInt() || !end.isIntegralNumber()) {
                problems.add(new ImportProblem(fileName, line, where + ": \"start\" and \"end\" must be whole numbers"));
                continue;
            }
            if (label == null || label.isBlank()) {
                problems.add(new ImportProblem(fileName, line, where + ": \"label\" is missing"));
                continue;
            }
            if (spanText == null) {
                problems.add(new ImportProblem(fileName, line, where + ": \"text\" is missing"));
                continue;
            }
            spans.add(new ImportedSpan(start.intValue(), end.intValue(), label, spanText, text(s, "note"), fileName, line));
        }
        return new ImportedFile(List.of(new ImportedDocument(id, title, text, metadata, spans, fileName, docLine)),
                problems, List.of());
    }

    private static int chooseLayer(JsonNode layers, String wanted, String file, List<ImportProblem> problems) {
        List<String> names = new ArrayList<>();
        for (JsonNode l : layers.values()) {
            names.add(l.isObject() ? text(l, "annotator") : null);
        }
        if (names.size() == 1) {
            return 0;
        }
        int at = wanted == null ? -1 : names.indexOf(wanted);
        if (at >= 0) {
            return at;
        }
        problems.add(new ImportProblem(file, 0, names.isEmpty() ? "the file has no layers"
                : "the file has " + names.size() + " layers " + names + " and none is "
                        + (wanted == null ? "named" : "\"" + wanted + "\"") + "; import one of them by its annotator name"));
        return -1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** SlantJson's syntax errors start with "line L, column C: ". */
    private static int lineIn(String message) {
        if (message != null && message.startsWith("line ")) {
            int comma = message.indexOf(',');
            try {
                return Integer.parseInt(message.substring(5, comma));
            } catch (RuntimeException e) {
                return 0; // a parser message without a line number: the problem is reported without one
            }
        }
        return 0;
    }
}
