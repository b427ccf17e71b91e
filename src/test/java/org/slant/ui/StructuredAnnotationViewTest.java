package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.DocumentStatus;
import org.slant.project.ProjectService;
import org.slant.project.QueueService;
import org.slant.ui.annotate.StructureBox;
import org.slant.ui.annotate.ValueEditor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Structured annotation on the annotation page: the side box's attributes by key and click, links picked in the
 * article and typed by the scheme, roles and their fill state, sentence labels from the gutter, document
 * questions, undo of each kind, the question before deleting a linked span, and "done" with parts missing.
 */
class StructuredAnnotationViewTest extends UiTestBase {

    /** A BASIL/PARC-like scheme: bias spans with values, attribution roles, two relations, a sentence label, questions. */
    static final Scheme SCHEME = new Scheme(List.of(
            new Label("bias", "Bias", "#d9480f", "1", "wavy", "Loaded words.", List.of(
                    Attribute.choice("polarity", "Polarity", true, "Which way it leans.",
                            new Choice("positive", "Positive", "p", ""), new Choice("negative", "Negative", "n", "")),
                    Attribute.of("target", "Target", AttributeKind.ENTITY, false, "Whom it is about."),
                    Attribute.scale("intensity", "Intensity", 1, 5, false, ""),
                    Attribute.choices("frames", "Frames", false, "", new Choice("economic", "Economic", "e", ""),
                            new Choice("legality", "Legality", "g", "")),
                    Attribute.of("quote", "Quote", AttributeKind.FLAG, false, ""))),
            new Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new Label("source", "Source", "#0b7285", "3", "dotted", ""),
            new Label("cue", "Cue", "#5f3dc4", "4", "dashed", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, "Who said it."),
                    LinkType.role("cue", "Cue", "attribution", List.of("cue"), false, ""),
                    LinkType.relation("about", "About", List.of("bias"), List.of("attribution"), ""),
                    LinkType.relation("echoes", "Echoes", List.of("bias"), List.of("attribution"), "")),
            List.of(Attribute.choice("biased", "Biased", true, "", new Choice("yes", "Biased", "y", ""),
                    new Choice("no", "Not biased", "u", ""))),
            List.of(Attribute.choice("tone", "Tone", true, "", new Choice("pro", "Pro"), new Choice("neutral", "Neutral"),
                    new Choice("anti", "Anti")), Attribute.of("comment", "Comment", AttributeKind.TEXT, false, "")));

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    LabelService labels;
    @Autowired
    ProjectService projects;
    @Autowired
    QueueService queue;
    @Autowired
    org.slant.teaching.TeachingService teaching;

    String text;
    String docId;
    AnnotationView view;
    SpanAnnotator element;
    StructureBox box;

    @BeforeEach
    void structuredProject() {
        String n = Long.toString(System.nanoTime(), 36);
        String project = projects.create("Study " + n, TESTER).id();
        labels.replace(project, SCHEME);
        text = "😀 Merz said the talks failed. Critics claimed Putin won! Nobody knows.";
        docId = documents.add(new Draft("Talks " + n, text), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(docId), project, Map.of());
        projects.assign(project, docId, List.of(TESTER));
        UI.getCurrent().navigate("documents/" + docId);
        view = _get(AnnotationView.class);
        element = view.spanAnnotator;
        box = view.pane.box();
    }

    /** Creates a span over the phrase as the browser would ask (UTF-16 offsets); it is selected afterwards. */
    private String mark(String phrase, String label) {
        int start = text.indexOf(phrase);
        fire(element, "create-span", detail().put("start", start).put("end", start + phrase.length()).put("label", label));
        return layer().spans().stream().filter(s -> s.text().equals(phrase) && s.label().equals(label))
                .findFirst().orElseThrow().id();
    }

    private void select(String spanId) {
        fire(element, "select-span", detail().put("id", spanId));
    }

    private void press(String key) {
        // the browser evaluates the listener's filter and sends its result along
        var data = JSON.createObjectNode().put("event.key", key).put(view.pane.keyFilter(), true);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(element.getElement(),
                new com.vaadin.flow.dom.DomEvent(element.getElement(), "keydown", data));
    }

    private void pick(String from, String to) {
        fire(element, "link-pick", detail().put("from", from).put("to", to));
    }

    private Layer layer() {
        return annotations.layer(docId, TESTER);
    }

    private Span span(String id) {
        return layer().find(id).orElseThrow();
    }

    private static List<String> rows(Div list) {
        return list.getChildren().map(c -> c.getElement().getAttribute("data-text") != null
                ? c.getElement().getAttribute("data-text") : c.getElement().getTextRecursively()).toList();
    }

    @Test
    void theSelectedSpansAttributesAreEditedByKeyAndClick() {
        String claimed = mark("claimed", "bias");
        assertThat(box.spanPart().isVisible()).isTrue();
        ValueEditor polarity = box.editor("polarity");
        assertThat(polarity.caption()).as("required ones are marked").isEqualTo("Polarity *");
        assertThat(polarity.getElement().getAttribute("data-missing")).as("and flagged while missing").isEqualTo("true");
        assertThat(view.pane.drawnDecorations().get(claimed).incomplete()).isTrue();

        press("n"); // the Choice hotkey, pressed in the article
        assertThat(span(claimed).attributes()).containsEntry("polarity", new AttributeValue.Text("negative"));
        assertThat(polarity.button("negative").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(polarity.isMissing()).isFalse();

        _click(box.editor("intensity").button("4"));
        press("e");
        press("g");
        HasValueUtilsKt._setValue((com.vaadin.flow.component.checkbox.Checkbox) box.editor("quote").field(), true, true);
        @SuppressWarnings("unchecked")
        ComboBox<String> target = (ComboBox<String>) box.editor("target").field();
        ComboBoxKt._fireCustomValueSet(target, "Putin");

        assertThat(span(claimed).attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "polarity", new AttributeValue.Text("negative"), "intensity", new AttributeValue.Number(4),
                "frames", new AttributeValue.Choices(List.of("economic", "legality")),
                "quote", new AttributeValue.Flag(true), "target", new AttributeValue.Text("Putin")));
        assertThat(view.pane.drawnDecorations().get(claimed))
                .isEqualTo(new SpanAnnotator.SpanDecoration("neg · Putin · int 4 · eco+leg · quote", false));

        // an entity typed once is offered again in the document
        mark("won", "bias");
        @SuppressWarnings("unchecked")
        ComboBox<String> next = (ComboBox<String>) box.editor("target").field();
        assertThat(ComboBoxKt.getSuggestionItems(next)).containsExactly("Putin");

        // a second press of the picked value clears it; undo puts it back
        select(claimed);
        press("n");
        assertThat(span(claimed).attributes()).doesNotContainKey("polarity");
        _click(view.undoButton);
        assertThat(span(claimed).attributes()).containsEntry("polarity", new AttributeValue.Text("negative"));
    }

    @Test
    void aValueThatDoesNotFitIsRefusedOnceWithTheServicesMessage() {
        String claimed = mark("claimed", "bias");
        @SuppressWarnings("unchecked")
        ComboBox<String> target = (ComboBox<String>) box.editor("target").field();
        ComboBoxKt._fireCustomValueSet(target, "x".repeat(20_000));
        assertThat(span(claimed).attributes()).doesNotContainKey("target");
        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(notificationText(NotificationsKt.getNotifications().getFirst())).contains("limit");
    }

    @Test
    void aPickedSpanIsLinkedByTheOneTypeThatFitsInEitherDirection() {
        String merz = mark("Merz", "source");
        String said = mark("said", "cue");
        String claim = mark("the talks failed", "attribution");
        assertThat(rows(box.rolesList())).containsExactly("Roles", "Source: — (required)", "Cue: —");

        pick(claim, merz);
        // picked from the Cue towards the Attribution: the cue role goes from the attribution all the same
        select(said);
        pick(said, claim);

        assertThat(layer().links()).extracting(Link::type, Link::from, Link::to).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("source", claim, merz),
                org.assertj.core.groups.Tuple.tuple("cue", claim, said));
        assertThat(view.pane.drawnLinks()).extracting(SpanAnnotator.LinkView::name).containsExactlyInAnyOrder("Source", "Cue");
        assertThat(rows(box.linksList())).containsExactly("Links", "Cue ← the talks failed");
        select(claim);
        assertThat(rows(box.rolesList())).containsExactly("Roles", "Source: Merz", "Cue: said");
        assertThat(view.pane.drawnDecorations()).doesNotContainKey(claim);

        // undo takes the last link back; the remove button takes the other
        _click(view.undoButton);
        assertThat(layer().links()).extracting(Link::type).containsExactly("source");
        Div sourceRow = (Div) box.rolesList().getChildren().filter(c -> "true".equals(c.getElement().getAttribute("data-filled")))
                .findFirst().orElseThrow();
        _click((Button) sourceRow.getChildren().filter(c -> c.getElement().getClassList().contains("slant-remove-link"))
                .findFirst().orElseThrow());
        assertThat(layer().links()).isEmpty();
        assertThat(rows(box.rolesList())).contains("Source: — (required)");
    }

    @Test
    void severalFittingTypesAreOfferedInAMenuAndNoneIsAMessageNamingTheLabels() {
        String claim = mark("the talks failed", "attribution");
        String claimed = mark("claimed", "bias");
        pick(claimed, claim);
        assertThat(layer().links()).isEmpty();
        assertThat(box.menu().isOpened()).isTrue();
        assertThat(box.menu().options()).extracting(Button::getText)
                .containsExactly("About: Bias “claimed” → Attribution “the talks failed”",
                        "Echoes: Bias “claimed” → Attribution “the talks failed”");
        _click(box.menu().options().get(1));
        assertThat(layer().links()).extracting(Link::type).containsExactly("echoes");

        String merz = mark("Merz", "source");
        String said = mark("said", "cue");
        NotificationsKt.clearNotifications();
        pick(merz, said);
        assertThat(notificationText(NotificationsKt.getNotifications().getFirst()))
                .startsWith("No link joins Source “Merz” and Cue “said”");
    }

    @Test
    void deletingALinkedSpanAsksAndUndoBringsSpanAndLinksBack() {
        String merz = mark("Merz", "source");
        String said = mark("said", "cue");
        String claim = mark("the talks failed", "attribution");
        pick(claim, merz);
        pick(claim, said);

        _click(view.deleteButton);
        assertThat(view.deleteLinked.isOpened()).isTrue();
        assertThat(ConfirmDialogKt.getText(view.deleteLinked)).isEqualTo("This span has 2 links; delete it and them? Undo brings both back.");
        assertThat(layer().find(claim)).as("nothing deleted before the answer").isPresent();
        ConfirmDialogKt._fireConfirm(view.deleteLinked);
        assertThat(layer().find(claim)).isEmpty();
        assertThat(layer().links()).isEmpty();
        assertThat(view.pane.drawnLinks()).isEmpty();

        fire(element, "undo", detail());
        assertThat(layer().find(claim)).isPresent();
        assertThat(layer().links()).hasSize(2);
        assertThat(view.pane.drawnLinks()).hasSize(2);
    }

    @Test
    void sentenceLabelsFromTheGutterWithKeysAndTheNextUnlabelledSentence() {
        int second = text.indexOf("Critics"); // UTF-16, as the element sends it
        fire(element, "sentence-select", detail().put("start", second).put("end", text.indexOf("won!") + 4));
        assertThat(box.sentencePart().isVisible()).isTrue();
        press("y");
        int cp = text.codePointCount(0, second);
        assertThat(layer().sentenceAt(cp)).get().extracting(s -> s.values().get("biased")).isEqualTo(new AttributeValue.Text("yes"));
        assertThat(view.pane.drawnSentences()).extracting(SpanAnnotator.SentenceView::tag).containsExactly(null, "B", null);

        press("N"); // Shift+N: the next sentence without labels, round to the start
        assertThat(view.pane.selectedSentence().start()).isEqualTo(text.codePointCount(0, text.indexOf("Nobody")));
        press("u");
        press("N");
        assertThat(view.pane.selectedSentence().start()).isZero();
        press("u");
        assertThat(layer().sentences()).hasSize(3);

        _click(view.undoButton);
        assertThat(layer().sentences()).hasSize(2);
        assertThat(view.pane.drawnSentences().getFirst().tag()).isNull();
    }

    @Test
    void documentQuestionsAreAnsweredInThePanel() {
        ValueEditor tone = view.pane.questions().editor("tone");
        _click(tone.button("anti"));
        HasValueUtilsKt._setValue((com.vaadin.flow.component.textfield.TextField) view.pane.questions().editor("comment").field(),
                "one-sided", true);
        assertThat(layer().answers()).containsExactlyInAnyOrderEntriesOf(Map.of("tone", new AttributeValue.Text("anti"),
                "comment", new AttributeValue.Text("one-sided")));
        _click(view.undoButton);
        _click(view.undoButton);
        assertThat(layer().answers()).isEmpty();
    }

    @Test
    void theEditorsOfOneLabelServeEachOfItsSpansAndSaveToTheOneShown() {
        String claimed = mark("claimed", "bias");
        press("n");
        var editors = box.attributeEditors().getChildren().toList();
        String won = mark("won", "bias");

        // the same fields, not new ones for each new span (the browser builds new fields slowly on a long article)
        assertThat(box.attributeEditors().getChildren().toList()).containsExactlyElementsOf(editors);
        assertThat(span(won).attributes()).isEmpty();
        press("p");
        assertThat(span(won).attributes()).containsEntry("polarity", new AttributeValue.Text("positive"));
        assertThat(span(claimed).attributes()).containsEntry("polarity", new AttributeValue.Text("negative"));
        select(claimed);
        press("p");
        assertThat(span(claimed).attributes()).containsEntry("polarity", new AttributeValue.Text("positive"));
        assertThat(span(won).attributes()).containsEntry("polarity", new AttributeValue.Text("positive"));
    }

    @Test
    void doneWithPartsMissingIsRefusedWithTheListUnlessMeant() {
        String claimed = mark("claimed", "bias");
        assertThat(view.pane.missing().isVisible()).isTrue();
        // three sentences without "Biased", the tone, and the bias without polarity
        assertThat(view.pane.missing().countButton().getText()).isEqualTo("5 missing");
        fire(element, "select-span", detail().putNull("id"));
        _click(view.pane.missing().countButton());
        _click((Button) view.pane.missing().items().getChildren().filter(c -> c.getElement().getTextRecursively()
                .contains("has no Polarity")).findFirst().orElseThrow());
        assertThat(element.getSelectedId()).as("jumps to the span").isEqualTo(claimed);

        _click(view.doneButton);
        assertThat(queue.status(TESTER, docId)).isEqualTo(DocumentStatus.IN_PROGRESS);
        assertThat(view.notFinished.isOpened()).isTrue();
        ConfirmDialogKt._fireConfirm(view.notFinished);
        assertThat(queue.status(TESTER, docId)).isEqualTo(DocumentStatus.DONE);
        assertThat(view.doneButton.getText()).isEqualTo("Reopen");
    }

    @Test
    void linksAndBadgesSavedInAnotherWindowAreDrawnHere() {
        String merz = mark("Merz", "source");
        String claim = mark("the talks failed", "attribution");
        annotations.addLink(docId, TESTER, TESTER, "source", claim, merz);
        annotations.setAttribute(docId, TESTER, mark("claimed", "bias"), "polarity", new AttributeValue.Text("positive"));
        MockVaadin.clientRoundtrip(false);
        assertThat(view.pane.drawnLinks()).extracting(SpanAnnotator.LinkView::from, SpanAnnotator.LinkView::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(claim, merz));
        assertThat(view.pane.drawnDecorations().values()).extracting(SpanAnnotator.SpanDecoration::badge).contains("pos");
    }

    @Test
    void aStudentAnnotatesStructureInTheSameSideBox() {
        mark("claimed", "bias"); // the teacher's reference
        mark("Merz", "source");
        var exercise = teaching.newClassCode(teaching.create(new org.slant.teaching.TeachingService.NewExercise("Who said it",
                docId, TESTER, TESTER, "", java.util.Set.of("bias", "source", "attribution"), true, null)).id());
        String student = teaching.addClassList(exercise.id(), "Ana").added().getFirst().user();
        signIn(student, false);
        UI.getCurrent().navigate("exercises/" + exercise.id());
        StudentExerciseView page = _get(StudentExerciseView.class);
        assertThat(page.pane).as("the scheme has structure: the side box is there").isNotNull();
        SpanAnnotator studentElement = page.spanAnnotator;
        StructureBox studentBox = page.pane.box();

        int at = text.indexOf("claimed");
        fire(studentElement, "create-span", detail().put("start", at).put("end", at + 7).put("label", "bias"));
        String bias = annotations.layer(docId, student).spans().getFirst().id();
        assertThat(studentBox.spanPart().isVisible()).isTrue();
        _click(studentBox.editor("polarity").button("negative"));
        assertThat(annotations.layer(docId, student).find(bias).orElseThrow().attributes())
                .containsEntry("polarity", new AttributeValue.Text("negative"));

        int m = text.indexOf("Merz");
        fire(studentElement, "create-span", detail().put("start", m).put("end", m + 4).put("label", "source"));
        int c = text.indexOf("the talks failed");
        fire(studentElement, "create-span", detail().put("start", c).put("end", c + 16).put("label", "attribution"));
        Layer mine = annotations.layer(docId, student);
        String merz = mine.spans().stream().filter(x -> x.label().equals("source")).findFirst().orElseThrow().id();
        String claim = mine.spans().stream().filter(x -> x.label().equals("attribution")).findFirst().orElseThrow().id();
        fire(studentElement, "link-pick", detail().put("from", claim).put("to", merz));
        assertThat(annotations.layer(docId, student).links()).extracting(Link::type).containsExactly("source");
        assertThat(page.pane.drawnLinks()).hasSize(1);
        _click(page.pane.questions().editor("tone").button("pro"));
        assertThat(annotations.layer(docId, student).answers()).containsKey("tone");

        fire(studentElement, "undo", detail());
        fire(studentElement, "undo", detail());
        assertThat(annotations.layer(docId, student).links()).isEmpty();
        assertThat(annotations.layer(docId, student).answers()).isEmpty();
    }
}
