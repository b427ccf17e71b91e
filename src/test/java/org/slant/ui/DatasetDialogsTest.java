package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentService;
import org.slant.exchange.ExportFormat;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class DatasetDialogsTest extends UiTestBase {

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;

    DocumentListView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("");
        view = _get(DocumentListView.class);
    }

    @Test
    void exportDialogLinksToTheStreamingExportWithTheChosenFormatLayersAndDocuments() {
        _click(_get(Button.class, spec -> spec.withId("export-documents")));
        ExportDialog dialog = _get(ExportDialog.class);
        assertThat(dialog.download.getHref()).isEqualTo("/api/export?format=jsonl&layers=all&project=default");

        HasValueUtilsKt._setValue(dialog.format, ExportFormat.CONLL, true);
        HasValueUtilsKt._setValue(dialog.layers, ExportDialog.MAJORITY, true);
        assertThat(dialog.download.getHref()).isEqualTo("/api/export?format=conll&layers=majority&project=default");
        assertThat(dialog.download.getElement().getAttribute("download")).isEqualTo(ExportFormat.CONLL.fileName("slant-dataset"));
        dialog.close();

        view.grid.select(view.grid.getListDataView().getItems()
                .filter(r -> r.document().id().equals("peace-talks")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("export-documents")));
        assertThat(_get(ExportDialog.class).download.getHref()).endsWith("&documents=peace-talks");
    }

    @Test
    void importChecksTheWholeFileMapsAnUnknownLabelAndThenImports() throws Exception {
        String text = documents.get("peace-talks").text();
        int start = text.indexOf("HUMILIATED");
        String jsonl = JsonMapper.shared().writeValueAsString(Map.of("id", "peace-talks", "text", text,
                "label", List.of(List.of(start, start + 10, "Loaded language")))) + "\n";

        _click(_get(Button.class, spec -> spec.withId("import-annotations")));
        ImportDialog dialog = _get(ImportDialog.class);
        HasValueUtilsKt._setValue(dialog.annotator, "model", true);
        UploadKt._upload(dialog.upload, "pre.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        assertThat(dialog.importButton.isEnabled()).isFalse();
        @SuppressWarnings("unchecked")
        Select<String> mapping = _get(dialog.report, Select.class);
        assertThat(mapping.getLabel()).contains("Loaded language");
        assertThat(annotations.layer("peace-talks", "model").spans()).isEmpty();

        HasValueUtilsKt._setValue(mapping, "sensational", true);
        importAndWaitForClose(dialog);

        assertThat(annotations.layer("peace-talks", "model").spans()).singleElement()
                .satisfies(s -> {
                    assertThat(s.text()).isEqualTo("HUMILIATED");
                    assertThat(s.label()).isEqualTo("sensational");
                });
    }

    @Test
    void aConllUploadIsCheckedAgainstTheWorkspaceTextAndImported() throws Exception {
        String text = documents.get("peace-talks").text();
        int start = text.codePointCount(0, text.indexOf("HUMILIATED"));
        // Slant's dialect carries offsets, so a few token lines of the sample article are enough
        String conll = "# columns: token start end sensational\n\n# document: peace-talks\n"
                + "HUMILIATED\t" + start + "\t" + (start + 10) + "\tB-sensational\n";

        _click(_get(Button.class, spec -> spec.withId("import-annotations")));
        ImportDialog dialog = _get(ImportDialog.class);
        HasValueUtilsKt._setValue(dialog.format, org.slant.exchange.AnnotationFormat.CONLL, true);
        HasValueUtilsKt._setValue(dialog.annotator, "tagger", true);
        UploadKt._upload(dialog.upload, "tagger.conll", conll.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(dialog.report, Paragraph.class).getText()).startsWith("tagger.conll: 1 spans for 1 documents (0 new)");
        importAndWaitForClose(dialog);
        assertThat(annotations.layer("peace-talks", "tagger").spans()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("HUMILIATED"));
    }

    /** Clicks Import; the import writes in the background and reports back through UI.access: let those run. */
    private static void importAndWaitForClose(ImportDialog dialog) throws InterruptedException {
        assertThat(dialog.importButton.isEnabled()).isTrue();
        _click(dialog.importButton);
        for (int i = 0; i < 200 && dialog.isOpened(); i++) {
            Thread.sleep(25);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void aMalformedLineIsShownWithFileAndLineAndNothingIsWritten() throws Exception {
        String text = documents.get("peace-talks").text();
        String line1 = JsonMapper.shared().writeValueAsString(Map.of("id", "peace-talks", "text", text,
                "label", List.of(List.of(0, 5, "Opinion"))));
        String line2 = "{ this is not json";
        _click(_get(Button.class, spec -> spec.withId("import-annotations")));
        ImportDialog dialog = _get(ImportDialog.class);
        HasValueUtilsKt._setValue(dialog.annotator, "broken", true);
        UploadKt._upload(dialog.upload, "bad.jsonl", (line1 + "\n" + line2 + "\n").getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        List<String> errors = _find(dialog.report, Paragraph.class, spec -> spec.withClasses("slant-error"))
                .stream().map(Paragraph::getText).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.jsonl:2"));
        assertThat(dialog.importButton.isEnabled()).isFalse();
        assertThat(annotations.layer("peace-talks", "broken").spans()).isEmpty();
    }

    @Test
    void deletingSelectedDocumentsAsksFirstAndMovesThemToTheTrash() throws Exception {
        String id = documents.add(new org.slant.document.DocumentImporter.Draft("Delete me", "Some text to delete."),
                org.slant.document.Source.UNKNOWN).id();
        UI.getCurrent().navigate("documents/" + id);
        UI.getCurrent().navigate("");
        view = _get(DocumentListView.class);
        var row = view.grid.getListDataView().getItems().filter(r -> r.document().id().equals(id)).findFirst().orElseThrow();
        view.grid.select(row);
        _click(_get(Button.class, spec -> spec.withId("delete-documents")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);

        assertThat(documents.list().documents()).noneMatch(d -> d.id().equals(id));
        assertThat(java.nio.file.Files.list(workspace.resolve("trash")).toList()).anyMatch(p -> p.getFileName().toString().endsWith(id));
    }
}
