package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;

class GuidelinesViewTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    LabelService labels;
    @Autowired
    ProjectService projects;

    /** The examples can never drift from the article: each phrase is in the shipped sample, verbatim. */
    @Test
    void everyExamplePhraseOccursVerbatimInTheShippedSampleArticle() throws IOException {
        GuidelineExamples examples = GuidelineExamples.load();
        String shipped;
        try (InputStream in = getClass().getResourceAsStream(examples.source())) {
            assertThat(in).as(examples.source()).isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String stored = documents.get("peace-talks").text(); // the sample as the first start imports it
        Map<String, List<GuidelineExamples.Example>> all = examples.all();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(
                Scheme.defaults().labels().stream().map(Label::id).toList());
        all.forEach((label, list) -> {
            assertThat(list).as(label).hasSizeBetween(2, 3);
            for (GuidelineExamples.Example e : list) {
                assertThat(shipped).as(label).contains(e.phrase());
                assertThat(stored).as(label).contains(e.phrase());
                assertThat(shipped).contains(e.before().replace("…", "") + e.phrase() + e.after().replace("…", ""));
                assertThat(e.why()).isNotBlank();
                if (e.before().startsWith("…")) { // clipped context starts with a whole word
                    assertThat(shipped).contains(" " + e.before().substring(1));
                }
            }
        });
    }

    @Test
    void eachDefaultLabelIsShownWithKeyDefinitionUnderlineAndExamplesInTheirSentence() {
        UI.getCurrent().navigate("guidelines");
        GuidelinesView view = _get(GuidelinesView.class);
        for (Label label : labels.labels(Project.DEFAULT_ID).labels()) {
            Div card = _get(view, Div.class, spec -> spec.withId("guide-" + label.id()));
            String text = card.getElement().getTextRecursively();
            assertThat(text).contains(label.name(), label.hotkey(), label.definition(), label.mark() + " underline");
            assertThat(card.getStyle().get("--swatch")).isEqualTo(label.color());
            List<ListItem> examples = _find(card, ListItem.class);
            assertThat(examples).hasSizeBetween(2, 3);
        }
        Div sensational = _get(view, Div.class, spec -> spec.withId("guide-sensational"));
        // the phrase with a little of its sentence around it
        assertThat(_find(sensational, Paragraph.class).stream().map(p -> p.getElement().getTextRecursively()))
                .contains("Trump HUMILIATED the nation - Peace Talks Collapse!");
        Div opinion = _get(view, Div.class, spec -> spec.withId("guide-opinion"));
        assertThat(opinion.getElement().getTextRecursively()).contains(
                "…rooted in constitutional changes, historical narratives, and existential fears, renders a true peace agreement");
    }

    @Test
    void theAnnotationViewLinksToTheGuidelinesAndNamesTheKeyboardKeys() {
        UI.getCurrent().navigate("documents/peace-talks");
        RouterLink link = _get(RouterLink.class, spec -> spec.withId("guidelines-link"));
        assertThat(link.getHref()).isEqualTo("guidelines");
        assertThat(_get(Paragraph.class, spec -> spec.withId("keyboard-help")).getText()).contains("Shift", "Tab");
        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(GuidelinesView.class)).isNotNull();
    }

    @Test
    void aProjectGivenAsQueryParameterShowsItsLabelsOnlyToItsMembers() {
        Project project = projects.create("Guideline project", TESTER);
        Scheme own = new Scheme(List.of(new Label("loaded", "Loaded language", "#c92a2a", "7", "dotted", "Strong words.")));
        labels.replace(project.id(), own);
        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", project.id()));
        GuidelinesView view = _get(GuidelinesView.class);
        assertThat(_get(view, Div.class, spec -> spec.withId("guide-loaded")).getElement().getTextRecursively())
                .contains("Loaded language", "Strong words.", "dotted underline");
        assertThat(_find(view, Div.class, spec -> spec.withId("guide-sensational"))).isEmpty();

        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", "no-such-project"));
        assertThat(_get(GuidelinesView.class).getElement().getTextRecursively()).contains("There is no project");

        signIn("outsider", false);
        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", project.id()));
        assertThat(_find(_get(GuidelinesView.class), Div.class, spec -> spec.withId("guide-loaded"))).isEmpty();
        UI.getCurrent().navigate("guidelines"); // the default project's guidelines are for everyone
        assertThat(_find(_get(GuidelinesView.class), Div.class, spec -> spec.withId("guide-sensational"))).hasSize(1);
    }

    private String guide(String id) {
        return _get(_get(GuidelinesView.class), Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void theGuidelinesShowAttributesWithTheirValuesRolesSentenceLabelsAndQuestions() {
        Project parc = projects.create("PARC guide " + System.nanoTime(), TESTER, "parc");
        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", parc.id()));
        assertThat(guide("guide-attr-content-type")).contains("Attribution type", "choice of values, required",
                "What the source does with the content", "Assertion", "a", "reported speech", "Eventuality");
        assertThat(guide("guide-role-content-cue")).contains("Link a Content to its Cue (L)", "required",
                "every Content needs its Cue linked");
        assertThat(guide("guide-role-content-source")).contains("Link a Content to its Source (L)", "optional");
        assertThat(guide("guide-role-content-supplement")).contains("may be several");

        Project babe = projects.create("BABE guide " + System.nanoTime(), TESTER, "babe");
        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", babe.id()));
        assertThat(guide("guide-sentence-bias")).contains("Bias", "required", "Biased", "Not biased", "b", "n",
                "Judge its wording");
        assertThat(guide("guide-question-outlet-leaning")).contains("Outlet leaning", "optional", "AllSides", "Center");

        Project basil = projects.create("BASIL guide " + System.nanoTime(), TESTER, "basil");
        UI.getCurrent().navigate("guidelines", QueryParameters.of("project", basil.id()));
        assertThat(guide("guide-attr-lexical-target")).contains("Target", "entity (a name offered again), required");
        assertThat(guide("guide-question-stance")).contains("Stance toward it", "Pro", "Anti");
    }
}
