package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.annotation.AnnotationServiceTest.TEXT;
import static org.slant.annotation.AnnotationServiceTest.at;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.Document;
import org.slant.workspace.JsonWorkspace;

/**
 * Two services over one workspace folder, each with its own knowledge of the layers (as two servers,
 * or the server and a command line import, had): neither may overwrite what the other saved.
 */
class AnnotationServiceSecondWriterTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    @TempDir
    Path folder;

    private AnnotationService a;
    private AnnotationService b;

    @BeforeEach
    void twoServicesOnOneFolder() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        // different clocks: span ids are time-ordered, and two processes never share a millisecond sequence
        a = AnnotationServiceTest.newService(workspace, Instant.parse("2025-08-17T12:00:00Z"));
        b = AnnotationServiceTest.newService(JsonWorkspace.forReading(folder), Instant.parse("2025-08-17T12:00:01Z"));
    }

    private SpanChange create(AnnotationService service, String part, String label) {
        int[] r = at(TEXT, part);
        return service.create("talks", "ana", r[0], r[1], label, false);
    }

    private List<String> spanIdsOnDisk() {
        return new JsonWorkspace(folder).find("talks", "ana").orElseThrow().spans().stream().map(Span::id).toList();
    }

    @Test
    void anEditOnAStaleViewIsAppliedToTheLayerAsStoredAndKeepsTheOtherWritersSpan() {
        String first = create(a, "HUMILIATED", "sensational").after().id();
        assertThat(a.layer("talks", "ana").revision()).isEqualTo(1); // a knows the layer at revision 1

        String theirs = create(b, "Russia", "fact").after().id(); // saved behind a's back: revision 2
        SpanChange mine = create(a, "the nation", "opinion");

        assertThat(mine.layer().revision()).isEqualTo(3);
        assertThat(spanIdsOnDisk()).containsExactlyInAnyOrder(first, theirs, mine.after().id());
        assertThat(a.layer("talks", "ana").find(theirs)).as("a reads what is stored, not what it saved").isPresent();
    }

    @Test
    void deletingOrRelabellingOnAStaleViewNeverDropsTheOtherWritersSpan() {
        String first = create(a, "HUMILIATED", "sensational").after().id();
        String theirs = create(b, "Russia", "fact").after().id();

        a.relabel("talks", "ana", first, "opinion");
        assertThat(spanIdsOnDisk()).containsExactlyInAnyOrder(first, theirs);
        a.delete("talks", "ana", first);
        assertThat(spanIdsOnDisk()).containsExactly(theirs);

        b.delete("talks", "ana", theirs); // and a span the other writer deleted is not brought back
        a.create("talks", "ana", at(TEXT, "summit")[0], at(TEXT, "summit")[1], "fact", false);
        assertThat(spanIdsOnDisk()).hasSize(1).doesNotContain(theirs);
    }

    @Test
    void replacingTheLayerFromARevisionSomeoneElseMovedOnIsRefusedWith409() {
        create(a, "HUMILIATED", "sensational");
        Layer seenByA = a.layer("talks", "ana");
        String theirs = create(b, "Russia", "fact").after().id();

        assertThatThrownBy(() -> a.replaceLayer("talks", "ana", seenByA.revision(), List.of()))
                .isInstanceOf(StaleLayerException.class).hasMessageContaining("revision 2, not 1");
        assertThat(spanIdsOnDisk()).contains(theirs).hasSize(2);
    }

    /** The CLI import while the server runs: "imported 1 spans", and the server's next save must keep it. */
    @Test
    void aSpanImportedByAnotherServiceSurvivesTheNextSaveOfTheServiceThatKnewTheLayerBefore() {
        create(a, "HUMILIATED", "sensational"); // the server knows ana's layer
        int[] r = at(TEXT, "Russia’s demand");
        Span imported = new Span("imported-1", r[0], r[1], "attribution", "Russia’s demand", null, "ana", T0, T0);
        assertThat(b.addAll("talks", "ana", List.of(imported))).hasSize(1); // the import, in its own process

        create(a, "the nation", "opinion");
        assertThat(spanIdsOnDisk()).contains("imported-1").hasSize(3);
    }

    /** Between reading the stored revision and writing, another writer saves: the store's compare-and-set catches it. */
    @Test
    void aSaveThatLosesTheRaceInsideTheStoreIsAppliedAgainOnTheWinnersLayer() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        int[] r = at(TEXT, "Russia");
        Span theirs = new Span("theirs", r[0], r[1], "fact", "Russia", null, "ana", T0, T0);
        boolean[] raced = {false};
        LayerStore racing = new LayerStore() {
            @Override
            public Optional<Layer> find(String documentId, String annotator) {
                return workspace.find(documentId, annotator);
            }

            @Override
            public LayerListing readAll(String documentId) {
                return workspace.readAll(documentId);
            }

            @Override
            public long revision(String documentId, String annotator) {
                return workspace.revision(documentId, annotator);
            }

            @Override
            public void save(Layer layer, long expectedRevision) {
                if (!raced[0]) {
                    raced[0] = true;
                    b.addAll("talks", "ana", List.of(theirs)); // just before a's write
                }
                workspace.save(layer, expectedRevision);
            }
        };
        AnnotationService racer = new AnnotationService(new org.slant.document.DocumentService(workspace,
                java.time.Clock.systemUTC(), 1 << 20), new org.slant.label.LabelService(new org.slant.project.ProjectRegistry(workspace)), racing,
                java.time.Clock.systemUTC());

        SpanChange mine = racer.create("talks", "ana", at(TEXT, "HUMILIATED")[0], at(TEXT, "HUMILIATED")[1],
                "sensational", false);

        assertThat(raced[0]).isTrue();
        assertThat(mine.layer().revision()).isEqualTo(2);
        assertThat(spanIdsOnDisk()).containsExactlyInAnyOrder("theirs", mine.after().id());
    }
}
