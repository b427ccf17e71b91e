package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.teaching.Exercise;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;

/** A broken layer on an exercise's document does not stop students joining, and its name stays taken. */
class StudentAccountServiceBrokenLayerTest {

    private static final Instant T0 = Instant.parse("2025-09-01T08:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aStudentJoinsDespiteABrokenLayerAndDoesNotGetItsName() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", "The talks seem doomed.", null, T0));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 1 << 20);
        AnnotationService annotations = new AnnotationService(documents, new LabelService(new org.slant.project.ProjectRegistry(workspace)), workspace, clock);
        JsonExerciseStore exercises = new JsonExerciseStore(workspace);
        exercises.save(new Exercise("ex", "Ex", "talks", "teacher", "teacher", List.of(), Map.of(), "", Set.of("opinion"),
                false, null, null, false, T0));
        annotations.create("talks", "zoe-lima", 4, 9, "opinion", false);
        Path broken = folder.resolve("layers/talks/zoe-lima.json");
        Files.writeString(broken, "{ oops");
        StudentAccountService students = new StudentAccountService(
                new UserService(new JsonUserStore(workspace), clock), exercises, annotations);

        assertThat(students.createStudent("Zoë Lima", "ex", null).user()).isEqualTo("zoe-lima-2");
        assertThat(Files.readString(broken)).isEqualTo("{ oops");
    }

    /** model and model-… are the machine layers' names: a student called "Model" or "Model Bert" gets another. */
    @Test
    void aStudentNamedLikeAModelLayerGetsAnotherName() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", "The talks seem doomed.", null, T0));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 1 << 20);
        AnnotationService annotations = new AnnotationService(documents,
                new LabelService(new org.slant.project.ProjectRegistry(workspace)), workspace, clock);
        JsonExerciseStore exercises = new JsonExerciseStore(workspace);
        exercises.save(new Exercise("ex", "Ex", "talks", "teacher", "teacher", List.of(), Map.of(), "", Set.of("opinion"),
                false, null, null, false, T0));
        StudentAccountService students = new StudentAccountService(
                new UserService(new JsonUserStore(workspace), clock), exercises, annotations);

        assertThat(students.createStudent("Model", "ex", null).user()).isEqualTo("student-model");
        assertThat(students.createStudent("Model Bert", "ex", null).user()).isEqualTo("student-model-bert");
    }
}
