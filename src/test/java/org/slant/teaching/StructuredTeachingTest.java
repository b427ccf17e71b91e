package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.MovableClock;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.annotation.StructuredFixture;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.label.AttributeValue;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonWorkspace;

/**
 * An exercise over a structured scheme, through the service and the workspace's files: the reference and a
 * submission keep their attributes, links, sentence labels and answers, and files of the earlier version
 * (spans only) still read.
 */
class StructuredTeachingTest {

    private static final Instant T0 = Instant.parse("2025-09-01T08:00:00Z");
    private static final String TEXT = StructuredFixture.TEXT;

    @TempDir
    Path folder;

    private JsonWorkspace workspace;
    private AnnotationService annotations;
    private TeachingService teaching;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        MovableClock clock = new MovableClock(T0);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        labels.replace("default", StructuredFixture.SCHEME);
        annotations = new AnnotationService(documents, labels, workspace, clock);
        teaching = new TeachingService(documents, annotations, labels, new JsonExerciseStore(workspace),
                new InMemoryStudentAccounts(), clock, new Random(42));
    }

    private Span mark(String who, String part, String label) {
        int[] r = TeachingFixture.at(TEXT, part);
        return annotations.create("talks", who, r[0], r[1], label, false).after();
    }

    /** Claimed: negative bias; the talks failed: said by Merz; sentence 2 biased; tone anti (or the student's versions). */
    private void annotate(String who, String polarity, String source, String biased, String tone) {
        Span claimed = mark(who, "claimed", "bias");
        annotations.setAttribute("talks", who, claimed.id(), "polarity", new AttributeValue.Text(polarity));
        Span talks = mark(who, "the talks failed", "attribution");
        Span by = mark(who, source, "source");
        annotations.addLink("talks", who, who, "source", talks.id(), by.id());
        Sentences.Sentence second = Sentences.of(TEXT).get(1);
        annotations.setSentenceLabel("talks", who, second.start(), second.end(), "biased", new AttributeValue.Text(biased));
        annotations.setAnswer("talks", who, "tone", new AttributeValue.Text(tone));
    }

    private Exercise exercise() {
        return teaching.create(new TeachingService.NewExercise("Who said it", "talks", "teacher", "teacher", "",
                Set.of("bias", "attribution", "source"), false, null));
    }

    @Test
    void theReferenceAndTheSubmissionKeepTheirStructureAndFeedbackSpeaksOfIt() {
        annotate("teacher", "negative", "Merz", "yes", "anti");
        Exercise exercise = exercise();
        annotate("ana", "positive", "Critics", "no", "pro");
        annotations.create("talks", "ana", 0, 1, "cue", false); // a cue is not in play: neither it nor its links go in

        Submission submitted = teaching.submit(exercise.id(), "ana");

        // read back through a second store over the same folder: nothing trusted from memory
        JsonExerciseStore again = new JsonExerciseStore(new JsonWorkspace(folder));
        Exercise stored = again.find(exercise.id()).orElseThrow();
        assertThat(stored.structure()).isEqualTo(exercise.structure());
        assertThat(stored.structure().links()).hasSize(1);
        assertThat(stored.structure().answers()).containsEntry("tone", new AttributeValue.Text("anti"));
        assertThat(stored.reference()).filteredOn(s -> s.label().equals("bias")).singleElement()
                .satisfies(s -> assertThat(s.attributes()).containsEntry("polarity", new AttributeValue.Text("negative")));
        Submission read = again.submission(exercise.id(), "ana").orElseThrow();
        assertThat(read).isEqualTo(submitted);
        assertThat(read.structure().sentences()).singleElement()
                .satisfies(s -> assertThat(s.values()).containsEntry("biased", new AttributeValue.Text("no")));
        assertThat(read.spans()).extracting(Span::label).doesNotContain("cue");

        Feedback f = teaching.feedback(exercise.id(), "ana");
        assertThat(f.verdicts()).flatExtracting(SpanVerdict::attributeDifferences).extracting(ValueVerdict::sentence)
                .containsExactly("Polarity: you said positive, the reference says negative.");
        assertThat(f.links()).extracting(LinkVerdict::sentence).containsExactly(
                "You linked “the talks failed” to “Critics” as its source; the reference links it to “Merz”.");
        assertThat(f.sentences()).extracting(ValueVerdict::sentence)
                .containsExactly("Sentence 2: you said not biased, the reference says biased.");
        assertThat(f.answers()).extracting(ValueVerdict::sentence).containsExactly("Tone: you said pro, the reference says anti.");
    }

    @Test
    void filesWrittenBeforeStructureExistedStillRead() throws Exception {
        Path dir = folder.resolve("exercises/old");
        Files.createDirectories(dir.resolve("submissions"));
        Files.writeString(dir.resolve("exercise.json"), """
                {"format": "slant-exercise/1", "id": "old", "title": "Old", "document": "talks", "teacher": "teacher",
                 "referenceSource": "teacher", "instructions": "", "labels": ["source"], "allowRevision": false,
                 "codeOpen": false, "created": "2025-09-01T08:00:00Z", "explanations": {"r1": "Merz is the one who said it"},
                 "spans": [{"id": "r1", "start": 2, "end": 6, "label": "source", "text": "Merz", "author": "teacher",
                            "created": "2025-09-01T08:00:00Z", "updated": "2025-09-01T08:00:00Z"}]}
                """);
        Files.writeString(dir.resolve("submissions/ana.json"), """
                {"format": "slant-submission/1", "exercise": "old", "student": "ana", "submitted": "2025-09-01T09:00:00Z",
                 "late": false, "attempt": 1,
                 "spans": [{"id": "s1", "start": 2, "end": 6, "label": "source", "text": "Merz", "author": "ana",
                            "created": "2025-09-01T08:30:00Z", "updated": "2025-09-01T08:30:00Z"}]}
                """);

        Feedback f = teaching.feedback("old", "ana");

        assertThat(teaching.exercise("old").structure()).isEqualTo(Structure.NONE);
        assertThat(f.verdicts()).singleElement().satisfies(v -> assertThat(v.verdict()).isEqualTo(Verdict.MATCH));
        assertThat(f.links()).isEmpty();
        assertThat(f.structureScores()).isEmpty();
        // and written again, a spans-only exercise has exactly the properties it had
        teaching.setExplanation("old", "r1", "Merz said it");
        assertThat(Files.readString(dir.resolve("exercise.json"))).doesNotContain("\"links\"", "\"sentences\"", "\"answers\"");
    }

    @Test
    void aStoredLinkToASpanTheFileDoesNotHaveIsRefusedNamingTheFile() throws Exception {
        annotate("teacher", "negative", "Merz", "yes", "anti");
        Exercise exercise = exercise();
        Path file = folder.resolve("exercises/" + exercise.id() + "/exercise.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"to\"\\s*:\\s*\"[^\"]+\"", "\"to\": \"gone\""));

        assertThatThrownBy(() -> new JsonExerciseStore(new JsonWorkspace(folder)).find(exercise.id()))
                .hasMessageContaining("exercise.json").hasMessageContaining("joins span gone");
    }
}
