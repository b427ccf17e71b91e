package org.slant.exchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slant.document.CodePointIndex;
import org.slant.label.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * W3C Web Annotation (JSON-LD): an {@code AnnotationCollection} with its annotations in {@code first.items}
 * (pages linked by an embedded {@code next} are followed), an {@code AnnotationPage}, one {@code Annotation},
 * or a JSON array of annotations. An annotation with motivation {@code linking} (or a target of two ids) is a
 * link between two span annotations of the file; one on the document itself (its IRI as the target) gives
 * answers; one on a text range with no {@code tagging} body but {@code name=value} bodies gives sentence
 * labels. Every other annotation on a text range becomes a span:
 * <ul>
 *   <li>its range from the {@code TextPositionSelector} (code points, as the model counts), checked against
 *       a {@code TextQuoteSelector}'s {@code exact} when there is one; with only a quote, the one place in the
 *       text where exact, prefix and suffix fit;</li>
 *   <li>its label from the {@code TextualBody} with purpose {@code tagging} (several: one span per tag), its
 *       note from the {@code commenting} ones, its attributes from {@code classifying} and {@code describing}
 *       ones holding {@code name=value} (several of one name: the values of a multiple choice);</li>
 *   <li>its id from the annotation's {@code id}: Slant's own {@code urn:slant:{doc}:{annotator}:{span}} gives
 *       the span id back, any other IRI is kept whole.</li>
 * </ul>
 * A Web Annotation file does not hold the text, so, as with CoNLL, every document must be in the workspace:
 * {@code target.source} names it ({@code urn:slant:document:{id}}, or the IRI it was imported with or its
 * source URL), and {@code workspaceText} gives its text. With annotations of several creators, only those
 * of the target layer's name are read when there are some.
 */
public final class WebAnnotationReader {

    private static final String DOCUMENT_URN = "urn:slant:document:";

    /** What one annotation says about one document: spans, or sentence labels, or answers, or a link. */
    private record Found(String document, int line, List<ImportedSpan> spans, String creator,
                         List<ImportedSentence> sentences, Map<String, AttributeValue> answers, ImportedLink link) {

        Found(String document, int line, List<ImportedSpan> spans, String creator) {
            this(document, line, spans, creator, List.of(), Map.of(), null);
        }
    }

    /**
     * @param layer         the target annotator: picks that creator's annotations when there are several creators
     * @param workspaceText the workspace's text of a document named by a target's source, null when there is none
     */
    public ImportedFile read(String fileName, byte[] content, String layer, Function<String, String> workspaceText) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        JsonNode root;
        try {
            root = parse(content);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(fileName, 0, e.getMessage()));
            return new ImportedFile(List.of(), problems, warnings);
        }
        ImportJsonLines lines = new ImportJsonLines(content);
        List<Found> found = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        int[] annotations = {0};
        List<JsonNode> linking = new ArrayList<>();
        List<Integer> linkLines = new ArrayList<>();
        Map<String, String> spanDocuments = new HashMap<>(); // a span annotation's id -> its document
        forEachAnnotation(root, "", fileName, problems, (node, pointer) -> {
            annotations[0]++;
            if (isLink(node)) {
                linking.add(node);
                linkLines.add(lines.lineOf(pointer));
                return;
            }
            Found f = annotation(fileName, node, lines.lineOf(pointer), workspaceText, texts, problems);
            if (f != null) {
                found.add(f);
                if (!f.spans().isEmpty() && f.spans().getFirst().id() != null) {
                    spanDocuments.put(node.get("id").stringValue(), f.document());
                }
            }
        });
        for (int i = 0; i < linking.size(); i++) {
            Found f = link(fileName, linking.get(i), linkLines.get(i), spanDocuments, problems);
            if (f != null) {
                found.add(f);
            }
        }
        if (annotations[0] == 0 && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "the file holds no annotations (expected an AnnotationCollection,"
                    + " an AnnotationPage, an Annotation or a list of them)"));
        }
        Set<String> creators = new TreeSet<>();
        found.forEach(f -> {
            if (f.creator() != null) {
                creators.add(f.creator());
            }
        });
        List<Found> chosen = found;
        if (creators.size() > 1 && creators.contains(layer)) {
            chosen = found.stream().filter(f -> f.creator() == null || f.creator().equals(layer)).toList();
            warnings.add(new ImportProblem(fileName, 0, "only the annotations of " + layer + " are read; the file has "
                    + creators));
        }
        Map<String, List<Found>> byDocument = new LinkedHashMap<>();
        chosen.forEach(f -> byDocument.computeIfAbsent(f.document(), k -> new ArrayList<>()).add(f));
        List<ImportedDocument> documents = new ArrayList<>();
        for (var e : byDocument.entrySet()) {
            List<ImportedSpan> spans = e.getValue().stream().flatMap(f -> f.spans().stream()).toList();
            List<ImportedSentence> sentences = e.getValue().stream().flatMap(f -> f.sentences().stream()).toList();
            List<ImportedLink> links = e.getValue().stream().map(Found::link).filter(java.util.Objects::nonNull).toList();
            Map<String, AttributeValue> answers = new LinkedHashMap<>();
            e.getValue().forEach(f -> answers.putAll(f.answers()));
            documents.add(new ImportedDocument(e.getKey(), null, null, Map.of(), spans, fileName,
                    e.getValue().getFirst().line(), ImportText.datasetName(e.getKey(), false, null))
                    .withStructure(links, sentences, answers));
        }
        return new ImportedFile(documents, problems, warnings);
    }

    private static JsonNode parse(byte[] content) {
        if (content.length > 0 && content[0] == '[') {
            // a bare list of annotations; SlantJson.parse takes objects only, so wrap it
            byte[] wrapped = new byte[content.length + "{\"items\":}".length()];
            byte[] head = "{\"items\":".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, wrapped, 0, head.length);
            System.arraycopy(content, 0, wrapped, head.length, content.length);
            wrapped[wrapped.length - 1] = '}';
            return SlantJson.parse(wrapped);
        }
        return SlantJson.parse(content);
    }

    /** Calls {@code each} with every annotation object and its JSON pointer, in file order. */
    private static void forEachAnnotation(JsonNode root, String pointer, String file, List<ImportProblem> problems,
                                          java.util.function.BiConsumer<JsonNode, String> each) {
        String type = typeOf(root);
        if ("Annotation".equals(type) || (type == null && root.has("target"))) {
            each.accept(root, pointer);
            return;
        }
        JsonNode page = root;
        String at = pointer;
        if ("AnnotationCollection".equals(type)) {
            page = root.get("first");
            at = pointer + "/first";
            if (page != null && page.isString()) {
                problems.add(new ImportProblem(file, 0, "the collection's first page is only linked (" + page.stringValue()
                        + "); save the pages with their annotations embedded in one file"));
                return;
            }
        }
        for (int guard = 0; page != null && page.isObject() && guard < 100_000; guard++) {
            JsonNode items = page.get("items");
            if (items != null && items.isArray()) {
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    if (item.isObject()) {
                        each.accept(item, at + "/items/" + i);
                    } else {
                        problems.add(new ImportProblem(file, 0, "items[" + i + "] is not an annotation object"));
                    }
                }
            } else if (items != null) {
                problems.add(new ImportProblem(file, 0, "\"items\" must be a list of annotations"));
            }
            page = page.get("next");
            at = at + "/next";
        }
    }

    private static String typeOf(JsonNode node) {
        JsonNode type = node.get("type");
        if (type == null) {
            type = node.get("@type");
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type.values()) {
                if (t.isString() && t.stringValue().startsWith("Annotation")) {
                    return t.stringValue();
                }
            }
            return null;
        }
        return type != null && type.isString() ? type.stringValue() : null;
    }

    /** A link: motivation "linking", or a target of two annotation ids. */
    private static boolean isLink(JsonNode a) {
        JsonNode motivation = a.get("motivation");
        if (motivation != null && motivation.isString() && motivation.stringValue().equals("linking")) {
            return true;
        }
        JsonNode target = a.get("target");
        return target != null && target.isArray() && target.size() == 2 && target.get(0).isString() && target.get(1).isString();
    }

    /** A link between two span annotations of this file, from the first target to the second. */
    private static Found link(String file, JsonNode a, int line, Map<String, String> spanDocuments,
                              List<ImportProblem> problems) {
        String id = a.has("id") && a.get("id").isString() ? a.get("id").stringValue() : null;
        String name = "link annotation " + (id == null ? "without an id" : id);
        JsonNode target = a.get("target");
        if (target == null || !target.isArray() || target.size() != 2) {
            problems.add(new ImportProblem(file, line, name + " must target two annotations, from first, to second"));
            return null;
        }
        String[] ends = new String[2];
        for (int i = 0; i < 2; i++) {
            JsonNode t = target.get(i);
            ends[i] = t.isString() ? t.stringValue() : t.isObject() && t.has("id") && t.get("id").isString()
                    ? t.get("id").stringValue() : null;
            if (ends[i] == null || !spanDocuments.containsKey(ends[i])) {
                problems.add(new ImportProblem(file, line, name + ": its " + (i == 0 ? "first" : "second") + " target "
                        + (ends[i] == null ? "is not an annotation's id" : ends[i] + " is not a span annotation of this file")));
                return null;
            }
        }
        if (!spanDocuments.get(ends[0]).equals(spanDocuments.get(ends[1]))) {
            problems.add(new ImportProblem(file, line, name + " joins annotations of two documents"));
            return null;
        }
        List<String> types = new ArrayList<>();
        for (JsonNode body : bodies(a.get("body"))) {
            if ("tagging".equals(purposeOf(body)) && body.has("value") && body.get("value").isString()) {
                types.add(body.get("value").stringValue());
            }
        }
        if (types.size() != 1) {
            problems.add(new ImportProblem(file, line, name + " needs one TextualBody with purpose \"tagging\" naming"
                    + " the link type, has " + types.size()));
            return null;
        }
        return new Found(spanDocuments.get(ends[0]), line, List.of(), creator(a), List.of(), Map.of(),
                new ImportedLink(linkId(id), types.getFirst(), spanId(ends[0]), spanId(ends[1]), file, line));
    }

    private static String purposeOf(JsonNode body) {
        return body.has("purpose") && body.get("purpose").isString() ? body.get("purpose").stringValue() : null;
    }

    /** One annotation's spans, sentence labels or answers, or null with a problem naming it. */
    private static Found annotation(String file, JsonNode a, int line, Function<String, String> workspaceText,
                                    Map<String, String> texts, List<ImportProblem> problems) {
        String id = a.has("id") && a.get("id").isString() ? a.get("id").stringValue() : null;
        String name = "annotation " + (id == null ? "without an id" : id);
        JsonNode target = a.get("target");
        if (target != null && target.isArray()) {
            if (target.size() != 1) {
                problems.add(new ImportProblem(file, line, name + " has " + target.size() + " targets; a span has one"));
                return null;
            }
            target = target.get(0);
        }
        List<String> labels = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (JsonNode body : bodies(a.get("body"))) {
            String purpose = purposeOf(body);
            JsonNode value = body.get("value");
            if (value == null || !value.isString()) {
                continue;
            }
            if ("tagging".equals(purpose)) {
                labels.add(value.stringValue());
            } else if ("classifying".equals(purpose) || "describing".equals(purpose)) {
                String v = value.stringValue();
                int eq = v.indexOf('=');
                if (eq <= 0 || eq == v.length() - 1) {
                    problems.add(new ImportProblem(file, line, name + ": its " + purpose + " body \"" + ImportText.abbreviate(v)
                            + "\" is not name=value"));
                    return null;
                }
                String key = v.substring(0, eq).strip();
                String given = v.substring(eq + 1).strip();
                AttributeValue before = values.get(key);
                values.put(key, before == null ? new AttributeValue.Text(given)
                        : new AttributeValue.Choices(java.util.stream.Stream.concat(before.choiceIds().stream(),
                        java.util.stream.Stream.of(given)).distinct().toList())); // several bodies: several choices
            } else if ("commenting".equals(purpose) || purpose == null) {
                comments.add(value.stringValue());
            }
        }
        if (target != null && target.isString()) {
            // the document itself: its answers
            String document = documentName(target.stringValue());
            return new Found(document, line, List.of(), creator(a), List.of(), values, null);
        }
        if (target == null || !target.isObject()) {
            problems.add(new ImportProblem(file, line, name + " has no target with a source and selectors"));
            return null;
        }
        JsonNode sourceNode = target.get("source");
        if (sourceNode == null || !sourceNode.isString() || sourceNode.stringValue().isBlank()) {
            problems.add(new ImportProblem(file, line, name + ": its target has no \"source\" naming the document"));
            return null;
        }
        String document = documentName(sourceNode.stringValue());
        if (!target.has("selector")) {
            return new Found(document, line, List.of(), creator(a), List.of(), values, null);
        }
        if (labels.isEmpty() && values.isEmpty()) {
            problems.add(new ImportProblem(file, line, name + " has no TextualBody with purpose \"tagging\", which"
                    + " names a span's label"));
            return null;
        }
        String text = texts.computeIfAbsent(document, k -> workspaceText.apply(k));
        if (text == null) {
            // not in the workspace (or not the user's to write): the import service says so, once per document
            return new Found(document, line, List.of(), creator(a));
        }
        int[] range = range(file, line, name, target.get("selector"), text, problems);
        if (range == null) {
            return null;
        }
        if (labels.isEmpty()) {
            // classifying a range without a label: sentence labels
            return new Found(document, line, List.of(), creator(a),
                    List.of(new ImportedSentence(range[0], range[1], values, file, line)), Map.of(), null);
        }
        String spanId = spanId(id);
        String note = comments.isEmpty() ? null : String.join("\n", comments);
        String covered = new CodePointIndex(text).slice(text, range[0], range[1]);
        List<ImportedSpan> spans = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            spans.add(new ImportedSpan(i == 0 ? spanId : null, range[0], range[1], labels.get(i), covered, note, file, line,
                    values));
        }
        return new Found(document, line, spans, creator(a));
    }

    private static List<JsonNode> bodies(JsonNode body) {
        if (body == null) {
            return List.of();
        }
        if (body.isArray()) {
            return body.values().stream().filter(JsonNode::isObject).toList();
        }
        return body.isObject() ? List.of(body) : List.of();
    }

    /** Code point start and end from the selectors, or null with a problem. */
    private static int[] range(String file, int line, String name, JsonNode selector, String text,
                               List<ImportProblem> problems) {
        JsonNode position = null;
        JsonNode quote = null;
        List<JsonNode> selectors = selector == null ? List.of()
                : selector.isArray() ? selector.values().stream().toList() : List.of(selector);
        for (JsonNode s : selectors) {
            String type = s.isObject() && s.has("type") && s.get("type").isString() ? s.get("type").stringValue() : "";
            if (type.equals("TextPositionSelector") && position == null) {
                position = s;
            } else if (type.equals("TextQuoteSelector") && quote == null) {
                quote = s;
            }
        }
        CodePointIndex index = new CodePointIndex(text);
        String exact = quote != null && quote.has("exact") && quote.get("exact").isString() ? quote.get("exact").stringValue() : null;
        if (position != null) {
            JsonNode start = position.get("start");
            JsonNode end = position.get("end");
            if (start == null || end == null || !start.isIntegralNumber() || !end.isIntegralNumber()
                    || !start.canConvertToInt() || !end.canConvertToInt()) {
                problems.add(new ImportProblem(file, line, name + ": the TextPositionSelector's start and end must be"
                        + " whole numbers"));
                return null;
            }
            int s = start.intValue();
            int e = end.intValue();
            if (exact != null && s >= 0 && e > s && e <= index.codePointLength() && !index.slice(text, s, e).equals(exact)) {
                problems.add(new ImportProblem(file, line, name + ": the TextPositionSelector " + s + "-" + e + " holds \""
                        + ImportText.abbreviate(index.slice(text, s, e)) + "\" but the TextQuoteSelector says \""
                        + ImportText.abbreviate(exact) + "\""));
                return null;
            }
            return new int[] {s, e};
        }
        if (exact == null || exact.isEmpty()) {
            problems.add(new ImportProblem(file, line, name + " has neither a TextPositionSelector nor a TextQuoteSelector"
                    + " with \"exact\""));
            return null;
        }
        String prefix = quote.has("prefix") && quote.get("prefix").isString() ? quote.get("prefix").stringValue() : "";
        String suffix = quote.has("suffix") && quote.get("suffix").isString() ? quote.get("suffix").stringValue() : "";
        List<Integer> places = new ArrayList<>();
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            if (text.startsWith(prefix, at - prefix.length()) && text.startsWith(suffix, at + exact.length())) {
                places.add(at);
            }
        }
        if (places.size() != 1) {
            problems.add(new ImportProblem(file, line, name + ": its TextQuoteSelector \"" + ImportText.abbreviate(exact)
                    + "\" fits " + (places.isEmpty() ? "nowhere in" : places.size() + " places in") + " the document"
                    + (places.isEmpty() ? "" : "; add a TextPositionSelector")));
            return null;
        }
        int s = index.toCodePoint(places.getFirst());
        return new int[] {s, s + exact.codePointCount(0, exact.length())};
    }

    /** Slant's own {@code urn:slant:document:{id}} gives the id back; any other IRI names the document as it is. */
    static String documentName(String source) {
        return source.startsWith(DOCUMENT_URN) ? decode(source.substring(DOCUMENT_URN.length())) : source;
    }

    /** Slant's own {@code urn:slant:{doc}:{annotator}:link:{id}} gives the link id back; any other IRI is kept whole. */
    static String linkId(String annotationId) {
        if (annotationId == null) {
            return null;
        }
        String[] parts = annotationId.split(":", -1);
        if (parts.length == 6 && parts[0].equals("urn") && parts[1].equals("slant") && parts[4].equals("link")) {
            return decode(parts[5]);
        }
        return annotationId;
    }

    /** Slant's own {@code urn:slant:{doc}:{annotator}:{span}} gives the span id back; any other IRI is kept whole. */
    static String spanId(String annotationId) {
        if (annotationId == null) {
            return null;
        }
        String[] parts = annotationId.split(":", -1);
        if (parts.length == 5 && parts[0].equals("urn") && parts[1].equals("slant") && !parts[4].isEmpty()) {
            return decode(parts[4]);
        }
        return annotationId;
    }

    /** The creator's name: its nickname or name, or the last part of its id ({@code urn:slant:annotator:ana}). */
    private static String creator(JsonNode a) {
        JsonNode c = a.get("creator");
        if (c == null) {
            return null;
        }
        if (c.isString()) {
            String s = c.stringValue();
            return s.substring(s.lastIndexOf(':') + 1);
        }
        for (String field : List.of("nickname", "name")) {
            if (c.has(field) && c.get(field).isString()) {
                return c.get(field).stringValue();
            }
        }
        if (c.has("id") && c.get("id").isString()) {
            String s = c.get("id").stringValue();
            return s.substring(s.lastIndexOf(':') + 1);
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%': the name as written
        }
    }
}
