package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.function.Consumer;
import org.slant.document.Document;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;

/** Add a document by pasting text or uploading a .txt, .md or .html file. */
public class AddDocumentDialog extends Dialog {

    final TextArea pasted = new TextArea("Article text");
    final TextField title = new TextField("Title");
    final TextField outlet = new TextField("Outlet (optional)");
    final TextField url = new TextField("URL (optional)");
    final Paragraph error = new Paragraph();
    final Button addButton = new Button("Add");
    final TabSheet tabs = new TabSheet();
    final Upload upload;
    private final DocumentService documents;

    public AddDocumentDialog(DocumentService documents, Consumer<Document> onAdded) {
        this.documents = documents;
        setHeaderTitle("Add a document");
        setWidth("min(48rem, 95vw)");

        pasted.setWidthFull();
        pasted.setHeight("14rem");
        pasted.setPlaceholder("Paste the article here. The first line becomes the title; each line is a paragraph.");
        pasted.addValueChangeListener(e -> {
            if (title.isEmpty() || !e.isFromClient()) {
                String first = e.getValue().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
                title.setValue(first.length() > 160 ? first.substring(0, 157) + "..." : first);
            }
        });

        // the handler runs in the upload request, outside the UI lock: hand the result to the UI with access()
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            Draft draft;
            try {
                draft = documents.importer().importFile(meta.fileName(), bytes);
            } catch (IllegalArgumentException ex) {
                getUI().ifPresent(ui -> ui.access(() -> showError(ex.getMessage())));
                return;
            }
            getUI().ifPresent(ui -> ui.access(() -> {
                error.setVisible(false);
                pasted.setValue(draft.text());
                title.setValue(draft.title());
            }));
        }));
        upload.setAcceptedFileTypes(".txt", ".md", ".markdown", ".html", ".htm", "text/plain", "text/markdown", "text/html");
        upload.setMaxFiles(1);
        VerticalLayout uploadTab = new VerticalLayout(new Paragraph(
                "A .txt, .md or .html file in UTF-8, up to 2 MB. HTML is reduced to the article's text: "
                        + "scripts, styles, menus and markup are dropped, paragraphs kept."), upload);
        uploadTab.setPadding(false);

        tabs.add("Paste text", pasted);
        tabs.add("Upload a file", uploadTab);
        tabs.setWidthFull();

        title.setWidthFull();
        title.setRequired(true);
        outlet.setWidth("50%");
        url.setWidth("50%");
        error.addClassName("slant-error");
        error.setVisible(false);

        addButton.addThemeVariants(ButtonVariant.PRIMARY);
        addButton.addClickListener(e -> {
            try {
                Draft draft = documents.importer().fromText("The pasted text", pasted.getValue());
                String t = title.getValue().isBlank() ? draft.title() : title.getValue();
                Document doc = documents.add(new Draft(t, draft.text()), new Source(outlet.getValue(), url.getValue(), null));
                close();
                onAdded.accept(doc);
            } catch (IllegalArgumentException ex) {
                showError(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, addButton);
        VerticalLayout body = new VerticalLayout(tabs, title, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(outlet, url), error);
        body.setPadding(false);
        add(body);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
