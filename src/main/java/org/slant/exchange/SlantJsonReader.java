package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.document.Source;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Slant JSON export: one document ({@code "format": "slant-export/1"}, written by {@link JsonExport})
 * or a set of them ({@code "slant-export-set/1"}, {@link SlantJsonWriter}), each with one layer: the one
 * named by the caller or, when the document has only one layer, that one. The layer's spans (with their
 * attributes), links, sentence labels and answers, the document's id and source (with its dataset id and
 * file), span and link ids and the export's scheme come along; times do not (what is imported is stamped
 * with the time of the import).
 */
public final class SlantJsonReader {

    /**
     * @param layer the annotator whose layer to take when the file has several; may be null when
     *              the file has one layer
     */
    public ImportedFile read(String fileName, byte[] content, String layer) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        JsonNode root;
        boolean set;
        try {
            root = SlantJson.parse(content);
            set = SlantJsonWriter.SET_FORMAT.equals(SlantJson.string(root, "format", "", false));
            if (!set) {
                SlantJson.requireFormat(root, SlantJson.EXPORT_FORMAT);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(fileName, lineIn(e.getMessage()), e.getMessage()));
            return new ImportedFile(List.of(), problems, List.of());
        }
        ImportJsonLines lines = new ImportJsonLines(content);
        List<ImportedDocument> documents = new ArrayList<>();
        org.slant.label.Scheme scheme = null;
        if (root.has("labels")) {
            try {
                scheme = SlantJson.readScheme(root);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, lines.lineOf("/labels/0"), e.getMessage()));
            }
        }
        if (!set) {
            readDocument(fileName, root, "", layer, lines, documents, problems);
            return new ImportedFile(documents, problems, warnings, scheme);
        }
        JsonNode items = root.get("documents");
        if (items == null || !items.isArray()) {
            problems.add(new ImportProblem(fileName, 0, "\"documents\" is missing or not a list"));
            return new ImportedFile(List.of(), problems, List.of());
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(new ImportProblem(fileName, lines.lineOf("/documents/" + i), "documents[" + i + "] is not an object"));
                continue;
            }
            readDocument(fileName, item, "/documents/" + i, layer, lines, documents, problems);
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "the file holds no documents"));
        }
        return new ImportedFile(documents, problems, warnings, scheme);
    }

    /** One {"document", "layers"} object at JSON pointer {@code at}; in a set, a document may have no layer. */
    private static void readDocument(String fileName, JsonNode item, String at, String layer, ImportJsonLines lines,
                                     List<ImportedDocument> documents, List<ImportProblem> problems) {
        JsonNode doc = item.get("document");
        if (doc == null || !doc.isObject()) {
            problems.add(new ImportProblem(fileName, lines.lineOf(at), "\"document\" is missing or not an object"));
            return;
        }
        int docLine = lines.lineOf(at + "/document");
        String id = text(doc, "id");
        String title = text(doc, "title");
        String text = text(doc, "text");
        if (text == null || text.isBlank()) {
            problems.add(new ImportProblem(fileName, docLine, "the document has no \"text\""));
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Source source = Source.UNKNOWN;
        JsonNode sourceNode = doc.get("source");
        if (sourceNode != null && sourceNode.isObject()) {
            sourceNode.properties().forEach(e -> metadata.put("source." + e.getKey(),
                    e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
            try {
                source = SlantJson.readSource(sourceNode, "source");
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, lines.lineOf(at + "/document/source"), e.getMessage()));
                return;
            }
        }
        JsonNode layers = item.get("layers");
        if (layers == null || !layers.isArray()) {
            problems.add(new ImportProblem(fileName, lines.lineOf(at), "\"layers\" is missing or not a list"));
            return;
        }
        List<ImportedSpan> spans = new ArrayList<>();
        List<ImportedLink> links = new ArrayList<>();
        List<ImportedSentence> sentences = new ArrayList<>();
        Map<String, org.slant.label.AttributeValue> answers = Map.of();
        if (!(layers.isEmpty() && !at.isEmpty())) {
            int chosen = chooseLayer(layers, layer, fileName, at.isEmpty() ? 0 : lines.lineOf(at), at.isEmpty() ? null : id,
                    problems);
            if (chosen < 0) {
                return;
            }
            String layerAt = at + "/layers/" + chosen;
            JsonNode array = layers.get(chosen).get("spans");
            if (array == null || !array.isArray()) {
                problems.add(new ImportProblem(fileName, lines.lineOf(layerAt), "the layer has no \"spans\" list"));
                return;
            }
            readSpans(fileName, array, layerAt, lines, spans, problems);
            JsonNode chosenLayer = layers.get(chosen);
            readLinks(fileName, chosenLayer, layerAt, lines, links, problems);
            readSentences(fileName, chosenLayer, layerAt, lines, sentences, problems);
            try {
                answers = SlantJson.readValues(chosenLayer, "answers", "");
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, lines.lineOf(layerAt + "/answers"), e.getMessage()));
            }
        }
        documents.add(new ImportedDocument(id, title, text, metadata, spans, fileName, docLine, source)
                .withStructure(links, sentences, answers));
    }

    private static void readSpans(String fileName, JsonNode array, String layerAt, ImportJsonLines lines,
                                  List<ImportedSpan> spans, List<ImportProblem> problems) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            int line = lines.lineOf(layerAt + "/spans/" + i);
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
            Map<String, org.slant.label.AttributeValue> attributes;
            try {
                attributes = SlantJson.readValues(s, "attributes", where);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, line, e.getMessage()));
                continue;
            }
            spans.add(new ImportedSpan(text(s, "id"), start.intValue(), end.intValue(), label, spanText, text(s, "note"),
                    fileName, line, attributes));
        }
    }

    /** A layer's "links": {"id", "type", "from", "to"} each (author and time are the import's). */
    private static void readLinks(String fileName, JsonNode layer, String layerAt, ImportJsonLines lines,
                                  List<ImportedLink> links, List<ImportProblem> problems) {
        JsonNode array = layer.get("links");
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(new ImportProblem(fileName, lines.lineOf(layerAt), "\"links\" must be a list"));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode l = array.get(i);
            int line = lines.lineOf(layerAt + "/links/" + i);
            String type = l.isObject() ? text(l, "type") : null;
            String from = l.isObject() ? text(l, "from") : null;
            String to = l.isObject() ? text(l, "to") : null;
            if (type == null || from == null || to == null) {
                problems.add(new ImportProblem(fileName, line, "links[" + i + "] must be {\"type\", \"from\", \"to\"}"
                        + " with the ids of two spans"));
                continue;
            }
            links.add(new ImportedLink(text(l, "id"), type, from, to, fileName, line));
        }
    }

    /** A layer's "sentences": {"start", "end", "values"} each. */
    private static void readSentences(String fileName, JsonNode layer, String layerAt, ImportJsonLines lines,
                                      List<ImportedSentence> sentences, List<ImportProblem> problems) {
        JsonNode array = layer.get("sentences");
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(new ImportProblem(fileName, lines.lineOf(layerAt), "\"sentences\" must be a list"));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            int line = lines.lineOf(layerAt + "/sentences/" + i);
            String where = "sentences[" + i + "]";
            try {
                sentences.add(new ImportedSentence(SlantJson.integer(n, "start", where), SlantJson.integer(n, "end", where),
                        SlantJson.readValues(n, "values", where), fileName, line));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, line, e.getMessage()));
            }
        }
    }

    private static int chooseLayer(JsonNode layers, String wanted, String file, int line, String document,
                                   List<ImportProblem> problems) {
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
        String what = line > 0 && document != null ? "document " + document : "the file";
        problems.add(new ImportProblem(file, line, names.isEmpty() ? what + " has no layers"
                : what + " has " + names.size() + " layers " + names + " and none is "
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
