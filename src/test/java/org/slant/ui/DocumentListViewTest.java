package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.DocumentOverview;
import org.slant.document.DocumentService;
import org.springframework.beans.factory.annotation.Autowired;

class DocumentListViewTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    org.slant.project.ProjectService projects;

    DocumentListView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("");
        view = _get(DocumentListView.class);
    }

    @Test
    void firstStartShowsTheSampleArticle() {
        DocumentOverview row = GridKt._get(view.grid, 0);
        assertThat(row.document().id()).isEqualTo("peace-talks");
        assertThat(row.document().title()).isEqualTo("Russia and Ukraine Peace Talks Failed");
        assertThat(row.spanCount()).isZero();
    }

    @Test
    void searchFiltersByTitleAndText() {
        HasValueUtilsKt._setValue(view.search, "HUMILIATED", true);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        HasValueUtilsKt._setValue(view.search, "no such phrase anywhere", true);
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void pastedTextBecomesADocumentAndOpensIt() {
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        HasValueUtilsKt._setValue(dialog.pasted, "Markets SLUMP on tariff fears\nShares fell 3% on Tuesday.", true);
        assertThat(dialog.title.getValue()).isEqualTo("Markets SLUMP on tariff fears");
        _click(dialog.addButton);

        AnnotationView opened = _get(AnnotationView.class);
        assertThat(opened.spanAnnotator.getText()).isEqualTo("Markets SLUMP on tariff fears\nShares fell 3% on Tuesday.");
        assertThat(documents.get("markets-slump-on-tariff-fears").title()).isEqualTo("Markets SLUMP on tariff fears");
    }

    /** Added from a project's page, a document belongs to that project: the service stores and places it. */
    @Test
    void aDocumentAddedFromAProjectsPageLandsInThatProject() {
        org.slant.project.Project newsroom = projects.create("Newsroom " + System.nanoTime(), TESTER);
        UI.getCurrent().navigate("");
        view = _get(DocumentListView.class);
        HasValueUtilsKt._setValue(view.projectSelect, projects.get(newsroom.id()), true);
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        HasValueUtilsKt._setValue(dialog.pasted, "Newsroom piece\nThe council SLASHED the budget, officials said.", true);
        _click(dialog.addButton);

        _get(AnnotationView.class); // opened, as from the Default project
        String id = documents.list().documents().stream().filter(d -> d.title().equals("Newsroom piece")).findFirst()
                .orElseThrow().id();
        assertThat(projects.projectOf(id).id()).isEqualTo(newsroom.id());
        // the list opens on a project the user curates: gone again, so the other tests see the Default project
        context.getBean(org.slant.annotation.AnnotationService.class).deleteDocument(id);
        projects.delete(newsroom.id());
    }

    @Test
    void emptyPasteIsRefusedWithAMessage() {
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        HasValueUtilsKt._setValue(dialog.pasted, "   \n  ", true);
        _click(dialog.addButton);
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("no text");
    }

    @Test
    void uploadedHtmlIsReducedToTextAndInvalidUtf8IsExplained() {
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        dialog.tabs.setSelectedIndex(1);
        Upload upload = _get(dialog, Upload.class);
        String html = "<html><head><title>Summit ends</title><script>alert(1)</script></head>"
                + "<body><nav>Menu</nav><p>Leaders <b>met</b>.</p><p>No deal.</p></body></html>";
        com.github.mvysny.kaributesting.v10.UploadKt._upload(upload, "summit.html", html.getBytes(StandardCharsets.UTF_8));
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(dialog.title.getValue()).isEqualTo("Summit ends");
        assertThat(dialog.pasted.getValue()).isEqualTo("Leaders met.\nNo deal.");

        com.github.mvysny.kaributesting.v10.UploadKt._upload(upload, "latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(dialog.error.getText()).contains("latin1.txt").contains("not valid UTF-8").contains("byte 3");
    }

    @Test
    void aBrokenDocumentFileIsReportedAndTheOthersStillShow() throws Exception {
        Files.writeString(workspace.resolve("documents/broken.json"), "{ not json");
        UI.getCurrent().navigate("");
        view = _get(DocumentListView.class);
        assertThat(view.problems.isVisible()).isTrue();
        assertThat(view.problems.getElement().getTextRecursively()).contains("broken.json");
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(1);
        assertThat(Files.readString(workspace.resolve("documents/broken.json"))).isEqualTo("{ not json");
        Files.delete(workspace.resolve("documents/broken.json"));
    }

    @Test
    void aBrokenLayerFileMarksItsDocumentButTheListStillWorks() throws Exception {
        java.nio.file.Path layer = workspace.resolve("layers/peace-talks/someone.json");
        Files.createDirectories(layer.getParent());
        Files.writeString(layer, "");
        try {
            UI.getCurrent().navigate("documents/peace-talks");
            UI.getCurrent().navigate("");
            view = _get(DocumentListView.class);
            assertThat(view.problems.getElement().getTextRecursively()).contains("layers/peace-talks/someone.json");
            assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(1);
            // the readable layers still count; the cell says one is missing
            assertThat(GridKt._getFormattedRow(view.grid, 0)).anySatisfy(cell -> assertThat(cell).endsWith("+ unreadable"));
        } finally {
            Files.delete(layer);
        }
    }

    @Test
    void anUploadedZipShowsASummaryThenAddsItsDocumentsAndStaysOnTheList() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            String[][] files = {
                    {"batch/one.txt", "Harbour strike ends\nDock workers return on Monday."},
                    {"batch/deeper/two.md", "# Grain prices rise\nA dry summer cut the harvest."},
                    {"batch/copy.txt", "Harbour strike ends\nDock workers return on Monday."},
                    {"batch/photo.png", "not really a picture"}};
            for (String[] f : files) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f[0]));
                zip.write(f[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        dialog.tabs.setSelectedIndex(1);
        Upload upload = _get(dialog, Upload.class);
        com.github.mvysny.kaributesting.v10.UploadKt._upload(upload, "news.zip", bytes.toByteArray());
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);

        String summary = dialog.batchSummary.getElement().getTextRecursively();
        assertThat(dialog.batchSummary.isVisible()).isTrue();
        assertThat(summary).contains("2 documents ready to add from news.zip")
                .contains("news.zip/batch/copy.txt: same text as \"Harbour strike ends\" (news.zip/batch/one.txt in this upload)")
                .contains("news.zip: skipped, not .txt, .md or .html: batch/photo.png");
        assertThat(dialog.pasted.getValue()).isEmpty();
        assertThat(dialog.title.isVisible()).isFalse();
        assertThat(dialog.addButton.getText()).isEqualTo("Add 2 documents");

        _click(dialog.addButton);
        try {
            assertThat(dialog.isOpened()).isFalse();
            assertThat(notificationText(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().getLast()))
                    .isEqualTo("Added 2 documents; 1 duplicate skipped");
            assertThat(documents.get("harbour-strike-ends").text()).isEqualTo("Harbour strike ends\nDock workers return on Monday.");
            assertThat(documents.get("grain-prices-rise").text()).isEqualTo("Grain prices rise\nA dry summer cut the harvest.");
            assertThat(_get(DocumentListView.class).grid.getGenericDataView().getItems()
                    .map(r -> r.document().id())).contains("harbour-strike-ends", "grain-prices-rise");
        } finally {
            // the workspace is shared by this class's tests, which expect the sample article alone at the top
            Files.deleteIfExists(workspace.resolve("documents/harbour-strike-ends.json"));
            Files.deleteIfExists(workspace.resolve("documents/grain-prices-rise.json"));
        }
    }

    @Test
    void anUploadedFileThatIsNotReallyAZipIsRefusedWithAMessage() {
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        dialog.tabs.setSelectedIndex(1);
        Upload upload = _get(dialog, Upload.class);
        com.github.mvysny.kaributesting.v10.UploadKt._upload(upload, "fake.zip", "plain words".getBytes(StandardCharsets.UTF_8));
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);

        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).startsWith("fake.zip is not a zip file");
        assertThat(dialog.batchSummary.isVisible()).isFalse();
    }

    @Test
    void aPasteWithALoneSurrogateIsRefusedNamingWhereItIs() {
        _click(_get(Button.class, spec -> spec.withId("add-document")));
        AddDocumentDialog dialog = _get(AddDocumentDialog.class);
        HasValueUtilsKt._setValue(dialog.pasted, "Half a pair\nhere \uD83D and nothing after", true);
        _click(dialog.addButton);
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).startsWith("The pasted text holds a lone surrogate (U+D83D")
                .contains("line 2, column 6");
        assertThat(documents.list().documents()).noneMatch(d -> d.title().equals("Half a pair"));
    }
}
