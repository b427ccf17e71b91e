package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.teaching.TeachingFixture.T0;
import static org.slant.teaching.TeachingFixture.at;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Span;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.WorkspaceException;

class TeachingServiceTest {

    @TempDir
    Path folder;

    private TeachingFixture f;
    private TeachingService teaching;

    @BeforeEach
    void setUp() {
        f = new TeachingFixture(folder);
        teaching = f.teaching;
        f.mark("teacher", "HUMILIATED", "sensational");
        f.mark("teacher", "seem doomed", "opinion");
        f.mark("teacher", "officials said", "attribution");
    }

    @Test
    void createsAnExerciseWithAFrozenReferenceInLabelSetOrder() {
        Exercise e = f.exercise(Set.of("opinion", "sensational"), false, null);

        assertThat(e.id()).isEqualTo("spot-the-framing");
        assertThat(e.labels()).containsExactly("sensational", "opinion");
        assertThat(e.reference()).hasSize(3);
        assertThat(e.gradedReference()).extracting(Span::text).containsExactly("HUMILIATED", "seem doomed");
        assertThat(Files.exists(folder.resolve("exercises/spot-the-framing/exercise.json"))).isTrue();
        assertThat(teaching.exercise(e.id())).isEqualTo(e);
        assertThat(f.exercise(Set.of("opinion"), false, null).id()).isEqualTo("spot-the-framing-2");
    }

    @Test
    void laterEditsOfTheTeachersLayerDoNotChangeGradingUntilRefreshed() {
        Exercise e = f.exercise(Set.of("sensational", "opinion"), false, null);
        teaching.setExplanation(e.id(), e.gradedReference().getFirst().id(), "Capitals shout.");
        f.mark("teacher", "Trump", "sensational");

        assertThat(teaching.exercise(e.id()).gradedReference()).hasSize(2);

        Exercise refreshed = teaching.refreshReference(e.id());
        assertThat(refreshed.gradedReference()).extracting(Span::text).containsExactly("Trump", "HUMILIATED", "seem doomed");
        assertThat(refreshed.explanations()).containsValue("Capitals shout.");
    }

    @Test
    void refusesAReferenceWithoutSpansOfTheLabelsInPlay() {
        assertThatThrownBy(() -> f.exercise(Set.of("fact"), false, null))
                .isInstanceOf(TeachingException.class)
                .hasMessageContaining("has no spans labelled Reported fact: students would have nothing to find");
        assertThatThrownBy(() -> f.exercise(Set.of("nonsense"), false, null)).hasMessageContaining("Unknown label");
    }

    @Test
    void explanationsOnlyForReferenceSpans() {
        Exercise e = f.exercise(Set.of("sensational"), false, null);
        assertThatThrownBy(() -> teaching.setExplanation(e.id(), "nope", "x")).hasMessageContaining("has no span nope");
        String id = e.gradedReference().getFirst().id();
        assertThat(teaching.setExplanation(e.id(), id, "  Loud.  ").explanation(id)).contains("Loud.");
        assertThat(teaching.setExplanation(e.id(), id, " ").explanation(id)).isEmpty();
    }

    @Test
    void feedbackIsRefusedUntilTheStudentSubmits() {
        Exercise e = f.exercise(Set.of("sensational", "opinion"), false, null);
        f.mark("ana", "HUMILIATED the", "sensational");

        assertThatThrownBy(() -> teaching.feedback(e.id(), "ana")).isInstanceOf(NotSubmittedException.class)
                .hasMessageContaining("ana has not submitted");
        assertThat(teaching.assignment(e.id()).instructions()).isEqualTo("Mark sensational framing and opinion.");

        teaching.submit(e.id(), "ana");
        Feedback feedback = teaching.feedback(e.id(), "ana");
        assertThat(feedback.verdicts()).extracting(SpanVerdict::verdict).containsExactly(Verdict.MATCH);
        assertThat(feedback.missed()).extracting(m -> m.reference().text()).containsExactly("seem doomed");
    }

    @Test
    void submitFreezesTheLayerAndKeepsOnlyLabelsInPlay() {
        Exercise e = f.exercise(Set.of("sensational"), false, null);
        f.mark("ana", "HUMILIATED", "sensational");
        f.mark("ana", "officials said", "attribution");

        Submission s = teaching.submit(e.id(), "ana");
        f.mark("ana", "Trump", "sensational");

        assertThat(s.spans()).extracting(Span::text).containsExactly("HUMILIATED");
        assertThat(s.late()).isFalse();
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(teaching.submission(e.id(), "ana")).contains(s);
        assertThat(Files.exists(folder.resolve("exercises/spot-the-framing/submissions/ana.json"))).isTrue();
        assertThatThrownBy(() -> teaching.submit(e.id(), "ana")).isInstanceOf(TeachingException.class)
                .hasMessageContaining("does not allow revising");
    }

    @Test
    void revisionAllowedCountsAttemptsAndLateSubmissionsAreMarked() {
        Exercise e = f.exercise(Set.of("sensational"), true, T0.plusSeconds(3600));
        teaching.submit(e.id(), "ana");
        f.clock.set(T0.plusSeconds(7200));
        f.mark("ana", "HUMILIATED", "sensational");

        Submission second = teaching.submit(e.id(), "ana");

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.late()).isTrue();
        assertThat(second.spans()).hasSize(1);
    }

    @Test
    void classCodeLifecycle() {
        Exercise e = f.exercise(Set.of("sensational"), false, null);
        assertThatThrownBy(() -> teaching.reopenClassCode(e.id())).hasMessageContaining("no class code yet");
        String code = teaching.newClassCode(e.id()).classCode();
        assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I");

        RosterEntry ana = teaching.join(code.toLowerCase().substring(0, 3) + "-" + code.substring(3), "  Ana Lima ").entry();
        assertThat(ana.user()).isEqualTo("ana-lima");
        assertThat(ana.displayName()).isEqualTo("Ana Lima");
        assertThat(teaching.roster(e.id()).students()).containsExactly(ana);
        assertThat(Files.exists(folder.resolve("exercises/spot-the-framing/roster.json"))).isTrue();

        teaching.closeClassCode(e.id());
        assertThatThrownBy(() -> teaching.join(code, "Bo")).isInstanceOf(TeachingException.class)
                .hasMessage("The class code " + code + " is closed. Ask your teacher to open it.");
        teaching.reopenClassCode(e.id());
        TeachingService.Joined bo = teaching.join(code, "Bo", "bo-chose-this");
        assertThat(bo.user()).isEqualTo("bo");
        assertThat(bo.password()).isEqualTo("bo-chose-this");

        assertThatThrownBy(() -> teaching.join("ZZZZZZ", "Cy")).hasMessage("No class uses the code ZZZZZZ. Check it with your teacher.");
        assertThatThrownBy(() -> teaching.join("hello", "Cy")).hasMessageContaining("is not a class code");
        assertThatThrownBy(() -> teaching.join(code, " ")).hasMessageContaining("needs a name");

        String newCode = teaching.newClassCode(e.id()).classCode();
        assertThat(newCode).isNotEqualTo(code);
        assertThatThrownBy(() -> teaching.join(code, "Dee")).hasMessageContaining("No class uses the code");
    }

    @Test
    void someoneWithAnAccountJoinsAnotherExerciseWithItsCodeOnceAndNotWhileItIsClosed() {
        Exercise week1 = f.exercise(Set.of("sensational"), false, null);
        String ana = teaching.join(teaching.newClassCode(week1.id()).classCode(), "Ana Lima").user();
        Exercise week2 = teaching.copy(week1.id(), "teacher", "Week 2");
        String code = teaching.newClassCode(week2.id()).classCode();
        int accounts = f.accounts.users.size();

        assertThat(teaching.joinAs(code.toLowerCase(), ana, "Ana Lima").id()).isEqualTo(week2.id());
        teaching.joinAs(code, ana, "Ana Lima"); // again: nothing changes
        assertThat(teaching.roster(week2.id()).students()).extracting(RosterEntry::user).containsExactly(ana);
        assertThat(f.accounts.users).as("no second account").hasSize(accounts);
        assertThat(teaching.exercisesOfStudent(ana)).extracting(Exercise::id).containsExactlyInAnyOrder(week1.id(), week2.id());
        assertThat(teaching.submittedCount(week2.id())).isZero();
        teaching.submit(week2.id(), ana);
        assertThat(teaching.submittedCount(week2.id())).isEqualTo(1);
        assertThat(teaching.submittedCount(week1.id())).isZero();

        teaching.closeClassCode(week2.id());
        assertThatThrownBy(() -> teaching.joinAs(code, "bo", "Bo")).hasMessageContaining("is closed");
        assertThatThrownBy(() -> teaching.joinAs("ZZZZZZ", "bo", "Bo")).hasMessageContaining("No class uses the code");
        assertThat(teaching.roster(week2.id()).students()).hasSize(1);
    }

    @Test
    void classListIsAddedInBulkOrNotAtAll() {
        Exercise e = f.exercise(Set.of("sensational"), false, null);

        TeachingService.ClassListReport bad = teaching.addClassList(e.id(), "name\nAna\n\"Lima, Bo\",x\n");
        assertThat(bad.added()).isEmpty();
        assertThat(bad.problems()).extracting(ClassList.Problem::line).containsExactly(3);
        assertThat(f.accounts.users).isEmpty();

        TeachingService.ClassListReport good = teaching.addClassList(e.id(), "name\r\nAna\r\n\r\n\"Lima, Bo\"\r\n");
        assertThat(good.problems()).isEmpty();
        assertThat(good.added()).extracting(RosterEntry::displayName).containsExactly("Ana", "Lima, Bo");
        assertThat(teaching.roster(e.id()).students()).extracting(RosterEntry::user).containsExactly("ana", "lima-bo");

        assertThat(good.passwords()).containsExactly(java.util.Map.entry("ana", "generated-ana"),
                java.util.Map.entry("lima-bo", "generated-lima-bo"));
        assertThat(teaching.resetPassword(e.id(), "ana")).isEqualTo("reset-ana");
        assertThat(f.accounts.passwordResets).containsExactly("ana");
        assertThatThrownBy(() -> teaching.resetPassword(e.id(), "zed")).hasMessageContaining("not a student of");
    }

    @Test
    void updateSettingsChecksTheReferenceStillHasSpansInPlay() {
        Exercise e = f.exercise(Set.of("sensational"), false, null);
        Exercise updated = teaching.updateSettings(e.id(), "New title", "Read twice.", Set.of("opinion", "sensational"),
                true, T0.plusSeconds(60));
        assertThat(updated.labels()).containsExactly("sensational", "opinion");
        assertThat(updated.title()).isEqualTo("New title");
        assertThat(teaching.exercise(e.id())).isEqualTo(updated);
        assertThatThrownBy(() -> teaching.updateSettings(e.id(), "t", "", Set.of("fact"), false, null))
                .hasMessageContaining("nothing to find");
        assertThat(teaching.exercisesOf("teacher")).containsExactly(updated);
    }

    @Test
    void aBrokenSubmissionFileIsNamedAndNotOverwritten() throws Exception {
        Exercise e = f.exercise(Set.of("sensational"), true, null);
        teaching.submit(e.id(), "ana");
        Path file = folder.resolve("exercises/spot-the-framing/submissions/ana.json");
        Files.writeString(file, "{ \"format\": \"slant-submission/1\", oops");

        assertThatThrownBy(() -> teaching.submit(e.id(), "ana")).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("exercises/spot-the-framing/submissions/ana.json");
        assertThat(Files.readString(file)).contains("oops");
        assertThat(teaching.results(e.id()).problems()).singleElement().asString()
                .startsWith("exercises/spot-the-framing/submissions/ana.json: line 1, column ");
    }

    @Test
    void aBrokenExerciseFileIsListedAsAProblem() throws Exception {
        Exercise e = f.exercise(Set.of("sensational"), false, null);
        Files.writeString(folder.resolve("exercises/spot-the-framing/exercise.json"), "[]");

        var listing = new JsonExerciseStore(f.workspace).list();
        assertThat(listing.exercises()).isEmpty();
        assertThat(listing.problems()).singleElement().asString()
                .startsWith("exercises/spot-the-framing/exercise.json: expected a JSON object");
        assertThatThrownBy(() -> teaching.closeClassCode(e.id())).isInstanceOf(WorkspaceException.class);
    }

    @Test
    void everythingSurvivesARoundTripThroughTheFiles() {
        Exercise e = f.exercise(Set.of("sensational", "opinion"), true, T0.plusSeconds(99));
        e = teaching.setExplanation(e.id(), e.gradedReference().getFirst().id(), "Quotes \"inside\" & ü 🔥");
        e = teaching.newClassCode(e.id());
        teaching.join(e.classCode(), "Zoë");
        int[] r = at(TeachingFixture.TEXT, "nation");
        f.annotations.create("talks", "zoe", r[0], r[1], "opinion", false);
        Submission s = teaching.submit(e.id(), "zoe");

        JsonExerciseStore fresh = new JsonExerciseStore(new org.slant.workspace.JsonWorkspace(folder));
        assertThat(fresh.find(e.id())).contains(e);
        assertThat(fresh.submissions(e.id())).containsExactly(s);
        assertThat(fresh.roster(e.id()).students()).extracting(RosterEntry::displayName).containsExactly("Zoë");
    }
}
