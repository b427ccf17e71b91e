package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.CurationService.Candidate;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

class CurationServiceTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    private static final String TEXT = "The minister SLAMMED critics, officials said, in a speech that was a disgrace.";

    @TempDir
    Path folder;

    private AnnotationService annotations;
    private CurationService curation;
    private LabelService labels;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", TEXT, null, T0));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        labels = new LabelService(new ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        curation = new CurationService(annotations, documents, labels, clock);
    }

    private void mark(String annotator, String part, String label) {
        int start = TEXT.indexOf(part);
        annotations.create("talks", annotator, start, start + part.length(), label, false);
    }

    /** slammed: all three; officials said: ana and ben; disgrace: only cleo; and cleo's other label for SLAMMED. */
    private void threeAnnotators() {
        mark("ana", "SLAMMED", "sensational");
        mark("ben", "SLAMMED", "sensational");
        mark("cleo", "SLAMMED", "sensational");
        mark("ana", "officials said", "attribution");
        mark("ben", "officials said", "attribution");
        mark("cleo", "disgrace", "opinion");
        mark("cleo", "SLAMMED", "opinion");
    }

    private Candidate candidate(String text, String label) {
        return curation.candidates("talks").candidates().stream()
                .filter(c -> c.text().equals(text) && c.label().equals(label)).findFirst().orElseThrow();
    }

    private Layer gold() {
        return annotations.layer("talks", CurationService.GOLD);
    }

    @Test
    void candidatesGroupTheAnnotatorsSpansByRangeAndLabelInReadingOrder() {
        threeAnnotators();

        var candidates = curation.candidates("talks");

        assertThat(candidates.annotators()).containsExactly("ana", "ben", "cleo");
        assertThat(candidates.goldRevision()).isZero();
        assertThat(candidates.candidates()).extracting(Candidate::text, Candidate::label, Candidate::annotators)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SLAMMED", "opinion", List.of("cleo")),
                        org.assertj.core.groups.Tuple.tuple("SLAMMED", "sensational", List.of("ana", "ben", "cleo")),
                        org.assertj.core.groups.Tuple.tuple("officials said", "attribution", List.of("ana", "ben")),
                        org.assertj.core.groups.Tuple.tuple("disgrace", "opinion", List.of("cleo")));
        assertThat(candidates.candidates()).noneMatch(Candidate::inGold);
    }

    @Test
    void theMajorityLayerIsNotAnAnnotatorAndTheNamesMatchAgreement() {
        mark("ana", "SLAMMED", "sensational");
        mark("majority", "disgrace", "opinion");

        assertThat(curation.candidates("talks").annotators()).containsExactly("ana");
        assertThat(curation.candidates("talks").candidates()).extracting(Candidate::text).containsExactly("SLAMMED");
        assertThat(Layer.empty("talks", "majority").isDerived()).isTrue();
        assertThat(Layer.empty("talks", "gold").isDerived()).isTrue();
        assertThat(Layer.empty("talks", "ana").isDerived()).isFalse();
    }

    @Test
    void acceptPutsTheSpanIntoGoldWithTheCuratorAsAuthor() {
        threeAnnotators();

        Layer gold = curation.accept("talks", "dora", 0, candidate("officials said", "attribution"));

        assertThat(gold.revision()).isEqualTo(1);
        assertThat(gold.spans()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("officials said");
            assertThat(s.label()).isEqualTo("attribution");
            assertThat(s.author()).isEqualTo("dora");
            assertThat(s.created()).isEqualTo(NOW);
        });
        assertThat(gold()).isEqualTo(gold);
        Candidate after = candidate("officials said", "attribution");
        assertThat(after.inGold()).isTrue();
        assertThat(after.gold().author()).isEqualTo("dora");
        assertThat(curation.candidates("talks").goldRevision()).isEqualTo(1);
    }

    @Test
    void acceptingWhatGoldAlreadyHoldsSavesNothing() {
        threeAnnotators();
        curation.accept("talks", "dora", 0, candidate("disgrace", "opinion"));

        Layer again = curation.accept("talks", "dora", 1, candidate("disgrace", "opinion"));

        assertThat(again.revision()).isEqualTo(1);
        assertThat(again.spans()).hasSize(1);
    }

    @Test
    void rejectRemovesTheSpanFromGoldAndIsANoOpOtherwise() {
        threeAnnotators();
        curation.accept("talks", "dora", 0, candidate("disgrace", "opinion"));
        curation.accept("talks", "dora", 1, candidate("SLAMMED", "sensational"));

        Layer gold = curation.reject("talks", "dora", 2, candidate("disgrace", "opinion"));

        assertThat(gold.revision()).isEqualTo(3);
        assertThat(gold.spans()).extracting(Span::text).containsExactly("SLAMMED");
        assertThat(candidate("disgrace", "opinion").inGold()).isFalse();
        // not in gold: nothing saved, and the candidate stays listed (rejections are not stored)
        Layer unchanged = curation.reject("talks", "dora", 3, candidate("disgrace", "opinion"));
        assertThat(unchanged.revision()).isEqualTo(3);
        assertThat(candidate("disgrace", "opinion").annotators()).containsExactly("cleo");
    }

    @Test
    void acceptAllWithAtLeastTwoTakesExactlyTheSpansTwoOrMoreMarked() {
        threeAnnotators();

        Layer gold = curation.acceptAllWithAtLeast("talks", "dora", 0, 2, Optional.empty());

        assertThat(gold.revision()).isEqualTo(1); // one save for all
        assertThat(gold.spans()).extracting(Span::text, Span::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SLAMMED", "sensational"),
                org.assertj.core.groups.Tuple.tuple("officials said", "attribution"));
        assertThat(gold.spans()).allMatch(s -> s.author().equals("dora"));
    }

    @Test
    void acceptAllWithAtLeastHonoursTheLabelFilterAndRefusesKBelowOne() {
        threeAnnotators();

        Layer gold = curation.acceptAllWithAtLeast("talks", "dora", 0, 1, Optional.of("opinion"));

        assertThat(gold.spans()).extracting(Span::text).containsExactly("SLAMMED", "disgrace");
        assertThat(gold.spans()).allMatch(s -> s.label().equals("opinion"));
        assertThatThrownBy(() -> curation.acceptAllWithAtLeast("talks", "dora", 1, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be 1 or more");
    }

    @Test
    void aStaleRevisionIsRefusedAndGoldIsUnchanged() {
        threeAnnotators();
        curation.accept("talks", "dora", 0, candidate("disgrace", "opinion"));
        Layer before = gold();

        // a second curator still looking at revision 0
        assertThatThrownBy(() -> curation.accept("talks", "eve", 0, candidate("SLAMMED", "opinion")))
                .isInstanceOf(StaleLayerException.class).hasMessageContaining("revision 1, not 0");
        assertThatThrownBy(() -> curation.reject("talks", "eve", 0, candidate("disgrace", "opinion")))
                .isInstanceOf(StaleLayerException.class);
        assertThatThrownBy(() -> curation.acceptAllWithAtLeast("talks", "eve", 0, 1, Optional.empty()))
                .isInstanceOf(StaleLayerException.class);

        assertThat(gold()).isEqualTo(before);
    }

    @Test
    void goldSpansNobodyMarkedAppearWithNoAnnotators() {
        mark("ana", "SLAMMED", "sensational");
        int start = TEXT.indexOf("minister");
        Span added = new Span("g-own", start, start + 8, "fact", "minister", null, "dora", NOW, NOW);
        annotations.replaceLayer("talks", CurationService.GOLD, 0, List.of(added));

        Candidate own = candidate("minister", "fact");

        assertThat(own.annotators()).isEmpty();
        assertThat(own.inGold()).isTrue();
        assertThat(own.gold().id()).isEqualTo("g-own");
        assertThat(curation.candidates("talks").candidates()).extracting(Candidate::text)
                .containsExactly("minister", "SLAMMED");
    }

    @Test
    void relabelChangesTheGoldSpanAndRefusesADuplicate() {
        threeAnnotators();
        curation.acceptAllWithAtLeast("talks", "dora", 0, 1, Optional.empty());
        String slammedSensational = candidate("SLAMMED", "sensational").gold().id();

        assertThatThrownBy(() -> curation.relabel("talks", "eve", 1, slammedSensational, "opinion"))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("already labels \"SLAMMED\"");
        Layer gold = curation.relabel("talks", "eve", 1, candidate("disgrace", "opinion").gold().id(), "fact");

        assertThat(gold.revision()).isEqualTo(2);
        Candidate relabelled = candidate("disgrace", "fact");
        assertThat(relabelled.annotators()).isEmpty(); // nobody marked it as a fact
        assertThat(relabelled.gold().author()).isEqualTo("eve");
        assertThat(candidate("disgrace", "opinion").inGold()).isFalse();
        // accepting cleo's opinion again must not collide with the relabelled span's id
        Layer both = curation.accept("talks", "dora", 2, candidate("disgrace", "opinion"));
        assertThat(both.spans()).filteredOn(s -> s.text().equals("disgrace")).extracting(Span::label)
                .containsExactlyInAnyOrder("fact", "opinion");
    }

    @Test
    void aGoldSpansBoundariesMoveWordByWordAndItsTextFollows() {
        threeAnnotators();
        Layer gold = curation.accept("talks", "dora", 0, candidate("disgrace", "opinion"));
        String id = gold.spans().getFirst().id();
        gold = curation.resize("talks", "dora", gold.revision(), id, CurationService.Boundary.START_EARLIER);
        assertThat(gold.spans().getFirst().text()).isEqualTo("a disgrace");
        gold = curation.resize("talks", "dora", gold.revision(), id, CurationService.Boundary.START_EARLIER);
        assertThat(gold.spans().getFirst().text()).isEqualTo("was a disgrace");
        gold = curation.resize("talks", "dora", gold.revision(), id, CurationService.Boundary.START_LATER);
        assertThat(gold.spans().getFirst().text()).isEqualTo("a disgrace");
        // the full stop is not a word: the end stays put at the end of the text's last word
        assertThat(curation.resize("talks", "dora", gold.revision(), id, CurationService.Boundary.END_LATER).revision())
                .isEqualTo(gold.revision());
        gold = curation.resize("talks", "dora", gold.revision(), id, CurationService.Boundary.END_EARLIER);
        assertThat(gold.spans().getFirst().text()).isEqualTo("a");
        Span s = gold.spans().getFirst();
        assertThat(TEXT.substring(s.start(), s.end())).isEqualTo("a"); // offsets and text agree (ASCII text)
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.author()).isEqualTo("dora");
        long revision = gold.revision();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> curation.resize("talks", "dora", revision, id,
                CurationService.Boundary.END_EARLIER)).hasMessageContaining("one word already");
        // a stale revision is refused like every other gold edit
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> curation.resize("talks", "dora", revision - 1, id,
                CurationService.Boundary.END_LATER)).isInstanceOf(StaleLayerException.class);
    }

    @Test
    void wordStepsKeepApostrophesAndHyphensInsideWordsAndCountEmojiAsOneCodePoint() {
        int[] cps = "We don't back pro-Kremlin 🙂 claims".codePoints().toArray();
        int dont = 3;
        assertThat(CurationService.nextWordEnd(cps, dont)).isEqualTo(8); // "don't"
        assertThat(CurationService.nextWordStart(cps, 9)).isEqualTo(14); // from "back" to "pro-Kremlin"
        assertThat(CurationService.nextWordEnd(cps, 14)).isEqualTo(25);
        assertThat(CurationService.nextWordEnd(cps, 25)).isEqualTo(34); // skips the emoji (one code point) and a space
        assertThat(CurationService.previousWordStart(cps, 0)).isEqualTo(0);
    }
}
