package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.document.Source;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * doccano's JSONL: one JSON object per line with "text", an optional "id", and spans either in the
 * relation layout, {@code "entities": [{"id", "label", "start_offset", "end_offset", "note"?, "attributes"?}]}
 * with {@code "relations": [{"id", "from_id", "to_id", "type"}]}, or in the sequence layout,
 * {@code "label": [[start, end, "Label"], ...]} (also "labels"). Slant's own lines add "sentences" and the
 * document's answers, as fields of their own or in "answers": every field that is not one of the line's
 * own is offered to the import as an answer, which takes those that name a document question. Offsets are
 * Python (code point) offsets. Every other field is kept as metadata. A bad line is reported with its
 * number and the other lines are still read.
 */
public final class JsonlReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> SPAN_FIELDS = Set.of("label", "labels", "entities", "notes", "relations", "sentences",
            "answers");

    public ImportedFile read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /**
     * @param layer when lines name several annotators (Slant's export writes one line per document
     *              and layer) and this is one of them, only its lines (and lines naming no annotator)
     *              are taken; may be null
     */
    public ImportedFile read(String fileName, byte[] content, String layer) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<ImportedDocument> documents = new ArrayList<>();
        String all = ImportText.withoutBom(ImportText.utf8(content, fileName, problems));
        if (all == null) {
            return new ImportedFile(documents, problems, warnings);
        }
        List<String> lines = ImportText.lines(all);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                ImportedDocument doc = readLine(fileName, i + 1, line, problems, warnings);
                if (doc != null) {
                    documents.add(doc);
                }
            }
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "the file holds no documents (no non-blank lines)"));
        }
        Set<String> annotators = new java.util.TreeSet<>();
        documents.forEach(d -> {
            if (d.metadata().containsKey("annotator")) {
                annotators.add(d.metadata().get("annotator"));
            }
        });
        if (annotators.size() > 1 && annotators.contains(layer)) {
            documents.removeIf(d -> d.metadata().containsKey("annotator") && !layer.equals(d.metadata().get("annotator")));
            warnings.add(new ImportProblem(fileName, 0, "only the lines of annotator " + layer + " are read; the file has "
                    + annotators));
        }
        return new ImportedFile(documents, problems, warnings);
    }

    private ImportedDocument readLine(String file, int lineNr, String line, List<ImportProblem> problems,
                                      List<ImportProblem> warnings) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            problems.add(new ImportProblem(file, lineNr, "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + what));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new ImportProblem(file, lineNr, "expected a JSON object like {\"text\": ..., \"label\": [...]}"));
            return null;
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isString() || text.stringValue().isBlank()) {
            problems.add(new ImportProblem(file, lineNr, "\"text\" is missing, empty or not a string"));
            return null;
        }
        String id = null;
        JsonNode idNode = node.get("id");
        if (idNode != null && (idNode.isString() || idNode.isIntegralNumber())) {
            id = idNode.isString() ? idNode.stringValue() : idNode.bigIntegerValue().toString();
        }
        Source source = source(node.get("source"), file, lineNr, warnings);
        if (id != null && !id.isBlank()) {
            try {
                source = source.withDatasetName(Source.inDataset(id, idNode.isIntegralNumber(), source.file()));
            } catch (IllegalArgumentException e) {
                warnings.add(new ImportProblem(file, lineNr, "the \"id\" is not kept as the document's dataset id: "
                        + e.getMessage()));
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!e.getKey().equals("text") && !SPAN_FIELDS.contains(e.getKey()) && !e.getKey().equals("id")) {
                metadata.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString());
            }
        });
        List<ImportedSpan> spans = new ArrayList<>();
        int before = problems.size();
        // Slant's export keeps notes as {"index in label": "note"}; doccano has no span notes
        JsonNode notes = node.get("notes");
        if (notes != null && !notes.isNull() && !notes.isObject()) {
            problems.add(new ImportProblem(file, lineNr, "\"notes\" must be an object of {\"label index\": \"note\"}"));
        }
        for (String field : List.of("label", "labels")) {
            JsonNode array = node.get(field);
            if (array == null || array.isNull()) {
                continue;
            }
            if (!array.isArray()) {
                problems.add(new ImportProblem(file, lineNr, '"' + field + "\" must be a list of [start, end, \"Label\"]"));
                continue;
            }
            int k = 0;
            for (JsonNode entry : array.values()) {
                String where = field + "[" + k++ + "]";
                if (!entry.isArray() || entry.size() < 3 || !entry.get(2).isString()) {
                    problems.add(new ImportProblem(file, lineNr, where + " must be [start, end, \"Label\"], got: "
                            + ImportText.abbreviate(entry.toString())));
                    continue;
                }
                Integer start = offset(entry.get(0), where + " start", file, lineNr, problems);
                Integer end = offset(entry.get(1), where + " end", file, lineNr, problems);
                JsonNode note = field.equals("label") && notes != null && notes.isObject()
                        ? notes.get(Integer.toString(k - 1)) : null;
                if (start != null && end != null) {
                    spans.add(new ImportedSpan(start, end, entry.get(2).stringValue(), null,
                            note != null && note.isString() ? note.stringValue() : null, file, lineNr));
                }
            }
        }
        JsonNode entities = node.get("entities");
        if (entities != null && !entities.isNull()) {
            if (!entities.isArray()) {
                problems.add(new ImportProblem(file, lineNr, "\"entities\" must be a list of {\"start_offset\", \"end_offset\", \"label\"}"));
            } else {
                int k = 0;
                for (JsonNode entry : entities.values()) {
                    int index = k++;
                    JsonNode label = entry.isObject() ? entry.get("label") : null;
                    if (label == null || !label.isString()) {
                        problems.add(new ImportProblem(file, lineNr, "entities[" + index + "] must be {\"start_offset\","
                                + " \"end_offset\", \"label\"}, got: " + ImportText.abbreviate(entry.toString())));
                        continue;
                    }
                    // the place is named only when something is wrong: this runs for every span of a large import
                    JsonNode startNode = entry.get("start_offset");
                    JsonNode endNode = entry.get("end_offset");
                    Integer start = isOffset(startNode) ? startNode.intValue()
                            : offset(startNode, "entities[" + index + "] start_offset", file, lineNr, problems);
                    Integer end = isOffset(endNode) ? endNode.intValue()
                            : offset(endNode, "entities[" + index + "] end_offset", file, lineNr, problems);
                    String spanId = idOf(entry.get("id"));
                    JsonNode note = entry.get("note");
                    Map<String, org.slant.label.AttributeValue> attributes = entry.has("attributes")
                            ? values(entry, "attributes", "entities[" + index + "]", file, lineNr, problems) : Map.of();
                    if (start != null && end != null) {
                        spans.add(new ImportedSpan(spanId, start, end, label.stringValue(), null,
                                note != null && note.isString() ? note.stringValue() : null, file, lineNr, attributes));
                    }
                }
            }
        }
        List<ImportedLink> links = relations(node.get("relations"), file, lineNr, problems);
        List<ImportedSentence> sentences = sentences(node.get("sentences"), file, lineNr, problems);
        // the document's answers: "answers", and every other field whose value could be one (the import takes
        // those that name a document question of the scheme and leaves the rest as the metadata they are)
        Map<String, org.slant.label.AttributeValue> answers = new LinkedHashMap<>(values(node, "answers", "", file, lineNr,
                problems));
        node.properties().forEach(e -> {
            if (!JsonlWriter.FIELDS.contains(e.getKey()) && !answers.containsKey(e.getKey())) {
                org.slant.label.AttributeValue v = valueOrNull(e.getValue());
                if (v != null) {
                    answers.put(e.getKey(), v);
                }
            }
        });
        if (problems.size() > before) {
            return null; // a line half read would import some of its spans and silently lose others
        }
        String title = metadata.containsKey("title") ? metadata.get("title") : ImportText.titleOf(text.stringValue(), id);
        return new ImportedDocument(id, title, text.stringValue(), metadata, spans, file, lineNr, source)
                .withStructure(links, sentences, answers);
    }

    /** A doccano id: a string, or a whole number as its digits; null otherwise. */
    private static String idOf(JsonNode id) {
        return id == null ? null : id.isString() ? id.stringValue()
                : id.isIntegralNumber() ? id.bigIntegerValue().toString() : null;
    }

    /** doccano's relations: {"id", "from_id", "to_id", "type"}, the ends being entity ids. */
    private static List<ImportedLink> relations(JsonNode array, String file, int lineNr, List<ImportProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new ImportProblem(file, lineNr, "\"relations\" must be a list of {\"from_id\", \"to_id\", \"type\"}"));
            return List.of();
        }
        List<ImportedLink> links = new ArrayList<>();
        int k = 0;
        for (JsonNode r : array.values()) {
            String where = "relations[" + k++ + "]";
            String from = r.isObject() ? idOf(r.get("from_id")) : null;
            String to = r.isObject() ? idOf(r.get("to_id")) : null;
            JsonNode type = r.isObject() ? r.get("type") : null;
            if (from == null || to == null || type == null || !type.isString() || type.stringValue().isBlank()) {
                problems.add(new ImportProblem(file, lineNr, where + " must be {\"from_id\", \"to_id\", \"type\"} naming two"
                        + " entity ids, got: " + ImportText.abbreviate(r.toString())));
                continue;
            }
            links.add(new ImportedLink(idOf(r.get("id")), type.stringValue(), from, to, file, lineNr));
        }
        return links;
    }

    /** Slant's "sentences": {"start", "end", "values"}. */
    private static List<ImportedSentence> sentences(JsonNode array, String file, int lineNr, List<ImportProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new ImportProblem(file, lineNr, "\"sentences\" must be a list of {\"start\", \"end\", \"values\"}"));
            return List.of();
        }
        List<ImportedSentence> sentences = new ArrayList<>();
        int k = 0;
        for (JsonNode s : array.values()) {
            String where = "sentences[" + k++ + "]";
            Integer start = offset(s.get("start"), where + " start", file, lineNr, problems);
            Integer end = offset(s.get("end"), where + " end", file, lineNr, problems);
            Map<String, org.slant.label.AttributeValue> values = values(s, "values", where, file, lineNr, problems);
            if (start != null && end != null) {
                sentences.add(new ImportedSentence(start, end, values, file, lineNr));
            }
        }
        return sentences;
    }

    /** An object of values (string, list of strings, whole number, true/false); empty, with a problem, when it is not. */
    private static Map<String, org.slant.label.AttributeValue> values(JsonNode node, String field, String where, String file,
                                                                      int lineNr, List<ImportProblem> problems) {
        if (!node.isObject()) {
            return Map.of();
        }
        try {
            return SlantJson.readValues(node, field, where);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(file, lineNr, e.getMessage()));
            return Map.of();
        }
    }

    /** A field's value as an answer, or null when it cannot be one (an object, an empty string, a number with a fraction). */
    private static org.slant.label.AttributeValue valueOrNull(JsonNode v) {
        if (v.isString() && v.stringValue().isBlank() || v.isArray() && v.isEmpty()) {
            return null;
        }
        try {
            return SlantJson.readValue(v, "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A line's "source": an object of outlet, url, published and file (as Slant's export writes it), or
     * an outlet's name. One that does not fit is left out with a warning: it is not worth refusing a line for.
     */
    private static Source source(JsonNode node, String file, int lineNr, List<ImportProblem> warnings) {
        if (node == null || node.isNull()) {
            return Source.UNKNOWN;
        }
        try {
            if (node.isString()) {
                return new Source(node.stringValue(), null, null);
            }
            Source s = SlantJson.readSource(node, "source");
            return new Source(s.outlet(), s.url(), s.published(), null, false, s.file());
        } catch (IllegalArgumentException e) {
            warnings.add(new ImportProblem(file, lineNr, "the \"source\" is not kept: " + e.getMessage()));
            return Source.UNKNOWN;
        }
    }

    private static boolean isOffset(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt();
    }

    private static Integer offset(JsonNode value, String what, String file, int line, List<ImportProblem> problems) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new ImportProblem(file, line, what + " must be a whole number, got: "
                    + (value == null ? "nothing" : ImportText.abbreviate(value.toString()))));
            return null;
        }
        return value.intValue();
    }
}
