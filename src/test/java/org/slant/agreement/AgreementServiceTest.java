package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

/** The service wired by hand over a temporary workspace (no Spring context). */
class AgreementServiceTest {

    // 19 code points (🔥 is one, two UTF-16 chars): "Talks" is [2,7).
    private static final String TEXT = "🔥 Talks failed. Yes";

    @TempDir
    Path folder;

    private AnnotationService annotations;
    private AgreementService agreement;
    private LabelService labels;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("one", "One", TEXT, null, Layers.T0));
        workspace.save(new Document("two", "Two", TEXT, null, Layers.T0));
        Clock clock = Clock.fixed(Instant.parse("2025-08-17T10:00:00Z"), ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        labels = new LabelService(new ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        agreement = new AgreementService(annotations, documents, labels);
    }

    @Test
    void leavesOutGoldAndMajorityLayers() {
        annotations.create("one", "ann", 2, 7, "fact", false);
        annotations.create("one", "bob", 2, 7, "fact", false);
        annotations.create("one", "gold", 8, 14, "fact", false);
        annotations.create("one", "majority", 8, 14, "opinion", false);

        AgreementReport report = agreement.forDocument("one");

        assertThat(report.annotators()).containsExactlyInAnyOrder("ann", "bob");
        assertThat(report.overall().exactF1()).hasValue(1.0);
        assertThat(report.overall().alphaU()).hasValueCloseTo(1.0, within(1e-12));
        // Rows follow the workspace's label order, whether used or not.
        assertThat(report.labels()).extracting(AgreementReport.Row::label)
                .containsExactly("sensational", "attribution", "opinion", "fact", "source", "cue");
    }

    @Test
    void poolsDocumentsEndToEnd() {
        // One: both mark "Talks" [2,7). Two: ann marks "Talks" [2,7), bob nothing.
        annotations.create("one", "ann", 2, 7, "fact", false);
        annotations.create("one", "bob", 2, 7, "fact", false);
        annotations.create("two", "ann", 2, 7, "fact", false);

        AgreementReport report = agreement.forDocuments(List.of("one", "two"));

        // Exact: 1 matched; ann has 2 spans, bob 1 -> F1 = 2/3 (micro-averaged over the documents).
        assertThat(report.documents()).isEqualTo(2);
        assertThat(report.overall().exactF1()).hasValueCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.overall().spans()).isEqualTo(3);
    }

    /*
     * The project's scheme (StructureAgreementTest.SCHEME) is what the report compares. "Talks" [2,7) is a bias span
     * of both, ann says pos, bob neg: one matched pair, κ 0 and α 0 (CodingTest: one disagreeing unit). Both answer
     * tone "anti": all the same, not defined. Two sentences: "🔥 Talks failed." [0,15) and "Yes" [16,19); both label
     * the first "y", only ann the second.
     */
    @Test
    void theReportCarriesAgreementOnTheSchemesStructure() {
        labels.replace("default", StructureAgreementTest.SCHEME);
        for (String[] who : new String[][] {{"ann", "pos"}, {"bob", "neg"}}) {
            String span = annotations.create("one", who[0], 2, 7, "bias", false).after().id();
            annotations.setAttribute("one", who[0], span, "polarity", new org.slant.label.AttributeValue.Text(who[1]));
            annotations.setAnswer("one", who[0], "tone", new org.slant.label.AttributeValue.Text("anti"));
            annotations.setSentenceLabel("one", who[0], 0, 15, "biased", new org.slant.label.AttributeValue.Text("y"));
        }
        annotations.setSentenceLabel("one", "ann", 16, 19, "biased", new org.slant.label.AttributeValue.Text("n"));
        annotations.create("one", "gold", 2, 7, "bias", false); // gold is not an annotator here either

        StructureAgreement structure = agreement.forDocument("one").structure();

        CodedRow polarity = structure.attributes().getFirst();
        assertThat(polarity.id()).isEqualTo("polarity");
        assertThat(polarity.units()).isEqualTo(1);
        assertThat(polarity.kappa()).hasValueCloseTo(0.0, within(1e-12));
        assertThat(polarity.alpha()).hasValueCloseTo(0.0, within(1e-12));
        assertThat(polarity.pairs()).singleElement().extracting(CodedRow.CodedPair::prediction).isEqualTo("bob");
        assertThat(structure.questions().getFirst().alpha()).isEmpty();
        assertThat(structure.questions().getFirst().units()).isEqualTo(1);
        CodedRow biased = structure.sentenceLabels().getFirst();
        assertThat(biased.units()).isEqualTo(1);
        assertThat(biased.oneSided()).isEqualTo(1);
        assertThat(structure.links()).extracting(LinkRow::type).containsExactly("source", "cue", null);
    }

    @Test
    void aDocumentWithOneAnnotatorHasNoAgreement() {
        annotations.create("one", "ann", 2, 7, "fact", false);

        AgreementReport report = agreement.forDocument("one");

        assertThat(report.isDefined()).isFalse();
        assertThat(report.overall().alphaU()).isEmpty();
    }

    /*
     * "Talks failed" is [2,14). Gold marks "failed" [8,14). ann marks exactly that; bob marks
     * "Talks failed" [2,14): no exact match, overlap 1 of 1, partial credit P = 6/12, R = 6/6,
     * F1 = 2·0.5·1/1.5 = 2/3.
     */
    @Test
    void eachAnnotatorAgainstGoldOnlyOnCuratedDocuments() {
        assertThat(agreement.againstGold(List.of("one", "two"))).as("nothing curated yet").isEmpty();
        annotations.create("one", "gold", 8, 14, "fact", false);
        annotations.create("one", "ann", 8, 14, "fact", false);
        annotations.create("one", "bob", 2, 14, "fact", false);
        annotations.create("two", "ann", 2, 7, "opinion", false); // "two" has no gold: it does not count against ann

        List<AgreementReport.Pair> rows = agreement.againstGold(List.of("one", "two"));

        assertThat(rows).extracting(AgreementReport.Pair::prediction).containsExactly("ann", "bob");
        assertThat(rows).allSatisfy(r -> assertThat(r.reference()).isEqualTo("gold"));
        AgreementReport.Pair ann = rows.get(0);
        assertThat(ann.exact().f1()).hasValue(1.0);
        assertThat(ann.exact().predicted()).isEqualTo(1);
        AgreementReport.Pair bob = rows.get(1);
        assertThat(bob.exact().f1()).hasValue(0.0);
        assertThat(bob.overlap().f1()).hasValue(1.0);
        assertThat(bob.partial().f1()).hasValueCloseTo(2.0 / 3, within(1e-12));
    }
}
