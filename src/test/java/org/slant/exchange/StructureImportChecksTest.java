package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Link;
import org.slant.document.Document;
import org.slant.label.AttributeValue;
import org.slant.label.Scheme;
import org.slant.project.Project;

/**
 * Every import brings its format's structure in and checks it as spans are checked: a link whose end is
 * missing, a type, attribute or value the scheme (or brat's annotation.conf) does not have, a sentence label off
 * a sentence: each a problem naming the file and line, and nothing written. Also the target project: a brat
 * corpus's annotation.conf builds its scheme, and only its curators may change that.
 */
class StructureImportChecksTest {

    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said. Putin: «нет».";

    @TempDir
    Path folder;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private TestWorkspace structured(String name) {
        return new TestWorkspace(folder.resolve(name)).withScheme(StructuredRoundTripTest.SCHEME);
    }

    private static ImportReport check(TestWorkspace ws, AnnotationFormat format, String file, String content) {
        return ws.imports.check(format, file, utf8(content), new ImportOptions("ana", Map.of(), false, true));
    }

    private static final String CONF = """
            [entities]
            Source
            Cue
            Opinion
            [relations]
            contradicts\tArg1:Opinion, Arg2:Opinion
            [events]
            Attribution\tsource:Source, cue?:Cue
            [attributes]
            polarity\tArg:Attribution, Value:positive|negative
            quote\tArg:Attribution
            """;

    @Test
    void bratLinesTheConfDoesNotAllowAreNamedWithFileAndLine() {
        String ann = "T1\tAttribution 2 29\tTrump HUMILIATED the nation\n"
                + "T2\tSource 31 40\tofficials\n"
                + "T3\tOpinion 8 18\tHUMILIATED\n"
                + "R1\tsupports Arg1:T3 Arg2:T3\n"          // 4: not a relation of the conf
                + "R2\tcontradicts Arg1:T3\n"               // 5: no Arg2
                + "E1\tAttribution:T1 source:T2 speaker:T2\n" // 6: no such role
                + "E2\tAttribution:T1 cue:T9\n"              // 7: no T9
                + "A1\tpolarity E1 sarcastic\n"              // 8: value not in the conf
                + "A2\tfocus T1\n";                          // 9: attribute not in the conf
        byte[] zip = BratReaderTest.zip("annotation.conf", CONF, "a.txt", TEXT, "a.ann", ann);

        ImportReport report = new TestWorkspace(folder.resolve("brat")).imports.check(AnnotationFormat.BRAT, "a.zip", zip,
                new ImportOptions("ana", Map.of(), false, true));

        assertThat(report.problems()).extracting(ImportProblem::file, ImportProblem::line).containsExactly(
                tuple("a.ann", 6), tuple("a.ann", 7), tuple("a.ann", 4), tuple("a.ann", 5), tuple("a.ann", 8), tuple("a.ann", 9));
        assertThat(report.problems()).extracting(ImportProblem::reason).containsExactly(
                "E1: role speaker is not one of Attribution's in annotation.conf: [source, cue]",
                "E2: argument cue:T9 names no text annotation or event of this file",
                "R1: relation type supports is not in annotation.conf's [relations]: [contradicts]",
                "R2: a relation needs Arg1 and Arg2: R2<TAB>Type Arg1:T1 Arg2:T2",
                "A1: value sarcastic of attribute polarity is not in annotation.conf; its values: [positive, negative]",
                "A2: attribute focus is not in annotation.conf's [attributes]: [polarity, quote]");
    }

    @Test
    void aBratConfBuildsTheTargetProjectsSchemeAndItsCorpusComesInWhole() {
        String ann = "T1\tAttribution 2 29\tTrump HUMILIATED the nation\nT2\tSource 31 40\tofficials\n"
                + "T3\tOpinion 8 18\tHUMILIATED\nT4\tOpinion 54 59\t«нет»\n"
                + "E1\tAttribution:T1 source:T2\nR1\tcontradicts Arg1:T3 Arg2:T4\nA1\tpolarity E1 negative\nA2\tquote E1\n";
        byte[] zip = BratReaderTest.zip("corpus/annotation.conf", CONF, "corpus/a.txt", TEXT, "corpus/a.ann", ann);
        TestWorkspace ws = new TestWorkspace(folder.resolve("conf"));
        Project study = ws.projects.create("Study", "admin");

        ImportReport report = ws.importFile(AnnotationFormat.BRAT, "a.zip", zip,
                new ImportOptions("ana", Map.of(), false, true).inProject(study.id()));

        assertThat(report.schemeAdditions()).contains("link type contradicts (contradicts) from [opinion] to [opinion]");
        Scheme scheme = ws.labels.labels(study.id());
        assertThat(scheme.linkType("contradicts")).isPresent();
        assertThat(scheme.find("attribution").orElseThrow().attribute("polarity")).isPresent();
        assertThat(scheme.find("attribution").orElseThrow().attribute("quote").orElseThrow().kind())
                .isEqualTo(org.slant.label.AttributeKind.FLAG);
        assertThat(ws.labels.labels(Project.DEFAULT_ID)).as("the default project keeps its scheme").isEqualTo(Scheme.defaults());
        Document doc = ws.byText(TEXT);
        assertThat(ws.projects.projectOf(doc.id()).id()).isEqualTo(study.id());
        assertThat(ws.layer(doc, "ana").links()).extracting(Link::type).containsExactlyInAnyOrder("source", "contradicts");
        assertThat(ws.spans(doc, "ana")).filteredOn(s -> s.label().equals("attribution")).singleElement()
                .satisfies(s -> assertThat(s.attributes()).isEqualTo(Map.of("polarity", new AttributeValue.Text("negative"),
                        "quote", new AttributeValue.Flag(true))));
    }

    @Test
    void onlyTheProjectsCuratorsMayAddToItsScheme() {
        byte[] zip = BratReaderTest.zip("annotation.conf", CONF, "a.txt", TEXT, "a.ann",
                "T1\tOpinion 8 18\tHUMILIATED\nT2\tOpinion 54 59\t«нет»\nR1\tcontradicts Arg1:T1 Arg2:T2\n");
        TestWorkspace ws = new TestWorkspace(folder.resolve("curators"));
        ImportOptions notCurator = new ImportOptions("ana", Map.of(), false, true, id -> true, null, project -> false);

        ImportReport report = ws.imports.apply(AnnotationFormat.BRAT, "a.zip", zip, notCurator);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).first().satisfies(p -> assertThat(p.reason())
                .startsWith("the file's scheme would add to project default's: Attribution's attribute polarity")
                .contains("link type contradicts").contains("Only the project's curators may change its scheme"));
        assertThat(ws.labels.labels(Project.DEFAULT_ID)).isEqualTo(Scheme.defaults());
        assertThat(ws.store.list().documents()).isEmpty();

        // skipping what the scheme does not know leaves it alone: the relation is then an unknown link type
        ImportReport skipping = ws.imports.check(AnnotationFormat.BRAT, "a.zip", zip,
                new ImportOptions("ana", Map.of(), true, true, id -> true, null, project -> false));
        assertThat(skipping.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).startsWith("unknown link type \"contradicts\"; the scheme has [source, cue]");
        });
    }

    @Test
    void doccanoRelationsAttributesAndAnswersAreCheckedAgainstTheScheme() {
        String line1 = "{\"id\": 1, \"text\": \"" + TEXT + "\", \"entities\": ["
                + "{\"id\": 1, \"label\": \"Attribution\", \"start_offset\": 2, \"end_offset\": 29,"
                + " \"attributes\": {\"Frames\": [\"Economic\", \"security\"]}},"
                + "{\"id\": 2, \"label\": \"Opinion\", \"start_offset\": 8, \"end_offset\": 18},"
                + "{\"id\": 4, \"label\": \"Attribution\", \"start_offset\": 47, \"end_offset\": 52,"
                + " \"attributes\": {\"polarity\": \"sarcastic\", \"mood\": \"x\"}}],"
                + " \"relations\": [{\"id\": 9, \"from_id\": 1, \"to_id\": 3, \"type\": \"Source\"},"
                + " {\"id\": 10, \"from_id\": 2, \"to_id\": 1, \"type\": \"Source\"}], \"stance\": \"sideways\", \"url\": \"kept\"}\n";
        String line2 = "{\"id\": 2, \"text\": \"Second text. Another one.\", \"sentences\": [{\"start\": 0, \"end\": 5,"
                + " \"values\": {\"bias\": \"biased\"}}, {\"start\": 13, \"end\": 25, \"values\": {\"Bias\": \"Neutral\"}}]}\n";

        ImportReport report = check(structured("jsonl"), AnnotationFormat.JSONL, "d.jsonl", line1 + line2);

        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                tuple(1, "span 47-52 (Attribution): \"Polarity\" (polarity) has no value \"sarcastic\"; its values: [positive,"
                        + " negative, neutral]"),
                tuple(1, "link 9 (Source) names 3, which is not a span of document 1 in the file"),
                tuple(1, "link 10 (Source): a Source link goes from Attribution to Source, not from Opinion to Attribution"),
                tuple(1, "document question: \"Stance\" (stance) has no value \"sideways\"; its values: [pro, anti]"),
                tuple(2, "the sentence labels at 0-5 do not sit on a sentence; the sentence there is 0-12"),
                tuple(1, "unknown attribute \"mood\" of Attribution; the scheme has [polarity, frames, intensity, quote,"
                        + " target, comment]"));
        assertThat(report.sentenceLabelsImported()).as("Bias: Neutral, by name").isEqualTo(1);
    }

    @Test
    void aRoleIsFilledOnceAndLinksMayNotRepeatOrLoop() {
        TestWorkspace ws = structured("roles");
        String jsonl = "{\"id\": 1, \"text\": \"" + TEXT + "\", \"entities\": ["
                + "{\"id\": \"a\", \"label\": \"Attribution\", \"start_offset\": 2, \"end_offset\": 29, \"attributes\": {\"polarity\": \"negative\"}},"
                + "{\"id\": \"b\", \"label\": \"Source\", \"start_offset\": 31, \"end_offset\": 40},"
                + "{\"id\": \"c\", \"label\": \"Source\", \"start_offset\": 47, \"end_offset\": 52}],"
                + " \"relations\": [{\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"source\"},"
                + " {\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"source\"},"
                + " {\"from_id\": \"a\", \"to_id\": \"c\", \"type\": \"source\"}]}\n";

        ImportReport report = check(ws, AnnotationFormat.JSONL, "d.jsonl", jsonl);

        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .isEqualTo("link (source): span a (Attribution) already has its Source, and takes one"));
        ws.importFile(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl.replace(", {\"from_id\": \"a\", \"to_id\": \"c\", \"type\": \"source\"}",
                "")), "ana");
        assertThat(ws.layer(ws.byText(TEXT), "ana").links()).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo("a");
            assertThat(l.to()).isEqualTo("b");
        });
        // imported again: the spans and the link are there already, so nothing is added
        ImportReport again = ws.importFile(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl.replace(
                ", {\"from_id\": \"a\", \"to_id\": \"c\", \"type\": \"source\"}", "")), "ana");
        assertThat(again.spansImported()).isZero();
        assertThat(again.linksImported()).isZero();
        assertThat(ws.layer(ws.byText(TEXT), "ana").links()).hasSize(1);
    }

    @Test
    void slantJsonAnswersToQuestionsTheSchemeDoesNotAskAreProblems() {
        String json = """
                {"format": "slant-export/1",
                 "document": {"id": "d", "title": "T", "text": "%s", "created": "2025-08-16T09:30:00Z"},
                 "labels": [{"id": "opinion", "name": "Opinion", "color": "#9c36b5", "mark": "dashed"}],
                 "layers": [{"annotator": "ana", "revision": 1, "spans": [],
                   "links": [{"id": "l1", "type": "source", "from": "x", "to": "y"}],
                   "answers": {"mood": "grim"}}]}
                """.formatted(TEXT);

        ImportReport report = check(new TestWorkspace(folder.resolve("json")), AnnotationFormat.SLANT_JSON, "e.json", json);

        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                tuple(5, "link l1 (source) names x, which is not a span of document d in the file"),
                tuple(2, "unknown document question \"mood\"; the scheme has none"));
    }
}
