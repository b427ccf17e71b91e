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
import org.slant.workspace.JsonWorkspace;

/** The service wired by hand over a temporary workspace (no Spring context). */
class AgreementServiceTest {

    // 19 code points (🔥 is one, two UTF-16 chars): "Talks" is [2,7).
    private static final String TEXT = "🔥 Talks failed. Yes";

    @TempDir
    Path folder;

    private AnnotationService annotations;
    private AgreementService agreement;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("one", "One", TEXT, null, Layers.T0));
        workspace.save(new Document("two", "Two", TEXT, null, Layers.T0));
        Clock clock = Clock.fixed(Instant.parse("2025-08-17T10:00:00Z"), ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(workspace);
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
                .containsExactly("sensational", "attribution", "opinion", "fact");
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

    @Test
    void aDocumentWithOneAnnotatorHasNoAgreement() {
        annotations.create("one", "ann", 2, 7, "fact", false);

        AgreementReport report = agreement.forDocument("one");

        assertThat(report.isDefined()).isFalse();
        assertThat(report.overall().alphaU()).isEmpty();
    }
}
