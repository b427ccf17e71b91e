package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.security.StudentAccountService;
import org.slant.security.UserService;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;

/**
 * A class of 30 joins with one code at the same moment (ten of them typing the same name), each
 * student marks the text and submits, while the teacher's page keeps reading results and the heatmap.
 * Afterwards a fresh start over the same folder finds every student, every account and every
 * submission exactly as acknowledged.
 */
class ClassOfThirtyTest {

    private static final int STUDENTS = 30;
    private static final String TEXT = TeachingFixture.TEXT;

    @TempDir
    Path folder;

    private record Services(UserService users, AnnotationService annotations, TeachingService teaching) {
    }

    private Services start() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        Clock clock = Clock.systemUTC();
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        AnnotationService annotations = new AnnotationService(documents, labels, workspace, clock);
        UserService users = new UserService(new JsonUserStore(workspace), clock);
        JsonExerciseStore exercises = new JsonExerciseStore(workspace);
        StudentAccountService accounts = new StudentAccountService(users, exercises, annotations);
        return new Services(users, annotations, new TeachingService(documents, annotations, labels, exercises, accounts,
                clock, new Random()));
    }

    @Test
    void thirtyStudentsJoinMarkAndSubmitAtOnceAndNothingIsLost() throws Exception {
        new JsonWorkspace(folder).save(new Document("talks", "Peace talks", TEXT, null, TeachingFixture.T0));
        Services s = start();
        int[] ref = TeachingFixture.at(TEXT, "HUMILIATED");
        s.annotations().create("talks", "teacher", ref[0], ref[1], "sensational", false);
        Exercise exercise = s.teaching().create(new TeachingService.NewExercise("Spot the framing", "talks", "teacher",
                "teacher", "Mark sensational framing and opinion.", Set.of("sensational", "opinion"), false, null));
        String code = s.teaching().newClassCode(exercise.id()).classCode();

        String[] words = {"Trump", "HUMILIATED", "the nation", "officials said", "talks", "doomed"};
        record Work(String password, List<Span> spans) {
        }
        Map<String, Work> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean classOver = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS + 1);
        try {
            Future<Integer> teacher = pool.submit(() -> {
                go.await();
                int reads = 0;
                while (!classOver.get()) { // the live class page reads while students write
                    s.teaching().results(exercise.id());
                    s.teaching().heatmap(exercise.id());
                    reads++;
                }
                return reads;
            });
            List<Future<?>> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                String name = i < 10 ? "Ana Lima" : "Student " + i;
                int n = i;
                students.add(pool.submit(() -> {
                    go.await();
                    String password = "pw-" + n + "-long-enough";
                    String user = s.teaching().join(code, name, password).user();
                    List<Span> mine = new ArrayList<>();
                    for (int k = 0; k <= n % 3; k++) {
                        int[] r = TeachingFixture.at(TEXT, words[(n + k) % words.length]);
                        mine.add(s.annotations().create("talks", user, r[0], r[1], k % 2 == 0 ? "sensational" : "opinion",
                                false).after());
                    }
                    s.teaching().submit(exercise.id(), user);
                    acknowledged.put(user, new Work(password, mine));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : students) {
                f.get(120, TimeUnit.SECONDS);
            }
            classOver.set(true);
            assertThat(teacher.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        // a fresh start reads everything back from the files
        Services after = start();
        Roster roster = after.teaching().roster(exercise.id());
        assertThat(roster.students()).hasSize(STUDENTS);
        assertThat(roster.students()).extracting(RosterEntry::user).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        assertThat(roster.students()).filteredOn(e -> e.user().startsWith("ana-lima")).hasSize(10);
        for (Map.Entry<String, Work> student : acknowledged.entrySet()) {
            String user = student.getKey();
            assertThat(after.users().passwordMatches(user, student.getValue().password())).as(user).isTrue();
            Submission submission = after.teaching().submission(exercise.id(), user).orElseThrow();
            assertThat(submission.spans()).as(user).containsExactlyInAnyOrderElementsOf(student.getValue().spans());
        }
        ClassResults results = after.teaching().results(exercise.id());
        assertThat(results.rows()).hasSize(STUDENTS).allSatisfy(r -> assertThat(r.state()).isEqualTo(ClassResults.State.SUBMITTED));
        assertThat(after.teaching().heatmap(exercise.id()).students()).isEqualTo(STUDENTS);
    }

}
