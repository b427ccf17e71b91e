package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.Document;
import org.slant.document.DocumentNotFoundException;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class AnnotationServiceTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    static final String TEXT = "👍🏽🔥 Breaking: Trump HUMILIATED the nation at the 𝔘𝔫𝔦 summit.\nRussia’s demand was refused.";

    @TempDir
    Path folder;

    private AnnotationService service;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        service = newService(workspace, NOW);
    }

    static AnnotationService newService(JsonWorkspace workspace, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new AnnotationService(new DocumentService(workspace, clock, 2 * 1024 * 1024),
                new LabelService(new ProjectRegistry(workspace)), workspace, clock);
    }

    /** Code point offsets {start, end} of the first occurrence of {@code part}. */
    static int[] at(String text, String part) {
        int utf16 = text.indexOf(part);
        assertThat(utf16).as("%s in the text", part).isNotNegative();
        int start = text.codePointCount(0, utf16);
        return new int[] {start, start + part.codePointCount(0, part.length())};
    }

    private static String codePointSlice(int start, int end) {
        return new String(TEXT.codePoints().skip(start).limit(end - start).toArray(), 0, end - start);
    }

    private SpanChange create(String annotator, String part, String label) {
        int[] r = at(TEXT, part);
        return service.create("talks", annotator, r[0], r[1], label, false);
    }

    private Layer stored(String annotator) {
        return new JsonWorkspace(folder).find("talks", annotator).orElseThrow();
    }

    // ---- create ----

    @Test
    void createStoresCodePointOffsetsAndTheCoveredText() {
        int[] r = at(TEXT, "HUMILIATED the nation");

        SpanChange change = service.create("talks", "ana", r[0], r[1], "sensational", false);

        Span span = change.after();
        assertThat(change.before()).isNull();
        assertThat(span.start()).isEqualTo(r[0]).isEqualTo(TEXT.indexOf("HUMILIATED") - 3);
        assertThat(span.end()).isEqualTo(r[1]);
        assertThat(span.text()).isEqualTo("HUMILIATED the nation").isEqualTo(codePointSlice(span.start(), span.end()));
        assertThat(span.label()).isEqualTo("sensational");
        assertThat(span.author()).isEqualTo("ana");
        assertThat(span.created()).isEqualTo(NOW);
        assertThat(span.note()).isNull();
        assertThat(change.layer().revision()).isEqualTo(1);
        assertThat(change.layer().spans()).containsExactly(span);
        assertThat(stored("ana").spans()).containsExactly(span);
        assertThat(stored("ana").revision()).isEqualTo(1);
    }

    @Test
    void createAfterNonBmpLettersUsesCodePointOffsets() {
        SpanChange change = create("ana", "summit", "fact");

        assertThat(change.after().text()).isEqualTo("summit");
        assertThat(change.after().start()).isEqualTo(TEXT.indexOf("summit") - 6);
        assertThat(create("ana", "𝔘𝔫𝔦", "fact").after().text()).isEqualTo("𝔘𝔫𝔦");
    }

    @Test
    void createTrimsWhiteSpaceAndSnapsToWords() {
        int[] r = at(TEXT, " HUMILIATED the nation");
        r[1] -= 2; // " HUMILIATED the nati": a leading space, and the end cuts through "nation"

        SpanChange change = service.create("talks", "ana", r[0], r[1], "sensational", true);

        assertThat(change.after().text()).isEqualTo("HUMILIATED the nation");
        assertThat(new int[] {change.after().start(), change.after().end()}).containsExactly(at(TEXT, "HUMILIATED the nation"));
    }

    @Test
    void createOfTheSameRangeAndLabelTwiceIsRefused() {
        create("ana", "HUMILIATED", "sensational");

        assertThatThrownBy(() -> create("ana", "HUMILIATED", "sensational"))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("\"HUMILIATED\" is already labelled Sensational framing");
        assertThat(stored("ana").spans()).hasSize(1);
        assertThat(stored("ana").revision()).isEqualTo(1);
    }

    @Test
    void createOfTheSameRangeWithAnotherLabelIsAllowed() {
        create("ana", "HUMILIATED", "sensational");
        create("ana", "HUMILIATED", "opinion");

        assertThat(stored("ana").spans()).extracting(Span::label).containsExactlyInAnyOrder("sensational", "opinion");
    }

    @Test
    void overlappingAndNestedSpansAreAllowed() {
        create("ana", "Trump HUMILIATED the nation", "fact");
        create("ana", "HUMILIATED", "sensational");
        create("ana", "the nation at the", "opinion");

        assertThat(stored("ana").spans()).extracting(Span::text)
                .containsExactly("Trump HUMILIATED the nation", "HUMILIATED", "the nation at the");
    }

    @Test
    void unknownLabelIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> create("ana", "Trump", "propaganda"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("propaganda").hasMessageContaining("fact");
        assertThat(new JsonWorkspace(folder).find("talks", "ana")).isEmpty();
    }

    @Test
    void selectionOutsideTheTextIsRefused() {
        int length = TEXT.codePointCount(0, TEXT.length());

        assertThatThrownBy(() -> service.create("talks", "ana", length - 3, length + 1, "fact", false))
                .isInstanceOf(SpanRejectedException.class);
        assertThatThrownBy(() -> service.create("talks", "ana", -1, 3, "fact", false))
                .isInstanceOf(SpanRejectedException.class);
        assertThat(new JsonWorkspace(folder).find("talks", "ana")).isEmpty();
    }

    @Test
    void whiteSpaceOnlySelectionIsRefused() {
        int[] r = at(TEXT, " ");

        assertThatThrownBy(() -> service.create("talks", "ana", r[0], r[1], "fact", true))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("white space");
        int[] newline = at(TEXT, "\n");
        assertThatThrownBy(() -> service.create("talks", "ana", newline[0], newline[1], "fact", false))
                .isInstanceOf(SpanRejectedException.class);
    }

    @Test
    void emptySelectionIsRefused() {
        assertThatThrownBy(() -> service.create("talks", "ana", 5, 5, "fact", false))
                .isInstanceOf(SpanRejectedException.class);
    }

    @Test
    void unknownDocumentAndBadAnnotatorAreRefused() {
        assertThatThrownBy(() -> service.create("nope", "ana", 0, 1, "fact", false)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> service.create("talks", "../ana", 5, 10, "fact", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../ana");
        assertThatThrownBy(() -> service.layer("talks", "Ana")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addRefusesASpanOfAnotherAuthor() {
        Span span = create("ana", "Trump", "fact").after();

        assertThatThrownBy(() -> service.add("talks", "ben", span))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("ana").hasMessageContaining("ben");
    }

    @Test
    void addRefusesASpanWhoseTextDoesNotMatch() {
        int[] r = at(TEXT, "Trump");
        Span wrong = new Span("x1", r[0], r[1], "fact", "Biden", null, "ana", NOW, NOW);

        assertThatThrownBy(() -> service.add("talks", "ana", wrong))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("Biden").hasMessageContaining("Trump");
    }

    // ---- relabel, note, delete ----

    @Test
    void relabelChangesOnlyTheLabel() {
        Span created = create("ana", "HUMILIATED", "sensational").after();

        SpanChange change = service.relabel("talks", "ana", created.id(), "opinion");

        assertThat(change.before()).isEqualTo(created);
        assertThat(change.after()).isEqualTo(created.withLabel("opinion", NOW));
        assertThat(stored("ana").spans()).containsExactly(change.after());
        assertThat(stored("ana").revision()).isEqualTo(2);
    }

    @Test
    void relabelToTheSameLabelChangesNothing() {
        Span created = create("ana", "HUMILIATED", "sensational").after();

        assertThat(service.relabel("talks", "ana", created.id(), "sensational")).isNull();
        assertThat(stored("ana").revision()).isEqualTo(1);
    }

    @Test
    void relabelToALabelTheSameRangeAlreadyHasIsRefused() {
        Span first = create("ana", "HUMILIATED", "sensational").after();
        create("ana", "HUMILIATED", "opinion");

        assertThatThrownBy(() -> service.relabel("talks", "ana", first.id(), "opinion"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("already labelled Opinion");
        assertThat(stored("ana").spans()).extracting(Span::label).containsExactlyInAnyOrder("sensational", "opinion");
    }

    @Test
    void relabelToUnknownLabelOrOfUnknownSpanIsRefused() {
        Span created = create("ana", "HUMILIATED", "sensational").after();

        assertThatThrownBy(() -> service.relabel("talks", "ana", created.id(), "propaganda"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("propaganda");
        assertThatThrownBy(() -> service.relabel("talks", "ana", "s-missing", "fact"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("s-missing");
        assertThatThrownBy(() -> service.relabel("talks", "ben", created.id(), "fact"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("ben");
    }

    @Test
    void setNoteStoresTheNoteAndBlankClearsIt() {
        Span created = create("ana", "HUMILIATED", "sensational").after();

        SpanChange noted = service.setNote("talks", "ana", created.id(), "  loaded verb ");
        assertThat(noted.after().note()).isEqualTo("loaded verb");
        assertThat(stored("ana").spans()).extracting(Span::note).containsExactly("loaded verb");

        assertThat(service.setNote("talks", "ana", created.id(), "loaded verb")).isNull();

        service.setNote("talks", "ana", created.id(), " ");
        assertThat(stored("ana").spans()).extracting(Span::note).containsOnlyNulls();
        assertThat(stored("ana").revision()).isEqualTo(3);
    }

    @Test
    void deleteRemovesTheSpan() {
        Span keep = create("ana", "Trump", "fact").after();
        Span gone = create("ana", "HUMILIATED", "sensational").after();

        SpanChange change = service.delete("talks", "ana", gone.id());

        assertThat(change.before()).isEqualTo(gone);
        assertThat(change.after()).isNull();
        assertThat(stored("ana").spans()).containsExactly(keep);
        assertThat(stored("ana").revision()).isEqualTo(3);
        assertThatThrownBy(() -> service.delete("talks", "ana", gone.id())).isInstanceOf(SpanRejectedException.class);
    }

    // ---- undo ----

    @Test
    void undoOfCreateRemovesTheSpan() {
        SpanChange created = create("ana", "HUMILIATED", "sensational");

        SpanChange undone = service.undo("talks", "ana", created);

        assertThat(undone.layer().spans()).isEmpty();
        assertThat(stored("ana").spans()).isEmpty();
        assertThat(stored("ana").revision()).isEqualTo(2);
    }

    @Test
    void undoOfRelabelRestoresTheLabel() {
        Span created = create("ana", "HUMILIATED", "sensational").after();
        SpanChange relabelled = service.relabel("talks", "ana", created.id(), "opinion");

        service.undo("talks", "ana", relabelled);

        assertThat(stored("ana").spans()).containsExactly(created);
        assertThat(stored("ana").revision()).isEqualTo(3);
    }

    @Test
    void undoOfDeleteRestoresTheSpan() {
        Span created = create("ana", "HUMILIATED", "sensational").after();
        service.setNote("talks", "ana", created.id(), "loaded");
        Span noted = service.layer("talks", "ana").spans().getFirst();
        SpanChange deleted = service.delete("talks", "ana", created.id());

        service.undo("talks", "ana", deleted);

        assertThat(stored("ana").spans()).containsExactly(noted);
        assertThat(stored("ana").revision()).isEqualTo(4);
    }

    @Test
    void undoOfNoteRestoresThePreviousNote() {
        Span created = create("ana", "HUMILIATED", "sensational").after();
        SpanChange noted = service.setNote("talks", "ana", created.id(), "loaded");

        service.undo("talks", "ana", noted);

        assertThat(stored("ana").spans()).containsExactly(created);
    }

    @Test
    void undoIsRefusedAfterTheSpanChangedAgain() {
        SpanChange created = create("ana", "HUMILIATED", "sensational");
        SpanChange relabelled = service.relabel("talks", "ana", created.after().id(), "opinion");
        service.setNote("talks", "ana", created.after().id(), "second thoughts");

        assertThatThrownBy(() -> service.undo("talks", "ana", created))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("HUMILIATED").hasMessageContaining("changed since");
        assertThatThrownBy(() -> service.undo("talks", "ana", relabelled))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("changed since");
        assertThat(stored("ana").spans()).extracting(Span::label, Span::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("opinion", "second thoughts"));
        assertThat(stored("ana").revision()).isEqualTo(3);
    }

    @Test
    void undoOfCreateIsRefusedOnceTheSpanIsDeleted() {
        SpanChange created = create("ana", "HUMILIATED", "sensational");
        service.delete("talks", "ana", created.after().id());

        assertThatThrownBy(() -> service.undo("talks", "ana", created)).isInstanceOf(SpanRejectedException.class);
    }

    @Test
    void undoOfDeleteIsRefusedWhenTheSameSpanWasCreatedAgain() {
        SpanChange created = create("ana", "HUMILIATED", "sensational");
        SpanChange deleted = service.delete("talks", "ana", created.after().id());
        create("ana", "HUMILIATED", "sensational");

        assertThatThrownBy(() -> service.undo("talks", "ana", deleted))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("already labelled");
        assertThat(stored("ana").spans()).hasSize(1);
    }

    // ---- layers ----

    @Test
    void layersOfTwoAnnotatorsAreIndependent() {
        Span ana = create("ana", "HUMILIATED", "sensational").after();
        Span ben = create("ben", "HUMILIATED", "sensational").after();
        create("ben", "Trump", "fact");

        service.delete("talks", "ana", ana.id());

        assertThat(stored("ana").spans()).isEmpty();
        assertThat(stored("ana").revision()).isEqualTo(2);
        assertThat(stored("ben").spans()).extracting(Span::text).containsExactly("Trump", "HUMILIATED");
        assertThat(stored("ben").spans()).contains(ben);
        assertThat(service.layers("talks")).extracting(Layer::annotator).containsExactly("ana", "ben");
        assertThatThrownBy(() -> service.delete("talks", "ana", ben.id())).isInstanceOf(SpanRejectedException.class);
    }

    @Test
    void layerOfAnAnnotatorWithoutSpansIsEmpty() {
        assertThat(service.layer("talks", "ana")).isEqualTo(Layer.empty("talks", "ana"));
    }

    @Test
    void aRestartedServiceContinuesFromTheStoredLayer() {
        create("ana", "Trump", "fact");
        create("ana", "HUMILIATED", "sensational");

        AnnotationService restarted = newService(new JsonWorkspace(folder), NOW.plusSeconds(3600));
        int[] r = at(TEXT, "summit");
        SpanChange change = restarted.create("talks", "ana", r[0], r[1], "fact", false);

        assertThat(change.layer().revision()).isEqualTo(3);
        assertThat(stored("ana").spans()).extracting(Span::text).containsExactly("Trump", "HUMILIATED", "summit");
        assertThat(stored("ana").spans()).extracting(Span::id).doesNotHaveDuplicates();
    }

    @Test
    void overviewCountsSpansAndAnnotators() {
        create("ana", "Trump", "fact");
        create("ben", "Trump", "fact");
        create("ben", "HUMILIATED", "sensational");
        Document document = new JsonWorkspace(folder).find("talks").orElseThrow();

        DocumentOverview row = service.overview(java.util.List.of(document)).getFirst();

        assertThat(row.spanCount()).isEqualTo(3);
        assertThat(row.annotators()).isEqualTo(2);
        assertThat(row.lastChange()).isEqualTo(NOW);
    }

    @Test
    void aRelabelOrDeleteOfASpanChangedSinceTheEditorSawItIsRefusedAndSaysWhatItIsNow() {
        Span seenAs = create("gold", "HUMILIATED", "sensational").after();
        SeenSpan seen = SeenSpan.of(seenAs);
        service.relabel("talks", "gold", seenAs.id(), "opinion"); // another curator, in between

        assertThatThrownBy(() -> service.relabel("talks", "gold", seenAs.id(), "fact", seen))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("changed elsewhere").hasMessageContaining("now labelled Opinion");
        assertThatThrownBy(() -> service.delete("talks", "gold", seenAs.id(), seen))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("now labelled Opinion");
        assertThat(stored("gold").spans()).singleElement().extracting(Span::label).isEqualTo("opinion");
        assertThat(stored("gold").revision()).isEqualTo(2);

        // as seen now, both go through
        SeenSpan current = SeenSpan.of(stored("gold").spans().getFirst());
        assertThat(service.relabel("talks", "gold", seenAs.id(), "fact", current).after().label()).isEqualTo("fact");
        assertThatThrownBy(() -> service.delete("talks", "gold", seenAs.id(), current))
                .hasMessageContaining("now labelled Reported fact");
        service.delete("talks", "gold", seenAs.id(), SeenSpan.of(stored("gold").spans().getFirst()));
        assertThat(stored("gold").spans()).isEmpty();

        // a span deleted meanwhile: the message says so
        assertThatThrownBy(() -> service.delete("talks", "gold", seenAs.id(), current))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("it was deleted");
    }

    @Test
    void aSeenSpanWhoseBoundariesMovedIsRefusedWithTheNewBoundaries() {
        Span span = create("gold", "HUMILIATED", "sensational").after();
        SeenSpan wider = new SeenSpan(span.start() - 6, span.end(), "sensational");

        assertThatThrownBy(() -> service.delete("talks", "gold", span.id(), wider))
                .hasMessageContaining("boundaries are now " + span.start() + "-" + span.end())
                .hasMessageContaining("\"HUMILIATED\"");
        assertThat(stored("gold").spans()).hasSize(1);
        assertThatThrownBy(() -> new SeenSpan(5, 5, "fact")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastChangeCountsADeleteAndSurvivesARestart() throws java.io.IOException {
        create("ana", "Trump", "fact");
        Instant later = NOW.plusSeconds(3600);
        newService(new JsonWorkspace(folder), later).delete("talks", "ana", stored("ana").spans().getFirst().id());

        Document document = new JsonWorkspace(folder).find("talks").orElseThrow();
        DocumentOverview row = newService(new JsonWorkspace(folder), later.plusSeconds(60))
                .overview(java.util.List.of(document)).getFirst();
        assertThat(row.spanCount()).isZero();
        assertThat(row.lastChange()).isEqualTo(later);
        assertThat(java.nio.file.Files.readString(folder.resolve("layers/talks/ana.json")))
                .contains("\"saved\": \"2025-08-17T13:00:00Z\"");
    }
}
