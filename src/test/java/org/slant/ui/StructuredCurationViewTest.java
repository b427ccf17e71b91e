package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.CurationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.annotation.StructuredFixture;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.document.Source;
import org.slant.label.AttributeValue;
import org.slant.label.LabelService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The curation page of a document in a structured scheme (StructuredFixture): attribute values per annotator on
 * the span rows, and sections for links, sentence labels and document questions.
 */
class StructuredCurationViewTest extends UiTestBase {

    private static final String TEXT = StructuredFixture.TEXT;

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    LabelService labels;
    @Autowired
    CurationService curation;

    private String docId;
    private CurationView view;

    /** ana and ben: Bias "claimed" (negative / positive), "the talks failed" sourced to Merz / Critics, sentence 1 biased or not, tone anti. */
    @BeforeEach
    void twoAnnotators() {
        labels.replace("default", StructuredFixture.SCHEME);
        docId = documents.add(new Draft("Peace talks", TEXT), Source.UNKNOWN).id();
        Sentences.Sentence first = Sentences.of(TEXT).getFirst();
        for (String annotator : List.of("ana", "ben")) {
            boolean ana = annotator.equals("ana");
            Span bias = mark(annotator, "claimed", "bias");
            annotations.setAttribute(docId, annotator, bias.id(), "polarity", new AttributeValue.Text(ana ? "negative" : "positive"));
            Span attribution = mark(annotator, "the talks failed", "attribution");
            Span source = mark(annotator, ana ? "Merz" : "Critics", "source");
            annotations.addLink(docId, annotator, annotator, "source", attribution.id(), source.id());
            annotations.setSentenceLabel(docId, annotator, first.start(), first.end(), "biased",
                    new AttributeValue.Text(ana ? "yes" : "no"));
            annotations.setAnswer(docId, annotator, "tone", new AttributeValue.Text("anti"));
        }
        UI.getCurrent().navigate("documents/" + docId + "/curation");
        view = _get(CurationView.class);
    }

    private Span mark(String annotator, String part, String label) {
        int[] r = StructuredFixture.at(part);
        return annotations.create(docId, annotator, r[0], r[1], label, false).after();
    }

    private CurationService.Candidate candidate(String text, String label) {
        return curation.candidates(docId).candidates().stream().filter(c -> c.text().equals(text) && c.label().equals(label))
                .findFirst().orElseThrow();
    }

    private Layer gold() {
        return annotations.layer(docId, CurationService.GOLD);
    }

    private static <T> int row(Grid<T> grid, java.util.function.Predicate<T> which) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (which.test(GridKt._get(grid, i))) {
                return i;
            }
        }
        throw new AssertionError("no such row");
    }

    private int spanRow(String text, String label) {
        return row(view.grid, c -> c.text().equals(text) && c.label().equals(label));
    }

    private static List<Button> buttons(Component cell, String cls) {
        return _find(cell, Button.class, spec -> spec.withClasses(cls));
    }

    private static Button pick(Component cell, String text) {
        return buttons(cell, "slant-cur-pick").stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" among "
                        + buttons(cell, "slant-cur-pick").stream().map(Button::getText).toList()));
    }

    @Test
    void eachAnnotatorsAttributeValueIsAButtonThatPutsItIntoGoldOnceTheSpanIsThere() {
        Component cell = GridKt._getCellComponent(view.grid, spanRow("claimed", "bias"), "attributes");
        assertThat(buttons(cell, "slant-cur-pick")).extracting(Button::getText)
                .containsExactlyInAnyOrder("Negative · ana", "Positive · ben");
        assertThat(pick(cell, "Negative · ana").isEnabled()).isFalse(); // not in gold yet

        _click(GridKt._getCellComponent(view.grid, spanRow("claimed", "bias"), "actions")
                .getChildren().map(Button.class::cast).filter(b -> b.getText().equals("Accept")).findFirst().orElseThrow());
        _click(pick(GridKt._getCellComponent(view.grid, spanRow("claimed", "bias"), "attributes"), "Negative · ana"));

        assertThat(gold().spans()).singleElement().satisfies(s -> assertThat(s.attributes())
                .containsExactly(Map.entry("polarity", new AttributeValue.Text("negative"))));
        Component after = GridKt._getCellComponent(view.grid, spanRow("claimed", "bias"), "attributes");
        assertThat(_get(after, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("slant-cur-gold-value"))
                .getText()).isEqualTo("✓ Negative · ana · in gold");
        assertThat(buttons(after, "slant-cur-pick")).extracting(Button::getText).containsExactly("Positive · ben");
        _click(buttons(after, "slant-cur-clear").getFirst());
        assertThat(gold().spans().getFirst().attributes()).isEmpty();
    }

    @Test
    void linksAreListedWithWhoLinkedThemAndAcceptedOnceBothEndsAreGold() {
        assertThat(view.linkSection.isVisible()).isTrue();
        assertThat(GridKt._size(view.linkGrid)).isEqualTo(2);
        int merz = row(view.linkGrid, l -> l.to().text().equals("Merz"));
        assertThat(GridKt._getFormattedRow(view.linkGrid, merz).subList(0, 5)).containsExactly(
                "“the talks failed” (Attribution)", "Source", "“Merz” (Source)", "ana · 1 of 2",
                "needs “the talks failed” (Attribution) in gold");
        Button accept = _get(GridKt._getCellComponent(view.linkGrid, merz, "actions"), Button.class,
                spec -> spec.withClasses("slant-cur-accept"));
        assertThat(accept.isEnabled()).isFalse();
        assertThat(accept.getTooltip().getText()).isEqualTo("Accept “the talks failed” (Attribution) into gold first");

        curation.accept(docId, TESTER, 0, candidate("the talks failed", "attribution"));
        curation.accept(docId, TESTER, 1, candidate("Merz", "source"));
        view.refresh();
        merz = row(view.linkGrid, l -> l.to().text().equals("Merz"));
        _click(_get(GridKt._getCellComponent(view.linkGrid, merz, "actions"), Button.class,
                spec -> spec.withClasses("slant-cur-accept")));

        Layer gold = gold();
        assertThat(gold.links()).singleElement().satisfies(l -> {
            assertThat(gold.find(l.to()).orElseThrow().text()).isEqualTo("Merz");
            assertThat(l.author()).isEqualTo(TESTER);
        });
        assertThat(GridKt._getFormattedRow(view.linkGrid, row(view.linkGrid, l -> l.to().text().equals("Merz"))).get(4))
                .isEqualTo("✓");
    }

    @Test
    void sentenceLabelsAndAnswersArePickedOrTakenWhereEveryoneAgrees() {
        assertThat(view.labelSection.isVisible()).isTrue();
        assertThat(GridKt._getFormattedRow(view.sentenceGrid, 0).subList(0, 2))
                .containsExactly("1. 😀 Merz said the talks failed.", "Biased");
        Component sentence = GridKt._getCellComponent(view.sentenceGrid, 0, "actions");
        assertThat(buttons(sentence, "slant-cur-pick")).extracting(Button::getText)
                .containsExactlyInAnyOrder("Biased · ana", "Not biased · ben");

        _click(view.acceptAgreed);
        assertThat(gold().answers()).containsExactly(Map.entry("tone", new AttributeValue.Text("anti")));
        assertThat(gold().sentences()).isEmpty(); // the annotators differ on it: the curator decides
        assertThat(_get(GridKt._getCellComponent(view.answerGrid, 0, "actions"), com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("slant-cur-gold-value")).getText()).isEqualTo("✓ Anti · ana, ben · in gold");

        _click(pick(GridKt._getCellComponent(view.sentenceGrid, 0, "actions"), "Not biased · ben"));
        assertThat(gold().sentences()).singleElement()
                .satisfies(s -> assertThat(s.values()).containsEntry("biased", new AttributeValue.Text("no")));
        assertThat(view.status.getText()).startsWith("Gold revision 2 ·");
    }

    @Test
    void compareSaysWhichAttributesAndLinksEachAnnotatorGaveThere() {
        UI.getCurrent().navigate("documents/" + docId + "/compare");
        CompareView compare = _get(CompareView.class);
        Span anaAttribution = span("ana", "the talks failed");

        fire(compare.text, "select-span", detail().put("id", "ana." + anaAttribution.id()));

        assertThat(_find(compare.here, com.vaadin.flow.component.html.Paragraph.class).stream()
                .map(com.vaadin.flow.component.html.Paragraph::getText))
                .contains("ana: Attribution · Source: “Merz”", "ben: Attribution · Source: “Critics”");
        fire(compare.text, "select-span", detail().put("id", "ben." + span("ben", "claimed").id()));
        assertThat(_find(compare.here, com.vaadin.flow.component.html.Paragraph.class).stream()
                .map(com.vaadin.flow.component.html.Paragraph::getText))
                .contains("ana: Bias [Polarity: Negative]", "ben: Bias [Polarity: Positive]");
    }

    private Span span(String annotator, String text) {
        return annotations.layer(docId, annotator).spans().stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow();
    }
}
