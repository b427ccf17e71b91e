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
        String code = f.teaching.newClassCode(first.id()).classCode();
        f.teaching.joinAs(code, "ana", "Ana");
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
    void aStudentStillSeesTheirOtherExercises() throws Exception {
        assertThat(f.teaching.exercisesOfStudent("ana")).extracting(Exercise::id).containsExactly(first.id());
        assertThat(Files.readString(roster)).isEqualTo(BROKEN);
    }
}
