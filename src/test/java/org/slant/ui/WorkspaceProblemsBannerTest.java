package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A layer file broken by hand: admins see a banner naming it with line and column on every page, an
 * annotator does not; the curation page curates the other layers and says which one it left out.
 */
class WorkspaceProblemsBannerTest extends UiTestBase {

    private static final String BROKEN = "{\"format\": \"slant-layer/1\",\n  \"document\": \"x\"\n  \"spans\": []}\n";

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    private String id;
    private Path file;

    @BeforeEach
    void brokenLayer() throws Exception {
        id = documents.add(new Draft("Banner " + System.nanoTime(), "The minister SLAMMED critics, officials said."),
                Source.UNKNOWN).id();
        annotations.create(id, "ana", 13, 20, "sensational", false);
        annotations.create(id, "ben", 13, 20, "sensational", false);
        file = workspace.resolve("layers/" + id + "/ben.json");
        Files.writeString(file, BROKEN);
        annotations.readableLayers(id); // someone opened the document: the broken file has been met
    }

    private String bannerText() {
        return _get(Div.class, s -> s.withId("workspace-problems")).getElement().getTextRecursively();
    }

    @Test
    void anAdminSeesTheBrokenFileWithLineAndColumnOnEveryPage() throws Exception {
        UI.getCurrent().navigate(DocumentListView.class);
        assertThat(bannerText()).contains("layers/" + id + "/ben.json: line 3, column 3: not valid JSON");
        UI.getCurrent().navigate(AccountView.class);
        assertThat(bannerText()).contains("layers/" + id + "/ben.json: line 3, column 3");
        assertThat(Files.readString(file)).isEqualTo(BROKEN);
    }

    @Test
    void theBannerGoesOnceTheFileIsFixed() throws Exception {
        UI.getCurrent().navigate(DocumentListView.class);
        assertThat(bannerText()).contains("ben.json");
        Files.delete(file);
        UI.getCurrent().navigate(AccountView.class);
        // the other tests of this class leave their own broken files in the shared workspace
        assertThat(_find(Div.class, s -> s.withId("workspace-problems")))
                .allSatisfy(banner -> assertThat(banner.getElement().getTextRecursively()).doesNotContain(id + "/ben.json"));
    }

    @Test
    void anAnnotatorIsNotShownWorkspacePaths() {
        signIn("plain-annotator", false);
        UI.getCurrent().navigate(AccountView.class);
        assertThat(_find(Div.class, s -> s.withId("workspace-problems"))).isEmpty();
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("ben.json");
    }

    @Test
    void curationCuratesTheOtherLayersAndNamesTheOneLeftOut() {
        UI.getCurrent().navigate("documents/" + id + "/curation");
        CurationView view = _get(CurationView.class);
        assertThat(view.grid.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(c -> assertThat(c.annotators()).containsExactly("ana"));
        assertThat(view.layerProblems.getElement().getTextRecursively())
                .contains("layers/" + id + "/ben.json: line 3, column 3");
    }

    @Test
    void theComparisonShowsTheOtherLayersAndNamesTheOneLeftOut() {
        UI.getCurrent().navigate("documents/" + id + "/compare");
        CompareView view = _get(CompareView.class);
        assertThat(view.annotatorFilter.getListDataView().getItems().toList()).containsExactly("ana");
        assertThat(view.layerProblems.getElement().getTextRecursively())
                .contains("layers/" + id + "/ben.json: line 3, column 3");
    }
}
