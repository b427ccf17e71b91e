package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every format carries what it can: a layer with attributes of every kind, roles and a plain relation,
 * sentence labels and answers is exported, imported into an empty workspace, exported and imported again,
 * and comes back with its spans (ids too where the format has them), links and attributes, and its sentence
 * labels and answers where the format holds them. One test per format that imports.
 */
class StructuredRoundTripTest {

    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said. Putin: «нет».\r\nCafe\u0301 is open.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Scheme SCHEME = scheme();

    @TempDir
    Path folder;

    private TestWorkspace origin;
    private Document doc;

    static Scheme scheme() {
        Scheme defaults = Scheme.defaults();
        List<Label> labels = new ArrayList<>();
        Attribute intensity = Attribute.scale("intensity", "Intensity", 1, 5, false, "How strong");
        for (Label l : defaults.labels()) {
            List<Attribute> attributes = switch (l.id()) {
                case "attribution" -> List.of(
                        Attribute.choice("polarity", "Polarity", true, "Towards the target",
                                new Choice("positive", "Positive"), new Choice("negative", "Negative"), new Choice("neutral", "Neutral")),
                        Attribute.choices("frames", "Frames", false, "Media frames",
                                new Choice("economic", "Economic"), new Choice("legality", "Legality"), new Choice("security", "Security")),
                        intensity,
                        Attribute.of("quote", "Quote", AttributeKind.FLAG, false, "Inside quotation marks"),
                        Attribute.of("target", "Target", AttributeKind.ENTITY, false, "Who it is about"),
                        Attribute.of("comment", "Comment", AttributeKind.TEXT, false, "Anything else"));
                case "sensational" -> List.of(intensity);
                default -> List.of();
            };
            labels.add(new Label(l.id(), l.name(), l.color(), l.hotkey(), l.mark(), l.definition(), attributes));
        }
        List<LinkType> types = new ArrayList<>(defaults.linkTypes());
        types.add(LinkType.relation("supports", "Supports", List.of("fact"), List.of("opinion"), "Evidence for"));
        return new Scheme(labels, types,
                List.of(Attribute.choice("bias", "Bias", false, "", new Choice("biased", "Biased"), new Choice("neutral", "Neutral"))),
                List.of(Attribute.choice("stance", "Stance", false, "", new Choice("pro", "Pro"), new Choice("anti", "Anti")),
                        Attribute.scale("confidence", "Confidence", 1, 3, false, ""),
                        Attribute.of("summary", "Summary", AttributeKind.TEXT, false, "")));
    }

    static Span span(String id, String part, String label, String note, Map<String, AttributeValue> attributes) {
        int[] r = ExportFixtures.at(TEXT, part);
        return new Span(id, r[0], r[1], label, part, note, "ana", TestWorkspace.NOW, TestWorkspace.NOW, attributes);
    }

    @BeforeEach
    void anAnnotatedDocument() {
        origin = new TestWorkspace(folder.resolve("origin")).withScheme(SCHEME);
        origin.importFile(AnnotationFormat.JSONL, "text.jsonl", ("{\"id\": 7, \"text\": " + JSON.writeValueAsString(TEXT) + "}\n")
                .getBytes(StandardCharsets.UTF_8), "nobody");
        doc = origin.byText(TEXT);
        List<Span> spans = List.of(
                span("s1", "Trump HUMILIATED the nation", "attribution", null, Map.of(
                        "polarity", new AttributeValue.Text("negative"),
                        "frames", new AttributeValue.Choices(List.of("economic", "legality")),
                        "intensity", new AttributeValue.Number(4),
                        "quote", new AttributeValue.Flag(true),
                        "target", new AttributeValue.Text("Putin"),
                        "comment", new AttributeValue.Text("hm, \"loaded\" = yes"))),
                span("s2", "officials", "source", null, Map.of()),
                span("s3", "said", "cue", null, Map.of()),
                span("s4", "HUMILIATED", "sensational", "loaded verb", Map.of("intensity", new AttributeValue.Number(5))),
                span("s5", "Putin", "fact", null, Map.of()),
                span("s6", "«нет»", "opinion", null, Map.of()));
        List<Link> links = List.of(
                new Link("l1", "source", "s1", "s2", "ana", TestWorkspace.NOW),
                new Link("l2", "cue", "s1", "s3", "ana", TestWorkspace.NOW),
                new Link("l3", "supports", "s5", "s6", "ana", TestWorkspace.NOW));
        Sentences.Sentence first = Sentences.of(TEXT).getFirst();
        List<SentenceAnnotation> sentences = List.of(new SentenceAnnotation(first.start(), first.end(),
                ExportFixtures.slice(TEXT, first.start(), first.end()), Map.of("bias", new AttributeValue.Text("biased"))));
        Map<String, AttributeValue> answers = Map.of("stance", new AttributeValue.Text("anti"),
                "confidence", new AttributeValue.Number(2), "summary", new AttributeValue.Text("A tense day"));
        origin.annotations.addStructure(doc.id(), "ana", spans, links, sentences, answers);
    }

    /** What must survive: spans by range with label and attributes, links by their ends' ranges, sentences, answers. */
    record Structure(List<String> spans, List<String> links, List<String> sentences, Map<String, String> answers) {
    }

    static Structure structure(Layer layer, boolean withSentencesAndAnswers) {
        Map<String, Span> byId = new TreeMap<>();
        layer.spans().forEach(s -> byId.put(s.id(), s));
        List<String> spans = layer.spans().stream().map(s -> s.start() + "-" + s.end() + " " + s.label() + " " + s.attributes()
                + (s.note() == null ? "" : " note " + s.note())).toList();
        List<String> links = layer.links().stream().map(l -> l.type() + " " + byId.get(l.from()).text() + " -> "
                + byId.get(l.to()).text()).sorted().toList();
        List<String> sentences = !withSentencesAndAnswers ? List.of()
                : layer.sentences().stream().map(s -> s.start() + "-" + s.end() + " " + s.values()).toList();
        Map<String, String> answers = new TreeMap<>();
        if (withSentencesAndAnswers) {
            layer.answers().forEach((q, v) -> answers.put(q, v.display()));
        }
        return new Structure(spans, links, sentences, answers);
    }

    private Structure expected(boolean withSentencesAndAnswers) {
        Structure s = structure(origin.layer(doc, "ana"), withSentencesAndAnswers);
        assertThat(s.spans()).hasSize(6);
        assertThat(s.links()).hasSize(3);
        return s;
    }

    private List<String> ids(Layer layer) {
        List<String> ids = new ArrayList<>(layer.spans().stream().map(Span::id).sorted().toList());
        ids.addAll(layer.links().stream().map(Link::id).sorted().toList());
        return ids;
    }

    /** A workspace with the scheme and the text already there (for formats that carry neither). */
    private TestWorkspace prepared(String name) {
        TestWorkspace ws = new TestWorkspace(folder.resolve(name)).withScheme(SCHEME);
        ws.importFile(AnnotationFormat.JSONL, "text.jsonl", ("{\"id\": 7, \"text\": " + JSON.writeValueAsString(TEXT) + "}\n")
                .getBytes(StandardCharsets.UTF_8), "nobody");
        return ws;
    }

    /** The second export, imported into another empty workspace, holds the original structure. */
    private void assertImportsAgain(AnnotationFormat format, byte[] export, boolean withSentencesAndAnswers) {
        TestWorkspace again = new TestWorkspace(folder.resolve(format.id() + "-again"));
        again.importFile(format, "export", export, "ana");
        assertThat(structure(again.layer(again.byText(TEXT), "ana"), withSentencesAndAnswers))
                .isEqualTo(expected(withSentencesAndAnswers));
    }

    private static String withoutTimes(byte[] json) {
        JsonNode tree = JSON.readTree(json);
        strip(tree);
        return tree.toString();
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("created", "updated", "modified", "saved", "revision"));
        }
        node.values().forEach(StructuredRoundTripTest::strip);
    }

    @Test
    void slantJsonCarriesEverythingAndTheScheme() {
        byte[] first = origin.export(ExportFormat.SLANT_JSON, "ana", List.of(TEXT));
        TestWorkspace empty = new TestWorkspace(folder.resolve("json"));

        ImportReport report = empty.importFile(AnnotationFormat.SLANT_JSON, "export.json", first, "ana");

        assertThat(report.linksImported()).isEqualTo(3);
        assertThat(report.sentenceLabelsImported()).isEqualTo(1);
        assertThat(report.answersImported()).isEqualTo(3);
        assertThat(report.schemeAdditions()).anySatisfy(a -> assertThat(a).contains("supports"))
                .anySatisfy(a -> assertThat(a).contains("Polarity"));
        Document back = empty.byText(TEXT);
        assertThat(structure(empty.layer(back, "ana"), true)).isEqualTo(expected(true));
        assertThat(ids(empty.layer(back, "ana"))).isEqualTo(ids(origin.layer(doc, "ana")));
        assertThat(empty.labels.labels("default")).isEqualTo(SCHEME);
        byte[] second = empty.export(ExportFormat.SLANT_JSON, "ana", List.of(TEXT));
        assertThat(withoutTimes(second)).isEqualTo(withoutTimes(first));

        assertImportsAgain(AnnotationFormat.SLANT_JSON, second, true);
    }

    @Test
    void doccanoRelationJsonlCarriesEverythingButTheScheme() {
        byte[] first = origin.export(ExportFormat.JSONL, "ana", List.of(TEXT));
        JsonNode line = JSON.readTree(first);
        assertThat(line.get("relations")).hasSize(3);
        assertThat(line.get("relations").get(2).toString())
                .isEqualTo("{\"id\":\"l3\",\"from_id\":\"s5\",\"to_id\":\"s6\",\"type\":\"Supports\"}");
        assertThat(line.get("entities").get(0).get("attributes").get("frames").toString()).isEqualTo("[\"economic\",\"legality\"]");
        assertThat(line.get("stance").stringValue()).as("answers are fields").isEqualTo("anti");
        assertThat(line.get("confidence").intValue()).isEqualTo(2);
        TestWorkspace target = new TestWorkspace(folder.resolve("jsonl")).withScheme(SCHEME);

        ImportReport report = target.importFile(AnnotationFormat.JSONL, "export.jsonl", first, "ana");

        assertThat(report.linksImported()).isEqualTo(3);
        Document back = target.byText(TEXT);
        assertThat(structure(target.layer(back, "ana"), true)).isEqualTo(expected(true));
        assertThat(ids(target.layer(back, "ana"))).isEqualTo(ids(origin.layer(doc, "ana")));
        byte[] second = target.export(ExportFormat.JSONL, "ana", List.of(TEXT));
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void bratCarriesSpansAttributesRelationsAndEventsAndItsConfBuildsTheScheme() {
        byte[] first = origin.export(ExportFormat.BRAT, "ana", List.of(TEXT));
        Map<String, String> files = ExportFixtures.unzip(first);
        String ann = files.get("7.ann");
        assertThat(ann).contains("\tAttribution 2 29\tTrump HUMILIATED the nation\n")
                .containsPattern("E1\tAttribution:T\\d+ source:T\\d+ cue:T\\d+\n")
                .containsPattern("R1\tsupports Arg1:T\\d+ Arg2:T\\d+\n")
                .containsPattern("A\\d+\tpolarity E1 negative\n")
                .containsPattern("A\\d+\tframes_economic E1\n")
                .containsPattern("A\\d+\tquote E1 yes\n")
                .containsPattern("#\\d+\ttarget E1\tPutin\n");
        assertThat(files.get("annotation.conf")).contains("[events]\nAttribution\tsource?:Source, cue?:Cue\n")
                .contains("supports\tArg1:Reported_fact, Arg2:Opinion")
                .contains("polarity\tArg:Attribution, Value:positive|negative|neutral")
                .contains("intensity\tArg:Sensational_framing|Attribution, Value:1|2|3|4|5");
        TestWorkspace empty = new TestWorkspace(folder.resolve("brat"));

        ImportReport report = empty.importFile(AnnotationFormat.BRAT, "corpus.zip", first, "ana");

        assertThat(report.schemeAdditions()).anySatisfy(a -> assertThat(a).contains("supports"));
        Document back = empty.byText(TEXT);
        assertThat(structure(empty.layer(back, "ana"), false)).isEqualTo(expected(false));
        byte[] second = empty.export(ExportFormat.BRAT, "ana", List.of(TEXT));
        assertThat(ExportFixtures.unzip(second).get("7.ann")).isEqualTo(ann);

        assertImportsAgain(AnnotationFormat.BRAT, second, false);
    }

    @Test
    void webAnnotationCarriesEverythingButTheSchemeAndTheText() {
        byte[] first = origin.export(ExportFormat.WEB_ANNOTATION, "ana", List.of(TEXT));
        JsonNode items = JSON.readTree(first).get("first").get("items");
        assertThat(items.values().stream().map(a -> a.get("motivation").stringValue()).toList())
                .containsExactly("tagging", "tagging", "tagging", "tagging", "tagging", "tagging", "linking", "linking",
                        "linking", "classifying", "assessing");
        JsonNode link = items.get(6);
        assertThat(link.get("target").toString()).isEqualTo("[\"urn:slant:7:ana:s1\",\"urn:slant:7:ana:s2\"]");
        TestWorkspace target = prepared("webanno");

        ImportReport report = target.importFile(AnnotationFormat.WEB_ANNOTATION, "export.jsonld", first, "ana");

        assertThat(report.linksImported()).isEqualTo(3);
        Document back = target.byText(TEXT);
        assertThat(structure(target.layer(back, "ana"), true)).isEqualTo(expected(true));
        assertThat(ids(target.layer(back, "ana"))).isEqualTo(ids(origin.layer(doc, "ana")));
        byte[] second = target.export(ExportFormat.WEB_ANNOTATION, "ana", List.of(TEXT));
        assertThat(withoutTimes(second)).isEqualTo(withoutTimes(first));
    }

    @Test
    void csvTablesHoldAttributeColumnsLinksSentencesAndAnswers() {
        Map<String, String> tables = ExportFixtures.unzip(origin.export(ExportFormat.CSV_TABLES, "ana", List.of(TEXT)));

        assertThat(tables.keySet()).containsExactly("spans.csv", "links.csv", "sentences.csv", "answers.csv");
        List<String> spans = tables.get("spans.csv").substring(1).lines().toList();
        assertThat(spans.getFirst()).isEqualTo(CsvTablesWriter.SPANS_HEADER
                + ",intensity,polarity,frames,quote,target,comment");
        assertThat(spans).anySatisfy(row -> assertThat(row).startsWith("7,").contains(",ana,s1,Attribution,2,29,")
                .endsWith(",Trump HUMILIATED the nation,,4,negative,economic|legality,yes,Putin,\"hm, \"\"loaded\"\" = yes\""));
        assertThat(tables.get("links.csv").substring(1).lines().toList()).containsExactly(CsvTablesWriter.LINKS_HEADER,
                "7,ana,l1,Source,s1,s2,Trump HUMILIATED the nation,officials", "7,ana,l2,Cue,s1,s3,Trump HUMILIATED the nation,said",
                "7,ana,l3,Supports,s5,s6,Putin,«нет»");
        assertThat(tables.get("sentences.csv").substring(1).lines().toList()).containsExactly(
                "document,annotator,start,end,text,bias", "7,ana,0,46,\"🔥 Trump HUMILIATED the nation, officials said.\",biased");
        assertThat(tables.get("answers.csv").substring(1).lines().toList()).containsExactly(
                "document,annotator,stance,confidence,summary", "7,ana,anti,2,A tense day");
        // the one-table CSV has the attribute columns too
        String csv = new String(origin.export(ExportFormat.CSV, "ana", List.of(TEXT)), StandardCharsets.UTF_8).substring(1);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(CsvWriter.HEADER + ",intensity,polarity,frames,quote,target,comment");
    }
}
