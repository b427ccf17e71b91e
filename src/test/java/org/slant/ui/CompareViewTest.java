package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.SpanChange;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CompareViewTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    String id;
    SpanChange aliceSlammed;
    CompareView view;

    @BeforeEach
    void twoAnnotators() {
        id = documents.add(new Draft("Compare " + System.nanoTime(), "The minister SLAMMED critics, officials said."),
                Source.UNKNOWN).id();
        aliceSlammed = annotations.create(id, "alice-smith", 13, 20, "sensational", false);
        annotations.create(id, "bob", 13, 20, "opinion", false);
        annotations.create(id, "bob", 30, 44, "attribution", false);
        UI.getCurrent().navigate("documents/" + id + "/compare");
        view = _get(CompareView.class);
    }

    private JsonNode drawn() {
        return JSON.readTree(view.text.getElement().getPropertyRaw("spans").toString());
    }

    @Test
    void drawsEveryAnnotatorsSpansTaggedWithTheirInitials() {
        JsonNode spans = drawn();
        assertThat(spans).hasSize(3);
        assertThat(spans.findValuesAsString("tag")).containsExactlyInAnyOrder("AS", "BO", "BO");
        assertThat(view.text.getElement().getProperty("readonly", false)).isTrue();
    }

    private String groups() {
        return JSON.readTree(view.text.getElement().getPropertyRaw("groups").toString()).toString();
    }

    @Test
    void oneLanePerAnnotatorDrawsEachPassageOncePerShownAnnotator() {
        assertThat(groups()).as("stacked by default").isEqualTo("[]");
        HasValueUtilsKt._setValue(view.layout, CompareView.LANES, true);

        assertThat(groups()).isEqualTo("[\"alice-smith\",\"bob\"]");
        assertThat(drawn().findValuesAsString("group")).containsExactlyInAnyOrder("alice-smith", "bob", "bob");
        assertThat(drawn().findValues("tag")).as("the lane names the annotator").allMatch(JsonNode::isNull);
        HasValueUtilsKt._setValue(view.annotatorFilter, Set.of("bob"), true);
        assertThat(groups()).isEqualTo("[\"bob\"]");

        HasValueUtilsKt._setValue(view.layout, CompareView.STACKED, true);
        assertThat(groups()).isEqualTo("[]");
        assertThat(drawn().findValuesAsString("tag")).containsExactly("BO", "BO");
    }

    @Test
    void filtersByAnnotatorAndLabel() {
        HasValueUtilsKt._setValue(view.annotatorFilter, Set.of("bob"), true);
        assertThat(drawn()).hasSize(2);
        HasValueUtilsKt._setValue(view.labelFilter, Set.of(view.labelFilter.getListDataView().getItems()
                .filter(l -> l.id().equals("attribution")).findFirst().orElseThrow()), true);
        assertThat(drawn()).hasSize(1);
    }

    @Test
    void clickingAHighlightSaysWhoMarkedWhatThere() {
        fire(view.text, "select-span", detail().put("id", "alice-smith." + aliceSlammed.after().id()));
        assertThat(_find(view.here, Paragraph.class).stream().map(Paragraph::getText))
                .contains("alice-smith: Sensational framing", "bob: Opinion");
    }

    @Test
    void aNewAnnotatorsSaveAppearsLive() {
        annotations.create(id, "carol", 0, 3, "fact", false);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.annotatorFilter.getValue()).contains("carol");
        assertThat(drawn()).hasSize(4);
    }
}
