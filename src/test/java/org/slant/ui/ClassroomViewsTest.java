package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.slant.security.AccessPolicy;
import org.slant.security.UserService;
import org.slant.teaching.ClassResults;
import org.slant.teaching.Exercise;
import org.slant.teaching.RosterEntry;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;

/** The classroom views: making an exercise, class codes and joining, class lists, submitting and feedback, who sees what. */
class ClassroomViewsTest extends UiTestBase {

    private static final String TEXT = "The minister SLAMMED critics, officials said, in a speech that was a disgrace.";

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TeachingService teaching;
    @Autowired
    AccessPolicy access;
    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;

    private String docId;

    @BeforeEach
    void documentWithReference() {
        docId = documents.add(new Draft("Speech " + System.nanoTime(), TEXT), Source.UNKNOWN).id();
        mark(TESTER, "SLAMMED", "sensational");
        mark(TESTER, "a disgrace", "opinion");
        mark(Layer.GOLD, "SLAMMED", "sensational");
    }

    private void mark(String layer, String part, String label) {
        int start = TEXT.indexOf(part);
        annotations.create(docId, layer, start, start + part.length(), label, false);
    }

    private Exercise exercise(boolean allowRevision) {
        Exercise e = teaching.create(new TeachingService.NewExercise("Spot the framing", docId, TESTER, TESTER,
                "Mark sensational framing and opinion.", Set.of("sensational", "opinion"), allowRevision, null));
        teaching.setExplanation(e.id(), e.gradedReference().getLast().id(), "Calling it a disgrace is the writer's judgement.");
        return teaching.newClassCode(e.id());
    }

    private String student(Exercise e, String name) {
        return teaching.addClassList(e.id(), name).added().getFirst().user();
    }

    @Test
    void aTeacherCreatesAnExerciseFromTheirOwnLayer() {
        UI.getCurrent().navigate("exercises");
        ExercisesView view = _get(ExercisesView.class);
        _click(view.newExercise);
        ExercisesView.NewExerciseDialog dialog = view.dialog;
        HasValueUtilsKt._setValue(dialog.document, documents.get(docId), true);
        assertThat(dialog.title.getValue()).startsWith("Speech");
        HasValueUtilsKt._setValue(dialog.title, "Framing in a speech", true);
        HasValueUtilsKt._setValue(dialog.instructions, "Find the loaded words.", true);
        HasValueUtilsKt._setValue(dialog.labelsInPlay, Set.copyOf(dialog.labelsInPlay.getListDataView().getItems()
                .filter(l -> l.id().equals("sensational")).toList()), true);
        HasValueUtilsKt._setValue(dialog.allowRevision, true, true);
        _click(dialog.create);

        Exercise made = teaching.exercisesOf(TESTER).stream().filter(e -> e.title().equals("Framing in a speech"))
                .findFirst().orElseThrow();
        assertThat(made.labels()).containsExactly("sensational");
        assertThat(made.allowRevision()).isTrue();
        assertThat(made.gradedReference()).extracting(s -> s.text()).containsExactly("SLAMMED");
        assertThat(_get(ExerciseTeacherView.class)).isNotNull();
    }

    @Test
    void aLabelWithoutReferenceSpansIsRefusedInTheDialog() {
        UI.getCurrent().navigate("exercises");
        ExercisesView view = _get(ExercisesView.class);
        _click(view.newExercise);
        ExercisesView.NewExerciseDialog dialog = view.dialog;
        HasValueUtilsKt._setValue(dialog.document, documents.get(docId), true);
        HasValueUtilsKt._setValue(dialog.labelsInPlay, Set.copyOf(dialog.labelsInPlay.getListDataView().getItems()
                .filter(l -> l.id().equals("attribution")).toList()), true);
        _click(dialog.create);
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("students would have nothing to find");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void theClassCodeOpensClosesAndAJoinIsRefusedWhileClosed() {
        Exercise e = teaching.create(new TeachingService.NewExercise("Codes", docId, TESTER, TESTER, "",
                Set.of("sensational"), false, null));
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView view = _get(ExerciseTeacherView.class);
        assertThat(view.code.getText()).isEqualTo("none yet");
        _click(view.newCode);
        String code = teaching.exercise(e.id()).classCode();
        assertThat(view.code.getText()).isEqualTo(code);
        assertThat(view.closeCode.isVisible()).isTrue();

        _click(view.closeCode);
        assertThat(teaching.exercise(e.id()).codeOpen()).isFalse();
        assertThat(view.reopenCode.isVisible()).isTrue();

        UI.getCurrent().navigate("join");
        JoinView join = _get(JoinView.class);
        HasValueUtilsKt._setValue(join.code, code.toLowerCase(), true);
        assertThat(join.code.getHelperText()).as("a closed code names no class").isEqualTo("From your teacher");
        HasValueUtilsKt._setValue(join.name, "Ana Lima", true);
        _click(join.join);
        assertThat(join.error.isVisible()).isTrue();
        assertThat(join.error.getText()).isEqualTo("The class code " + code + " is closed. Ask your teacher to open it.");
        assertThat(teaching.roster(e.id()).students()).isEmpty();

        HasValueUtilsKt._setValue(join.code, "ZZZZZZ", true);
        _click(join.join);
        assertThat(join.error.getText()).contains("No class uses the code ZZZZZZ");

        teaching.reopenClassCode(e.id());
        HasValueUtilsKt._setValue(join.code, code, true);
        assertThat(join.code.getHelperText()).isEqualTo("Class: Codes");
        HasValueUtilsKt._setValue(join.password, "short", true);
        _click(join.join);
        assertThat(join.error.getText()).contains("at least 10 characters");
        HasValueUtilsKt._setValue(join.password, "iloveyou123", true);
        _click(join.join);
        assertThat(join.error.getText()).contains("most common passwords");
        assertThat(teaching.roster(e.id()).students()).isEmpty();
        HasValueUtilsKt._setValue(join.password, "ana-chose-this", true);
        _click(join.join);
        assertThat(join.welcome.isVisible()).isTrue();
        assertThat(teaching.roster(e.id()).students()).extracting(RosterEntry::user).containsExactly("ana-lima");
        assertThat(users.passwordMatches("ana-lima", "ana-chose-this")).isTrue();
        assertThat(users.isAdmin("ana-lima")).isFalse();
        assertThat(projects.get(Project.DEFAULT_ID).members()).doesNotContainKey("ana-lima");

        // a new code: the old one stops working
        signIn(TESTER, true);
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        view = _get(ExerciseTeacherView.class);
        _click(view.newCode);
        assertThat(teaching.exercise(e.id()).classCode()).isNotEqualTo(code);
    }

    @Test
    void theTeacherShowsTheCodeLargeAndItsAddressFillsTheCodeIn() {
        Exercise e = teaching.create(new TeachingService.NewExercise("Projector", docId, TESTER, TESTER, "",
                Set.of("sensational"), false, null));
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView view = _get(ExerciseTeacherView.class);
        assertThat(view.present.isVisible()).as("no code yet").isFalse();
        _click(view.newCode);
        String code = teaching.exercise(e.id()).classCode();
        assertThat(view.joinAddress.getText()).endsWith("/join?code=" + code).startsWith("http");
        assertThat(view.joinAddress.getHref()).isEqualTo(view.joinAddress.getText());

        _click(view.present);
        com.vaadin.flow.component.dialog.Dialog shown = _get(com.vaadin.flow.component.dialog.Dialog.class,
                spec -> spec.withId("present-dialog"));
        assertThat(_get(shown, com.vaadin.flow.component.html.Span.class, spec -> spec.withId("present-code-text")).getText())
                .isEqualTo(code);
        _click(view.closeCode);
        assertThat(view.present.isVisible()).as("a closed code is not shown to the class").isFalse();

        UI.getCurrent().navigate("join", com.vaadin.flow.router.QueryParameters.of("code", code.toLowerCase().substring(0, 3)
                + "-" + code.toLowerCase().substring(3)));
        assertThat(_get(JoinView.class).code.getValue()).isEqualTo(code);
    }

    @Test
    void anExerciseIsCopiedForAnotherClassWithItsReferenceAndExplanationsButNoStudents() {
        Exercise e = exercise(true);
        String ana = student(e, "Ana");
        teaching.submit(e.id(), ana);
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView view = _get(ExerciseTeacherView.class);

        _click(view.copy);
        HasValueUtilsKt._setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("copy-title")),
                "Framing, class 9B", true);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("copy-confirm")));

        ExerciseTeacherView copied = _get(ExerciseTeacherView.class);
        Exercise made = teaching.exercisesOf(TESTER).stream().filter(x -> x.title().equals("Framing, class 9B"))
                .findFirst().orElseThrow();
        assertThat(copied.getPageTitle()).startsWith("Framing, class 9B");
        assertThat(made.reference()).isEqualTo(e.reference());
        assertThat(made.explanations()).isEqualTo(teaching.exercise(e.id()).explanations()).isNotEmpty();
        assertThat(made.labels()).isEqualTo(e.labels());
        assertThat(made.allowRevision()).isTrue();
        assertThat(made.classCode()).isNull();
        assertThat(made.teacher()).isEqualTo(TESTER);
        assertThat(teaching.roster(made.id()).students()).isEmpty();
        assertThat(teaching.submission(made.id(), ana)).isEmpty();
        assertThat(teaching.roster(e.id()).students()).hasSize(1); // the first class is untouched

        // the view shows one exercise after another: no column or listener twice
        assertThat(copied.results.getColumns()).hasSize(3 + made.labels().size());
        _click(copied.copy);
        assertThat(_find(com.vaadin.flow.component.dialog.Dialog.class)).hasSize(1);
    }

    @Test
    void aClassWorkingOnTheArticleNeverMovesTheTeamsAgreementCurationComparisonOrDataset() throws Exception {
        // the team: two annotators who agree, and a member who also tried the exercise
        annotations.create(docId, "team-a", TEXT.indexOf("SLAMMED"), TEXT.indexOf("SLAMMED") + 7, "sensational", false);
        annotations.create(docId, "team-b", TEXT.indexOf("SLAMMED"), TEXT.indexOf("SLAMMED") + 7, "sensational", false);
        Exercise e = exercise(false);
        String ana = student(e, "Ana");
        annotations.create(docId, ana, 0, 3, "opinion", false); // "The": nothing the team marked

        var agreement = context.getBean(org.slant.agreement.AgreementService.class).forDocument(docId);
        assertThat(agreement.annotators()).doesNotContain(ana).contains("team-a", "team-b");
        var candidates = context.getBean(org.slant.annotation.CurationService.class).candidates(docId);
        assertThat(candidates.annotators()).doesNotContain(ana);
        var out = new java.io.ByteArrayOutputStream();
        context.getBean(org.slant.exchange.ExportService.class).export(org.slant.exchange.ExportFormat.SLANT_JSON, List.of(docId),
                org.slant.exchange.LayerSelection.ALL, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"team-a\"").doesNotContain("\"" + ana + "\"");
        out.reset();
        context.getBean(org.slant.exchange.ExportService.class).export(org.slant.exchange.ExportFormat.SLANT_JSON, List.of(docId),
                org.slant.exchange.LayerSelection.parse("annotator:" + ana), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("asked for by name, it is there").contains("\"" + ana + "\"");

        UI.getCurrent().navigate("documents/" + docId + "/compare");
        assertThat(_get(CompareView.class).annotatorFilter.getListDataView().getItems().toList())
                .contains("team-a", "team-b").doesNotContain(ana);
        var row = annotations.overview(List.of(documents.get(docId)),
                context.getBean(org.slant.annotation.ClassWork.class)).getFirst();
        int teamLayers = (int) annotations.layers(docId).stream().filter(l -> !l.annotator().equals(ana)).count();
        assertThat(row.annotators()).as("the document list counts the team's layers").isEqualTo(teamLayers);

        // a project member on the roster is still one of the team
        projects.setMember(projects.projectOf(docId).id(), ana, org.slant.project.ProjectRole.ANNOTATOR);
        assertThat(context.getBean(org.slant.agreement.AgreementService.class).forDocument(docId).annotators()).contains(ana);
        projects.removeMember(projects.projectOf(docId).id(), ana);
    }

    @Test
    void aStudentJoinsTheNextWeeksExerciseWithTheSameAccount() {
        Exercise week1 = exercise(false);
        String ana = student(week1, "Ana Vaz");
        Exercise week2 = teaching.newClassCode(teaching.copy(week1.id(), TESTER, "Week two " + System.nanoTime()).id());
        signIn(ana, false);
        UI.getCurrent().navigate(ExercisesView.class);
        ExercisesView page = _get(ExercisesView.class);

        HasValueUtilsKt._setValue(page.joinCode, "ZZZZZZ", true);
        _click(page.joinButton);
        assertThat(page.joinCode.isInvalid()).isTrue();
        assertThat(page.joinCode.getErrorMessage()).contains("No class uses the code ZZZZZZ");

        HasValueUtilsKt._setValue(page.joinCode, week2.classCode(), true);
        _click(page.joinButton);
        assertThat(_get(StudentExerciseView.class)).isNotNull();
        assertThat(teaching.roster(week2.id()).find(ana)).get().extracting(RosterEntry::displayName).isEqualTo("Ana Vaz");
    }

    @Test
    void aClassListIsUploadedWithPasswordsShownOnceAndProblemsByLine() throws Exception {
        Exercise e = exercise(false);
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView view = _get(ExerciseTeacherView.class);

        UploadKt._upload(view.classList, "bad.csv", "name\nAna\n\"Lima, Bo\",x\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(view.classListReport, ListItem.class)).extracting(ListItem::getText)
                .containsExactly("line 3: expected one name, found 2 fields; put a name with a comma in double quotes");
        assertThat(teaching.roster(e.id()).students()).isEmpty();

        UploadKt._upload(view.classList, "latin1.csv", "name\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(view.classListReport, ListItem.class)).extracting(ListItem::getText).singleElement().asString()
                .startsWith("line 2: not valid UTF-8: bad byte 0xEB");
        assertThat(teaching.roster(e.id()).students()).isEmpty();

        UploadKt._upload(view.classList, "good.csv", "name\nCleo Park\n\"Diaz, Eva\"\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<RosterEntry> handout = _get(view.classListReport,
                com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._size(handout)).isEqualTo(2);
        String password = GridKt._getFormatted(handout.getColumns().get(2), GridKt._get(handout, 0));
        assertThat(users.passwordMatches("cleo-park", password)).isTrue();
        assertThat(GridKt._size(view.roster)).isEqualTo(2);

        // reset: a new password, shown once, and the old one stops working
        view.resetPassword(teaching.roster(e.id()).find("cleo-park").orElseThrow());
        String reset = _get(view.passwordDialog, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("new-password")).getText();
        assertThat(users.passwordMatches("cleo-park", reset)).isTrue();
        assertThat(users.passwordMatches("cleo-park", password)).isFalse();
    }

    @Test
    void aStudentAnnotatesSubmitsAndSeesFeedbackAndTheTeacherSeesTheClass() {
        Exercise e = exercise(true);
        String ana = student(e, "Ana");
        signIn(ana, false);
        UI.getCurrent().navigate("exercises/" + e.id());
        StudentExerciseView view = _get(StudentExerciseView.class);
        assertThat(view.work.isAttached()).isTrue();
        assertThat(view.feedback.isAttached()).isFalse();

        int slammed = TEXT.indexOf("SLAMMED");
        fire(view.spanAnnotator, "create-span", detail().put("start", slammed).put("end", slammed + 7).put("label", "sensational"));
        int officials = TEXT.indexOf("officials said");
        fire(view.spanAnnotator, "create-span", detail().put("start", officials).put("end", officials + 14).put("label", "opinion"));
        // a label not in play is refused
        fire(view.spanAnnotator, "create-span", detail().put("start", 0).put("end", 3).put("label", "attribution"));
        assertThat(annotations.layer(docId, ana).spans()).hasSize(2);

        _click(view.submit);
        assertThat(view.confirm.isOpened()).isTrue();
        view.submitNow();

        assertThat(view.feedback.isAttached()).isTrue();
        List<String> verdicts = _find(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("verdicts")),
                ListItem.class).stream().map(li -> li.getElement().getAttribute("data-verdict")).toList();
        assertThat(verdicts).containsExactly("match", "not-in-reference");
        ListItem missed = _get(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("missed")), ListItem.class);
        assertThat(missed.getElement().getAttribute("data-verdict")).isEqualTo("missed");
        assertThat(missed.getElement().getText() + _get(missed, Paragraph.class).getText())
                .contains("Calling it a disgrace is the writer's judgement.");
        assertThat(_find(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("scores")), ListItem.class))
                .hasSize(2);
        assertThat(_get(Paragraph.class, spec -> spec.withId("overall")).getText()).isNotBlank();
        assertThat(view.revise.isAttached()).isTrue();
        _click(view.revise);
        assertThat(view.work.isAttached()).isTrue();
        assertThat(view.submit.getText()).isEqualTo("Submit again");

        signIn(TESTER, true);
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView teacher = _get(ExerciseTeacherView.class);
        ClassResults.Row row = GridKt._get(teacher.results, 0);
        assertThat(row.user()).isEqualTo(ana);
        assertThat(row.state()).isEqualTo(ClassResults.State.SUBMITTED);
        String html = teacher.heatmap.getChildren().findFirst().orElseThrow().getElement().getProperty("innerHTML");
        assertThat(html).contains("data-count=\"1\"").contains("title=\"1 of 1 students marked this (Sensational framing 1)"
                + " · reference: Sensational framing\"").contains("class=\"run ref\"");
        assertThat(_find(teacher.hotspots, ListItem.class)).extracting(li -> li.getElement().getTextRecursively())
                .anySatisfy(t -> assertThat(t).contains("a disgrace").contains("The reference marks this as Opinion"));
        HasValueUtilsKt._setValue(teacher.heatmapLabel, "opinion", true);
        String opinion = teacher.heatmap.getChildren().findFirst().orElseThrow().getElement().getProperty("innerHTML");
        assertThat(opinion).contains("marked this as Opinion");
        assertThat(teacher.csvLink.getHref()).isNotBlank();
        assertThat(teacher.svgLink.getHref()).isNotBlank();
        assertThat(teacher.pngLink.getHref()).isNotBlank();
    }

    @Test
    void theTeacherOpensAStudentFromTheResultsAndReadsTheirFeedbackButAClassmateCannot() {
        Exercise e = exercise(false);
        String ana = student(e, "Ana");
        String bo = student(e, "Bo");
        int slammed = TEXT.indexOf("SLAMMED");
        annotations.create(docId, ana, slammed, slammed + 7, "sensational", false);
        teaching.submit(e.id(), ana);

        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView teacher = _get(ExerciseTeacherView.class);
        RouterLink toAna = (RouterLink) GridKt._getCellComponent(teacher.results, 0, "student");
        assertThat(toAna.getHref()).isEqualTo("exercises/" + e.id() + "/students/" + ana);

        UI.getCurrent().navigate(toAna.getHref());
        StudentWorkView work = _get(StudentWorkView.class);
        assertThat(_get(work, Paragraph.class, spec -> spec.withId("overall")).getText())
                .isEqualTo(teaching.feedback(e.id(), ana).overallSentence());
        assertThat(_find(_get(work, com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("verdicts")),
                ListItem.class)).extracting(li -> li.getElement().getAttribute("data-verdict")).containsExactly("match");
        RouterLink next = _get(work, RouterLink.class, spec -> spec.withText("Bo →"));
        annotations.create(docId, bo, TEXT.indexOf("disgrace"), TEXT.indexOf("disgrace") + 8, "opinion", false);
        UI.getCurrent().navigate(next.getHref());
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-submitted")).getText()).contains("Bo has not submitted yet")
                .contains("(1 passage)");
        SpanAnnotator soFar = _get(SpanAnnotator.class, spec -> spec.withId("work-so-far"));
        assertThat(soFar.getElement().getPropertyRaw("spans").toString()).contains("opinion");
        assertThat(soFar.getElement().getProperty("readonly", false)).isTrue();

        // a classmate asking for Ana's page gets nothing of it
        signIn(bo, false);
        UI.getCurrent().navigate(ExercisesView.class);
        UI.getCurrent().navigate("exercises/" + e.id() + "/students/" + ana);
        assertThat(_find(Paragraph.class, spec -> spec.withId("overall"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("slant-error")).getText()).contains("Only the teacher");
    }

    @Test
    void aStudentSeesNeitherTheReferenceNorAClassmatesWorkNorAnotherExercise() {
        Exercise e = exercise(false);
        String ana = student(e, "Ana");
        String bo = student(e, "Bo");
        Exercise other = teaching.create(new TeachingService.NewExercise("Other", docId, TESTER, Layer.GOLD, "",
                Set.of("sensational"), false, null));
        mark(bo, "critics", "opinion");
        projects.setOthersVisible(Project.DEFAULT_ID, true); // what annotators of the project may see does not widen it

        assertThat(access.canOpen(ana, docId)).isTrue();
        assertThat(access.canRead(ana, docId, ana)).isTrue();
        assertThat(access.canWrite(ana, docId, ana)).isTrue();
        for (String layer : List.of(TESTER, Layer.GOLD, bo, Layer.MAJORITY)) {
            assertThat(access.canRead(ana, docId, layer)).as(layer).isFalse();
            assertThat(access.canWrite(ana, docId, layer)).as(layer).isFalse();
        }
        assertThat(access.canSeeOthers(ana, docId)).isFalse();
        assertThat(access.canSeeFeedback(ana, e, bo)).isFalse();
        assertThat(access.canManageExercise(ana, e)).isFalse();
        String elsewhere = documents.add(new Draft("Elsewhere", "Not in any exercise."), Source.UNKNOWN).id();
        assertThat(access.canOpen(ana, elsewhere)).isFalse();

        signIn(ana, false);
        // another exercise on the same document: not on its roster, so refused
        UI.getCurrent().navigate("exercises/" + other.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("exercise-problem")).getText()).contains("not a student of");
        assertThat(_find(SpanAnnotator.class)).isEmpty();
        // the class page sends a student of the exercise to their own page
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        assertThat(_find(ExerciseTeacherView.class)).isEmpty();
        StudentExerciseView own = _get(StudentExerciseView.class);
        assertThat(own.work.isAttached()).isTrue();
        assertThat(own.spanAnnotator.getElement().getPropertyRaw("spans").toString()).doesNotContain(bo);
        // and the class page of an exercise they are not on is refused outright
        UI.getCurrent().navigate("exercises/" + other.id() + "/class");
        assertThat(_get(Paragraph.class, spec -> spec.withId("exercise-problem")).getText()).contains("Only the teacher");
        assertThat(_find(HeatmapPanel.class)).isEmpty();

        // the student's list shows their exercise and its state, nothing of the teaching side
        UI.getCurrent().navigate("exercises");
        ExercisesView list = _get(ExercisesView.class);
        assertThat(list.newExercise.isAttached()).isFalse();
        assertThat(GridKt._size(list.studentGrid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(list.studentGrid.getColumns().get(2), GridKt._get(list.studentGrid, 0))).isEqualTo("Not submitted");

        // the plain annotation page of the document, and the start page, lead to the exercise instead
        UI.getCurrent().navigate("documents/" + docId);
        assertThat(_find(AnnotationView.class)).isEmpty();
        assertThat(_get(StudentExerciseView.class).work.isAttached()).isTrue();
        UI.getCurrent().navigate("");
        assertThat(_find(DocumentListView.class)).isEmpty();
        _get(ExercisesView.class);
    }

    @Test
    void theClassPageFollowsJoinsAndSubmissionsWithoutAReload() {
        Exercise e = exercise(false);
        UI.getCurrent().navigate("exercises/" + e.id() + "/class");
        ExerciseTeacherView teacher = _get(ExerciseTeacherView.class);
        assertThat(GridKt._size(teacher.results)).isZero();

        String ana = student(e, "Ana"); // joins while the teacher watches
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._size(teacher.results)).isEqualTo(1);
        assertThat(GridKt._get(teacher.results, 0).state()).isEqualTo(org.slant.teaching.ClassResults.State.NOT_SUBMITTED);

        mark(ana, "SLAMMED", "sensational");
        teaching.submit(e.id(), ana);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._get(teacher.results, 0).state()).isEqualTo(org.slant.teaching.ClassResults.State.SUBMITTED);

        UI.getCurrent().navigate("exercises"); // the class page is closed: a later join is saved and nobody redraws
        student(e, "Bo");
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(teaching.roster(e.id()).students()).hasSize(2);
    }
}
