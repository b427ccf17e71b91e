package org.slant.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.CurationService;
import org.slant.annotation.Layer;
import org.slant.annotation.SpanRejectedException;
import org.slant.annotation.UserEdits;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.security.AccessDenied;
import org.slant.security.UserService;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules that used to live in views and controllers, now in the services: each is tried through the
 * service, the way any caller (a view, the API, a script) reaches it, and through the API where it has
 * an endpoint. Every test here failed while the rule was only in a view or a controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceRulesTest {

    private static final String TEXT = "The minister SLAMMED critics, officials said, in a disgrace of a speech.";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    UserEdits edits;
    @Autowired
    ProjectService projects;
    @Autowired
    TeachingService teaching;
    @Autowired
    org.springframework.context.ApplicationContext context;

    String project;
    String doc;
    String curator;
    String annotator;
    String annotatorToken;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("slant.workspace", () -> {
            try {
                return Files.createTempDirectory("slant-service-rules").toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void projectWithACuratorAndAnAnnotator() {
        long n = System.nanoTime();
        curator = "cur-" + n;
        annotator = "ann-" + n;
        users.create(curator, null, curator + "-password", false);
        users.create(annotator, null, annotator + "-password", false);
        project = projects.create("Project " + n, curator).id();
        doc = documents.add(new Draft("Speech " + n, TEXT), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(doc), project, Map.of());
        projects.setMember(project, annotator, ProjectRole.ANNOTATOR);
        projects.assign(project, doc, List.of(annotator));
        annotations.create(doc, annotator, 13, 20, "sensational", false);
        annotatorToken = users.createToken(annotator, "t").secret();
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- labels in play: was only in the student view ----

    /** A student of an exercise whose only label in play is "sensational". */
    private String[] student() {
        if (users.find("teacher").isEmpty()) {
            users.create("teacher", "Teacher", "teacher-password", true);
        }
        String exerciseDoc = documents.add(new Draft("Exercise " + System.nanoTime(), TEXT), Source.UNKNOWN).id();
        annotations.create(exerciseDoc, "teacher", 13, 20, "sensational", false);
        Exercise e = teaching.create(new TeachingService.NewExercise("Framing " + System.nanoTime(), exerciseDoc, "teacher",
                "teacher", "", Set.of("sensational"), false, null));
        String ana = teaching.addClassList(e.id(), "Ana\n").added().getFirst().user();
        return new String[] {exerciseDoc, ana, users.createToken(ana, "t").secret()};
    }

    @Test
    void aStudentCannotUseALabelThatIsNotInPlayThroughTheService() {
        String[] s = student();
        assertThatThrownBy(() -> edits.create(s[1], s[0], s[1], 4, 12, "opinion", false))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("not in play");
        assertThat(edits.create(s[1], s[0], s[1], 13, 20, "sensational", false).after().label()).isEqualTo("sensational");
        String spanId = annotations.layer(s[0], s[1]).spans().getFirst().id();
        assertThatThrownBy(() -> edits.relabel(s[1], s[0], s[1], spanId, "opinion", null))
                .isInstanceOf(SpanRejectedException.class);
        assertThat(annotations.layer(s[0], s[1]).spans()).extracting(sp -> sp.label()).containsExactly("sensational");
    }

    @Test
    void aStudentsApiPutOfALabelNotInPlayIsRefused() throws Exception {
        String[] s = student();
        HttpResponse<String> refused = call(s[2], "PUT", "/api/documents/" + s[0] + "/layers/" + s[1],
                "{\"revision\": 0, \"spans\": [{\"start\": 4, \"end\": 12, \"label\": \"opinion\"}]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("not in play");
        assertThat(annotations.layer(s[0], s[1]).spans()).isEmpty();

        HttpResponse<String> ok = call(s[2], "PUT", "/api/documents/" + s[0] + "/layers/" + s[1],
                "{\"revision\": 0, \"spans\": [{\"start\": 13, \"end\": 20, \"label\": \"sensational\"}]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    // ---- writing a layer: was in AnnotationView, StudentExerciseView and the API controller ----

    @Test
    void anAnnotatorCannotWriteSomeoneElsesLayerOrGoldThroughTheService() {
        long revision = annotations.layer(doc, annotator).revision();
        assertThatThrownBy(() -> edits.create(annotator, doc, curator, 4, 12, "opinion", false)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> edits.create(annotator, doc, Layer.GOLD, 4, 12, "opinion", false)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> edits.replaceLayer(annotator, doc, Layer.GOLD, 0, List.of())).isInstanceOf(AccessDenied.class);
        String spanId = annotations.layer(doc, annotator).spans().getFirst().id();
        assertThatThrownBy(() -> edits.delete(curator + "-nobody", doc, annotator, spanId, null)).isInstanceOf(AccessDenied.class);
        assertThat(edits.create(annotator, doc, annotator, 4, 12, "opinion", false).layer().revision()).isEqualTo(revision + 1);
    }

    @Test
    void goldIsWrittenOnlyByTheProjectsCuratorsWhoeverCallsCurationService() {
        CurationService.Candidate candidate = curation.candidates(doc).candidates().getFirst();
        long gold = curation.candidates(doc).goldRevision();
        assertThatThrownBy(() -> curation.accept(doc, annotator, gold, candidate)).isInstanceOf(AccessDenied.class);
        assertThat(annotations.layer(doc, Layer.GOLD).spans()).isEmpty();
        assertThat(curation.accept(doc, curator, gold, candidate).spans()).hasSize(1);
        long now = curation.candidates(doc).goldRevision();
        assertThatThrownBy(() -> curation.reject(doc, annotator, now, candidate)).isInstanceOf(AccessDenied.class);
        assertThat(annotations.layer(doc, Layer.GOLD).spans()).hasSize(1);
    }

    // ---- renaming and deleting a document: rename had no check at all, delete was in the view and controller ----

    @Test
    void onlyACuratorRenamesADocument() {
        String before = documents.get(doc).title();
        assertThatThrownBy(() -> edits.renameDocument(annotator, doc, "=HYPERLINK(1)")).isInstanceOf(AccessDenied.class);
        assertThat(documents.get(doc).title()).isEqualTo(before);
        assertThat(edits.renameDocument(curator, doc, "Renamed").title()).isEqualTo("Renamed");
    }

    @Test
    void onlyACuratorDeletesADocumentThroughTheServiceAndTheApi() throws Exception {
        assertThatThrownBy(() -> edits.deleteDocument(annotator, doc)).isInstanceOf(AccessDenied.class);
        assertThat(call(annotatorToken, "DELETE", "/api/documents/" + doc, null).statusCode()).isEqualTo(403);
        assertThat(documents.read(doc)).isPresent();
        edits.deleteDocument(curator, doc);
        assertThat(documents.read(doc)).isEmpty();
    }

    // ---- the last curator: was only a disabled button ----

    @Test
    void theLastCuratorOfAProjectCannotBeRemovedOrDemoted() {
        assertThatThrownBy(() -> projects.removeMember(project, curator))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last curator");
        assertThatThrownBy(() -> projects.setMember(project, curator, ProjectRole.ANNOTATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last curator");
        assertThat(projects.get(project).members()).containsEntry(curator, ProjectRole.CURATOR);

        projects.setMember(project, annotator, ProjectRole.CURATOR);
        projects.removeMember(project, curator); // another curator is left
        assertThat(projects.get(project).members()).doesNotContainKey(curator);
    }

    // ---- project settings and moves: were in ProjectView, MoveDocumentsDialog and the document list ----

    @Test
    void onlyTheProjectsCuratorsChangeItWhoeverCallsProjectService() {
        for (Runnable change : List.<Runnable>of(
                () -> projects.as(annotator).rename(project, "Mine now"),
                () -> projects.as(annotator).setMember(project, annotator, ProjectRole.CURATOR),
                () -> projects.as(annotator).removeMember(project, curator),
                () -> projects.as(annotator).setOthersVisible(project, true),
                () -> projects.as(annotator).assign(project, doc, List.of(curator)),
                () -> projects.as(annotator).delete(project))) {
            assertThatThrownBy(change::run).isInstanceOf(AccessDenied.class);
        }
        assertThat(projects.get(project).members()).containsEntry(annotator, ProjectRole.ANNOTATOR)
                .containsEntry(curator, ProjectRole.CURATOR);
        assertThat(projects.as(curator).setOthersVisible(project, true).othersVisible()).isTrue();
    }

    @Test
    void aCuratorMovesDocumentsOnlyBetweenProjectsTheyCurate() {
        String elsewhere = projects.create("Elsewhere " + System.nanoTime(), "cur2-" + System.nanoTime()).id();
        assertThatThrownBy(() -> projects.as(curator).moveDocuments(List.of(doc), elsewhere, Map.of()))
                .isInstanceOf(AccessDenied.class);
        String theirs = documents.add(new Draft("Theirs " + System.nanoTime(), TEXT), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(theirs), elsewhere, Map.of());
        assertThatThrownBy(() -> projects.as(curator).moveDocuments(List.of(theirs), project, Map.of()))
                .isInstanceOf(AccessDenied.class);
        assertThat(projects.projectOf(theirs).id()).isEqualTo(elsewhere);
        assertThat(projects.projectOf(doc).id()).isEqualTo(project);
    }

    @Test
    void aNewDocumentIsAddedOnlyToAProjectTheActorCurates() throws Exception {
        String title = "Fresh " + System.nanoTime();
        int before = documents.list().documents().size();
        assertThatThrownBy(() -> projects.as(annotator).addDocument(new Draft(title, TEXT), Source.UNKNOWN, project))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> projects.as(annotator).addDocument(new Draft(title, TEXT), Source.UNKNOWN,
                org.slant.project.Project.DEFAULT_ID)).as("nor to the Default project").isInstanceOf(AccessDenied.class);
        assertThat(documents.list().documents()).as("a refused document is not stored anywhere").hasSize(before);
        String fresh = projects.as(curator).addDocument(new Draft(title, TEXT), Source.UNKNOWN, project).id();
        assertThat(projects.projectOf(fresh).id()).isEqualTo(project);

        HttpResponse<String> r = call(annotatorToken, "POST", "/api/documents?project=" + project,
                "{\"title\": \"t\", \"text\": \"Some text here.\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    }

    // ---- labels: were in LabelsView ----

    @Test
    void onlyTheProjectsCuratorsChangeItsLabels() {
        org.slant.project.SchemeEditor editor = context.getBean(org.slant.project.SchemeEditor.class);
        org.slant.label.Label label = new org.slant.label.Label("spin", "Spin", "#aa0000", "", "wavy", "");
        assertThatThrownBy(() -> editor.put(annotator, project, label)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> editor.remove(annotator, project, "opinion", null)).isInstanceOf(AccessDenied.class);
        assertThat(editor.put(curator, project, label).contains("spin")).isTrue();
    }

    @Test
    void onlyTheProjectsCuratorsChangeItsSchemesStructure() {
        org.slant.project.SchemeEditor editor = context.getBean(org.slant.project.SchemeEditor.class);
        org.slant.label.AttributePlace opinion = org.slant.label.AttributePlace.label("opinion");
        org.slant.label.Attribute strength = org.slant.label.Attribute.scale("strength", "Strength", 1, 3, false, "");
        org.slant.label.LinkType rebuts = org.slant.label.LinkType.relation("rebuts", "Rebuts", List.of(), List.of(), "");
        for (Runnable change : List.<Runnable>of(
                () -> editor.as(annotator).putAttribute(project, opinion, strength, Map.of(), false),
                () -> editor.as(annotator).removeAttribute(project, org.slant.label.AttributePlace.DOCUMENT, "x", true),
                () -> editor.as(annotator).removeChoice(project, opinion, "strength", "1", null),
                () -> editor.as(annotator).putLinkType(project, rebuts, false),
                () -> editor.as(annotator).removeLinkType(project, "source", null))) {
            assertThatThrownBy(change::run).isInstanceOf(AccessDenied.class);
        }
        assertThat(projects.get(project).labels()).isEqualTo(org.slant.label.Scheme.defaults());
        editor.as(curator).putAttribute(project, opinion, strength, Map.of(), false);
        editor.as(curator).putLinkType(project, rebuts, false);
        assertThat(projects.get(project).labels().attribute("opinion", "strength")).contains(strength);
        assertThat(projects.get(project).labels().linkType("rebuts")).contains(rebuts);
    }

    @Test
    void onlyAdminsMakeProjectsWhoeverCallsProjectService() {
        assertThatThrownBy(() -> projects.as(curator).create("Mine " + System.nanoTime(), "parc"))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("Only admins");
        String admin = "adm-p-" + System.nanoTime();
        users.create(admin, null, admin + "-password", true);
        org.slant.project.Project made = projects.as(admin).create("PARC study " + System.nanoTime(), "parc");
        assertThat(made.labels()).isEqualTo(projects.templates().get("parc").scheme());
        assertThat(made.members()).containsEntry(admin, ProjectRole.CURATOR);
        assertThatThrownBy(() -> projects.as(admin).create("Typo", "prac")).hasMessageContaining("no scheme template \"prac\"");
    }

    // ---- users: the self-lockout rules were only disabled buttons on the Users page ----

    @Test
    void anAdminCannotLockThemselvesOutAndOnlyAdminsManageUsers() {
        String admin = "adm-" + System.nanoTime();
        users.create(admin, null, admin + "-password", true);
        assertThatThrownBy(() -> users.setDisabled(admin, admin, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.setAdmin(admin, admin, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(users.isAdmin(admin) && users.isActive(admin)).isTrue();
        assertThatThrownBy(() -> users.create(annotator, "x-" + System.nanoTime(), null, "some-password", true))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> users.resetPassword(annotator, curator)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> users.setDisabled(annotator, curator, true)).isInstanceOf(AccessDenied.class);
        users.setDisabled(admin, annotator, true);
        assertThat(users.isActive(annotator)).isFalse();
    }

    // ---- exercises: were in ExerciseTeacherView, ExercisesView and StudentExerciseView ----

    @Test
    void onlyTheTeacherManagesAnExerciseOnlyCuratorsMakeOneAndOnlyStudentsSubmit() {
        annotations.create(doc, curator, 13, 20, "sensational", false);
        assertThatThrownBy(() -> teaching.as(annotator).create(new TeachingService.NewExercise("Not mine", doc, annotator,
                curator, "", Set.of("sensational"), false, null))).isInstanceOf(AccessDenied.class);
        Exercise e = teaching.as(curator).create(new TeachingService.NewExercise("Framing " + System.nanoTime(), doc,
                curator, curator, "", Set.of("sensational"), false, null));

        assertThatThrownBy(() -> teaching.as(annotator).newClassCode(e.id())).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> teaching.as(annotator).addClassList(e.id(), "Mallory\n".getBytes()))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> teaching.as(annotator).copy(e.id(), "Copy")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> teaching.as(annotator).submit(e.id())).isInstanceOf(AccessDenied.class);
        assertThat(teaching.roster(e.id()).students()).isEmpty();
        assertThat(teaching.as(curator).newClassCode(e.id()).classCode()).isNotNull();
    }

    // ---- import: was in the API controller and the document list ----

    @Test
    void onlyCuratorsAndAdminsImport() throws Exception {
        org.slant.exchange.ImportService imports = context.getBean(org.slant.exchange.ImportService.class);
        String outsider = "out-" + System.nanoTime();
        users.create(outsider, null, outsider + "-password", false);
        assertThatThrownBy(() -> imports.optionsFor(outsider, outsider, Map.of(), false, false)).isInstanceOf(AccessDenied.class);
        var options = imports.optionsFor(curator, annotator, Map.of(), false, true);
        assertThat(options.createDocuments()).as("only admins add documents by import").isFalse();
        assertThat(options.mayWrite().test(doc)).isFalse(); // a curator writes gold and their own layer, not an annotator's
        String token = users.createToken(outsider, "t").secret();
        assertThat(call(token, "POST", "/api/import?format=jsonl&annotator=" + outsider, "{}").statusCode()).isEqualTo(403);
    }
}
