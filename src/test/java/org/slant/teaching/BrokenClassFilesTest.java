package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.DocumentOverview;
import org.slant.document.Document;
import org.slant.project.ProjectRegistry;
import org.slant.project.ProjectService;
import org.slant.workspace.JsonExerciseStore;

/**
 * A broken roster.json stops only what depends on it: the document list still lists every other
 * document, a student still sees their other exercises, and the file is never overwritten.
 */
class BrokenClassFilesTest {

    private static final String BROKEN = "{\"format\": \"slant-roster/1\",\n  \"exercise\": \"spot-the-framing-2\"\n  \"students\": []}\n";

    @TempDir
    Path folder;

    private TeachingFixture f;
    private Exercise first;
    private Exercise second;
    private Path roster;

    @BeforeEach
    void setUp() throws Exception {
        f = new TeachingFixture(folder);
        f.workspace.save(new Document("other", "Other news", "Nothing framed here at all.", null, TeachingFixture.T0));
        f.mark("teacher", "HUMILIATED", "sensational");
        first = f.exercise(Set.of("sensational"), false, null);
        second = f.exercise(Set.of("sensational"), false, null);
        first = f.teaching.newClassCode(first.id());
        f.teaching.joinAs(first.classCode(), "ana", "Ana");
        f.teaching.joinAs(f.teaching.newClassCode(second.id()).classCode(), "ana", "Ana");
        f.mark("ana", "HUMILIATED", "sensational");
        roster = folder.resolve("exercises/" + second.id() + "/roster.json");
        Files.writeString(roster, BROKEN);
    }

    @Test
    void theDocumentListShowsEveryOtherDocumentAndNamesTheRosterOnItsOwnRow() throws Exception {
        JsonExerciseStore exercises = new JsonExerciseStore(f.workspace);
        StudentLayers classWork = new StudentLayers(exercises,
                new ProjectService(new ProjectRegistry(f.workspace), f.documents, f.annotations));

        List<DocumentOverview> rows = f.annotations.overview(f.workspace.list().documents(), classWork);

        assertThat(rows).extracting(r -> r.document().id()).containsExactly("other", "talks");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).startsWith("exercises/" + second.id() + "/roster.json: line 3, column 3: not valid JSON");
        assertThat(Files.readString(roster)).isEqualTo(BROKEN);
    }

    @Test
    void oneBrokenSubmissionLeavesTheResultsOfTheRestOfTheClass() throws Exception {
        f.teaching.joinAs(first.classCode(), "bo", "Bo");
        f.mark("bo", "HUMILIATED", "sensational");
        f.teaching.submit(first.id(), "ana");
        f.teaching.submit(first.id(), "bo");
        Path file = folder.resolve("exercises/" + first.id() + "/submissions/bo.json");
        String broken = Files.readString(file).replace("\"late\": false", "\"late\": nope");
        Files.writeString(file, broken);

        ClassResults results = f.teaching.results(first.id());

        assertThat(results.rows()).extracting(ClassResults.Row::user, ClassResults.Row::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", ClassResults.State.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple("bo", ClassResults.State.NOT_SUBMITTED));
        assertThat(results.problems()).singleElement().asString()
                .startsWith("exercises/" + first.id() + "/submissions/bo.json: line ").contains("not valid JSON");
        assertThat(f.teaching.heatmap(first.id()).students()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void aStudentStillSeesTheirOtherExercises() throws Exception {
        assertThat(f.teaching.exercisesOfStudent("ana")).extracting(Exercise::id).containsExactly(first.id());
        assertThat(Files.readString(roster)).isEqualTo(BROKEN);
    }
}
