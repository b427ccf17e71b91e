package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

class AnnotationViewTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    String docId;
    String text;
    AnnotationView view;
    SpanAnnotator element;

    @BeforeEach
    void openDocument() {
        // an emoji before the spans makes UTF-16 and code point offsets differ by one
        text = "Headline 👀 here\nTrump HUMILIATED the nation, officials said on Monday.";
        docId = documents.add(new Draft("Emoji " + System.nanoTime(), text), Source.UNKNOWN).id();
        UI.getCurrent().navigate("documents/" + docId);
        view = _get(AnnotationView.class);
        element = view.spanAnnotator;
    }

    /** UTF-16 offsets of a phrase, as the browser would send them. */
    private ObjectNodeBuilder selection(String phrase) {
        int start = text.indexOf(phrase);
        return new ObjectNodeBuilder(start, start + phrase.length());
    }

    private record ObjectNodeBuilder(int start, int end) {
        tools.jackson.databind.node.ObjectNode label(String label) {
            return detail().put("start", start).put("end", end).put("label", label);
        }
    }

    private Layer layer() {
        return annotations.layer(docId, "tester");
    }

    @Test
    void showsTheDocumentTextInTheAnnotatorElement() {
        assertThat(element.getElement().getProperty("text")).isEqualTo(text);
        assertThat(view.title.getText()).startsWith("Emoji");
    }

    @Test
    void theSidePanelListsTheKeyboardKeys() {
        String keys = _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("keyboard-help"))
                .getElement().getTextRecursively();
        assertThat(keys).contains("Shift + arrows").contains("select the sentence at the caret").contains("Ctrl+Z");
    }

    @Test
    void hotkeyIntentCreatesASpanWithCodePointOffsets() {
        fire(element, "create-span", selection("HUMILIATED").label("sensational"));

        Span span = layer().spans().getFirst();
        assertThat(span.text()).isEqualTo("HUMILIATED");
        // code points: the emoji counts once, so the offset is one less than in UTF-16
        assertThat(span.start()).isEqualTo(text.indexOf("HUMILIATED") - 1);
        assertThat(span.author()).isEqualTo("tester");
        assertThat(element.getSelectedId()).isEqualTo(span.id());
        assertThat(view.selectedPanel.isVisible()).isTrue();
        assertThat(view.spanList.getElement().getChildren()
                .filter(e -> "sensational".equals(e.getAttribute("data-group"))).findFirst().orElseThrow()
                .getAttribute("data-count")).isEqualTo("1");
    }

    @Test
    void partOfAWordSnapsToTheWholeWordUnlessSnappingIsOff() {
        fire(element, "create-span", selection("UMILIAT").label("sensational"));
        assertThat(layer().spans()).extracting(Span::text).containsExactly("HUMILIATED");

        view.snap.setValue(false);
        fire(element, "create-span", selection("officia").label("attribution"));
        assertThat(layer().spans()).extracting(Span::text).contains("officia");
    }

    @Test
    void whitespaceOnlySelectionIsRefusedWithAMessage() {
        int nl = text.indexOf('\n');
        fire(element, "create-span", detail().put("start", nl).put("end", nl + 1).put("label", "opinion"));

        assertThat(layer().spans()).isEmpty();
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        assertThat(notificationText(shown.getFirst())).contains("white space");
    }

    @Test
    void duplicateIsRefusedButAnOverlappingSpanWithAnotherLabelIsKept() {
        fire(element, "create-span", selection("officials said").label("attribution"));
        fire(element, "create-span", selection("officials said").label("attribution"));
        assertThat(NotificationsKt.getNotifications()).isNotEmpty();
        fire(element, "create-span", selection("officials said on Monday").label("fact"));

        assertThat(layer().spans()).extracting(Span::label).containsExactlyInAnyOrder("attribution", "fact");
    }

    @Test
    void selectRelabelNoteDeleteAndUndo() {
        fire(element, "create-span", selection("the nation").label("opinion"));
        String id = layer().spans().getFirst().id();
        fire(element, "select-span", detail().putNull("id"));
        assertThat(view.selectedPanel.isVisible()).isFalse();

        fire(element, "select-span", detail().put("id", id));
        assertThat(view.selectedPanel.isVisible()).isTrue();
        fire(element, "relabel-span", detail().put("id", id).put("label", "fact"));
        assertThat(layer().find(id).orElseThrow().label()).isEqualTo("fact");

        // as typed by the user (a value change from the client)
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(view.selectedNote, "checkable claim", true);
        assertThat(layer().find(id).orElseThrow().note()).isEqualTo("checkable claim");

        com.vaadin.flow.component.details.Details factGroup = (com.vaadin.flow.component.details.Details) view.spanList.getChildren()
                .filter(c -> "fact".equals(c.getElement().getAttribute("data-group"))).findFirst().orElseThrow();
        assertThat(factGroup.isOpened()).isTrue();
        _click(view.deleteButton);
        assertThat(layer().spans()).isEmpty();
        assertThat(factGroup.isOpened()).as("an empty group closes").isFalse();

        fire(element, "undo", detail());
        assertThat(layer().find(id)).get().extracting(Span::label).isEqualTo("fact");
        _click(view.undoButton); // undo the note
        assertThat(layer().find(id).orElseThrow().note()).isNull();
        _click(view.undoButton); // undo the relabel
        assertThat(layer().find(id).orElseThrow().label()).isEqualTo("opinion");
    }

    @Test
    void unknownLabelFromTheClientIsRefused() {
        fire(element, "create-span", selection("Trump").label("propaganda"));
        assertThat(layer().spans()).isEmpty();
        assertThat(notificationText(NotificationsKt.getNotifications().getFirst())).contains("propaganda");
    }

    @Test
    void unknownDocumentShowsAMessageInsteadOfTheEditor() {
        UI.getCurrent().navigate("documents/no-such-document");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("slant-error")).getText())
                .contains("no-such-document");
    }

    @Test
    void aBrokenLayerFileIsNamedAndLeftUntouched() throws Exception {
        java.nio.file.Path file = workspace.resolve("layers/" + docId + "/tester.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{\"format\": \"slant-layer/1\", oops");
        String otherDoc = documents.add(new Draft("Fresh " + System.nanoTime(), "Fresh text here."), Source.UNKNOWN).id();
        UI.getCurrent().navigate("documents/" + otherDoc); // leave, so the broken layer is read anew
        UI.getCurrent().navigate("documents/" + docId);

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("slant-error")).getText())
                .contains("layers/" + docId + "/tester.json");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("{\"format\": \"slant-layer/1\", oops");
        java.nio.file.Files.delete(file);
    }

    @Test
    void aSaveMadeElsewhereShowsUpWithoutReloading() {
        // another tab, an import or the API saves to the same layer
        int cp = text.codePointCount(0, text.indexOf("officials said"));
        annotations.create(docId, "tester", cp, cp + 14, "attribution", false);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);

        assertThat(view.spanList.getElement().getChildren()
                .filter(e -> "attribution".equals(e.getAttribute("data-group"))).findFirst().orElseThrow()
                .getAttribute("data-count")).isEqualTo("1");
        // and undo here still only knows this view's own edits
        fire(element, "undo", detail());
        assertThat(layer().spans()).hasSize(1);
    }

    @Test
    void downloadLinkPointsAtTheJsonExport() {
        assertThat(view.download.getHref()).isEqualTo("/api/documents/" + docId + "/export?format=json");
        assertThat(_get(Button.class, spec -> spec.withText("Download JSON"))).isNotNull();
    }

    @Test
    void theViewOpeningASecondDocumentActsOncePerClick() {
        String second = documents.add(new Draft("Second " + System.nanoTime(), text), Source.UNKNOWN).id();
        UI.getCurrent().navigate("documents/" + second);
        AnnotationView again = _get(AnnotationView.class);
        assertThat(again).as("the same view instance shows the next document").isSameAs(view);

        fire(element, "create-span", selection("HUMILIATED").label("sensational"));
        fire(element, "create-span", selection("the nation").label("opinion"));
        _click(view.undoButton);
        assertThat(annotations.layer(second, "tester").spans()).as("one click, one undo").hasSize(1);

        fire(element, "select-span", detail().put("id", annotations.layer(second, "tester").spans().getFirst().id()));
        NotificationsKt.clearNotifications();
        _click(view.deleteButton);
        assertThat(annotations.layer(second, "tester").spans()).isEmpty();
        assertThat(NotificationsKt.getNotifications()).as("no second delete of a span already gone").isEmpty();
    }
}
