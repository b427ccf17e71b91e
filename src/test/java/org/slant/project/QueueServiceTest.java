package org.slant.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.slant.workspace.JsonQueueStore;
import org.slant.workspace.JsonWorkspace;
import org.slant.workspace.WorkspaceException;

class QueueServiceTest {

    @TempDir
    Path folder;
    DocumentService documents;
    AnnotationService annotations;
    ProjectService projects;
    QueueService queues;
    String study;
    String a;
    String b;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        documents = new DocumentService(workspace, Clock.systemUTC(), 1 << 20);
        a = documents.add(new Draft("Alpha", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        b = documents.add(new Draft("Beta", "Talks failed, the envoy said."), Source.UNKNOWN).id();
        queues = services(workspace);
        study = projects.create("Study", "cat").id();
        projects.moveDocuments(List.of(a, b), study, Map.of());
        projects.setMember(study, "ann", ProjectRole.ANNOTATOR);
        projects.setMember(study, "bob", ProjectRole.ANNOTATOR);
        projects.assign(study, a, List.of("ann", "bob"));
        projects.assign(study, b, List.of("ann"));
    }

    private QueueService services(JsonWorkspace workspace) {
        ProjectRegistry registry = new ProjectRegistry(workspace);
        annotations = new AnnotationService(documents, new LabelService(registry), workspace, Clock.systemUTC());
        projects = new ProjectService(registry, documents, annotations);
        return new QueueService(projects, annotations, documents, new JsonQueueStore(workspace));
    }

    /** "Done" with required parts missing is refused with the list; confirmed, it is marked all the same. */
    @Test
    void doneWithRequiredPartsMissingIsRefusedWithTheListUnlessConfirmed() {
        org.slant.label.Scheme scheme = org.slant.label.Scheme.defaults();
        new LabelService(new ProjectRegistry(new JsonWorkspace(folder))).replace(study, scheme.withLinkTypes(List.of(
                org.slant.label.LinkType.role("source", "Source", "attribution", List.of("source"), true, ""))));
        queues = services(new JsonWorkspace(folder));
        annotations.create(a, "ann", 30, 44, "attribution", false); // "officials said", no Source linked

        assertThatThrownBy(() -> queues.markDone("ann", a)).isInstanceOf(NotFinishedException.class)
                .hasMessageContaining("\"Alpha\" is not finished; 1 thing is missing: Attribution \"officials said\"")
                .hasMessageContaining("has no Source linked")
                .satisfies(e -> assertThat(((NotFinishedException) e).missing()).hasSize(1));
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.IN_PROGRESS);

        queues.markDone("ann", a, true);
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.DONE);
        queues.markDone("ann", a); // already done: asking again is no refusal
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.DONE);
    }

    @Test
    void statusMovesFromNotStartedToInProgressToDoneAndBack() {
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.NOT_STARTED);
        queues.markStarted("ann", a);
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.IN_PROGRESS);
        queues.markDone("ann", a);
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.DONE);
        queues.markStarted("ann", a); // opening a finished document again leaves it done
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.DONE);
        queues.reopen("ann", a);
        assertThat(queues.status("ann", a)).isEqualTo(DocumentStatus.IN_PROGRESS);
    }

    @Test
    void aSpanMeansInProgress() {
        annotations.create(b, "ann", 0, 5, "opinion", false);
        assertThat(queues.status("ann", b)).isEqualTo(DocumentStatus.IN_PROGRESS);
        assertThat(queues.status("bob", a)).isEqualTo(DocumentStatus.NOT_STARTED);
    }

    @Test
    void theQueueListsTheAssignedDocumentsAndTheProgressTableEveryAssignee() {
        queues.markDone("ann", a);

        assertThat(queues.queue("ann")).containsExactly(
                new QueueEntry(a, "Alpha", study, DocumentStatus.DONE),
                new QueueEntry(b, "Beta", study, DocumentStatus.NOT_STARTED));
        assertThat(queues.queue("bob")).extracting(QueueEntry::documentId).containsExactly(a);
        assertThat(queues.queue("cat")).isEmpty();
        assertThat(queues.progress(study)).isEqualTo(Map.of(
                a, Map.of("ann", DocumentStatus.DONE, "bob", DocumentStatus.NOT_STARTED),
                b, Map.of("ann", DocumentStatus.NOT_STARTED)));
    }

    @Test
    void onlyAssignedUsersMayMarkADocument() {
        assertThatThrownBy(() -> queues.markDone("bob", b)).hasMessageContaining("bob is not assigned to document " + b);
        assertThatThrownBy(() -> queues.markStarted("eve", a)).hasMessageContaining("eve is not assigned");
        assertThat(Files.exists(folder.resolve("queues"))).isFalse();
    }

    @Test
    void eachUserHasTheirOwnFileWhichSurvivesARestart() throws Exception {
        queues.markDone("ann", a);
        queues.markStarted("bob", a);

        assertThat(Files.readString(folder.resolve("queues/ann.json")))
                .contains("\"format\": \"slant-queue/1\"").contains("\"" + a + "\": \"done\"").doesNotContain("bob");
        assertThat(Files.readString(folder.resolve("queues/bob.json"))).contains("\"" + a + "\": \"in-progress\"");

        QueueService reopened = services(new JsonWorkspace(folder));
        assertThat(reopened.status("ann", a)).isEqualTo(DocumentStatus.DONE);
        assertThat(reopened.status("bob", a)).isEqualTo(DocumentStatus.IN_PROGRESS);
    }

    @Test
    void aBrokenQueueFileIsNamedAndNotOverwritten() throws Exception {
        queues.markDone("ann", a);
        Path file = folder.resolve("queues/ann.json");
        Files.writeString(file, "{\"format\": \"slant-queue/1\", \"user\": \"ann\", \"documents\": {\"" + a + "\": \"finished\"}}");

        QueueService reopened = services(new JsonWorkspace(folder));

        assertThatThrownBy(() -> reopened.status("ann", a)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("queues/ann.json").hasMessageContaining("finished");
        assertThatThrownBy(() -> new JsonQueueStore(new JsonWorkspace(folder)).save("ann", Map.of()))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("not saved");
        assertThat(Files.readString(file)).contains("finished");
    }

    @Test
    void oneBrokenQueueFileLeavesTheCuratorsProgressOfEveryoneElse() throws Exception {
        queues.markDone("ann", a);
        queues.markDone("bob", a);
        Path file = folder.resolve("queues/bob.json");
        Files.writeString(file, "{\"format\": \"slant-queue/1\",\n \"user\": \"bob\" \"documents\": {}}");

        QueueService reopened = services(new JsonWorkspace(folder));
        Map<String, Map<String, DocumentStatus>> progress = reopened.progress(study);

        assertThat(progress.get(a)).containsEntry("ann", DocumentStatus.DONE).doesNotContainKey("bob");
        assertThat(progress.get(b)).containsEntry("ann", DocumentStatus.NOT_STARTED);
        assertThatThrownBy(() -> reopened.status("bob", a)).hasMessageStartingWith("queues/bob.json: line 2, column 16");
        assertThat(Files.readString(file)).contains("\"bob\" \"documents\"");
    }

    @Test
    void nextIsTheFollowingDocumentNotDoneGoingRoundAndNothingWhenAllElseIsDone() {
        String c = documents.add(new Draft("Gamma", "A third article, said the desk."), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(c), study, Map.of());
        projects.assign(study, c, List.of("ann"));
        List<String> order = queues.queue("ann").stream().map(QueueEntry::documentId).toList();
        assertThat(order).containsExactlyInAnyOrder(a, b, c);

        assertThat(queues.next("ann", order.get(0))).get().extracting(QueueEntry::documentId).isEqualTo(order.get(1));
        queues.markDone("ann", order.get(1));
        assertThat(queues.next("ann", order.get(0))).get().extracting(QueueEntry::documentId).isEqualTo(order.get(2));
        assertThat(queues.next("ann", order.get(2))).as("round to the start").get()
                .extracting(QueueEntry::documentId).isEqualTo(order.get(0));
        queues.markDone("ann", order.get(0));
        assertThat(queues.next("ann", order.get(2))).as("everything else is done").isEmpty();
        assertThat(queues.next("bob", a)).as("bob has only this one").isEmpty();
    }
}
