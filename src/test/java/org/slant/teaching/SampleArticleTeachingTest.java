package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonWorkspace;

/** The whole classroom flow on the sample article (about 24,000 characters) with a class of 30. */
class SampleArticleTeachingTest {

    @TempDir
    Path folder;

    @Test
    void thirtyStudentsOnTheSampleArticle() throws Exception {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2025-09-01T08:00:00Z"), ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        documents.addSampleIfEmpty(); // the article of ../shared/samples/peace-talks-article.txt, from the classpath
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        AnnotationService annotations = new AnnotationService(documents, labels, workspace, clock);
        InMemoryStudentAccounts accounts = new InMemoryStudentAccounts();
        TeachingService teaching = new TeachingService(documents, annotations, labels, new JsonExerciseStore(workspace),
                accounts, clock, new Random(7));
        String text = documents.open("peace-talks").document().text();

        String[] phrases = {"Embarrassed", "seemingly irreconcilable divide", "unwavering demand", "steadfast refusal"};
        for (String p : phrases) {
            int[] r = TeachingFixture.at(text, p);
            annotations.create("peace-talks", "teacher", r[0], r[1], "sensational", false);
        }
        Exercise e = teaching.create(new TeachingService.NewExercise("Peace talks framing", "peace-talks", "teacher",
                "teacher", "Find the sensational framing.", Set.of("sensational"), false, null));
        teaching.setExplanation(e.id(), e.gradedReference().getFirst().id(), "A verdict on Trump's feelings, not an event.");
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("Student ").append(i).append('\n');
        }
        List<RosterEntry> students = teaching.addClassList(e.id(), csv.toString()).added();
        assertThat(students).hasSize(30);

        // everyone finds "Embarrassed"; the even half also "unwavering demand"; a third adds a phrase not in the reference
        for (int i = 0; i < 30; i++) {
            String user = students.get(i).user();
            mark(annotations, text, user, "Embarrassed");
            if (i % 2 == 0) {
                mark(annotations, text, user, "unwavering demand");
            }
            if (i % 3 == 0) {
                mark(annotations, text, user, "deeply entrenched");
            }
            if (i < 29) {
                teaching.submit(e.id(), user);
            }
        }

        Feedback first = teaching.feedback(e.id(), students.getFirst().user());
        assertThat(first.scores().getFirst().sentence()).isEqualTo("You found 2 of the 4 sensational-framing passages "
                + "in the reference, and 2 of your 3 were in it. Score (F1): 0.57.");
        assertThat(first.missed()).extracting(m -> m.reference().text())
                .containsExactly("seemingly irreconcilable divide", "steadfast refusal");

        ClassHeatmap map = teaching.heatmap(e.id());
        assertThat(map.length()).isEqualTo(text.codePointCount(0, text.length())).isGreaterThan(20_000);
        assertThat(map.students()).isEqualTo(29);
        assertThat(map.count("sensational", TeachingFixture.at(text, "Embarrassed")[0])).isEqualTo(29);
        assertThat(map.count("sensational", TeachingFixture.at(text, "unwavering")[0])).isEqualTo(15);
        assertThat(map.hotspots(2)).extracting(ClassHeatmap.Hotspot::text)
                .containsExactly("seemingly irreconcilable divide", "steadfast refusal");

        ClassResults results = teaching.results(e.id());
        assertThat(results.rows()).hasSize(30);
        assertThat(results.rows().getLast().state()).isEqualTo(ClassResults.State.NOT_SUBMITTED);

        HeatmapImage image = teaching.heatmapImage(e.id(), null, 100);
        HeatmapImageTest.parse(image.svg());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        image.writePng(png);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(decoded.getWidth()).isEqualTo(image.width());
        assertThat(decoded.getHeight()).isEqualTo(image.height()).isGreaterThan(200 * HeatmapImage.LINE_HEIGHT);
    }

    private static void mark(AnnotationService annotations, String text, String user, String phrase) {
        int[] r = TeachingFixture.at(text, phrase);
        annotations.create("peace-talks", user, r[0], r[1], "sensational", false);
    }
}
