package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.function.Consumer;
import org.slant.document.BatchReport;
import org.slant.document.Document;
import org.slant.document.DocumentBatchImporter;
import org.slant.document.DocumentBatchImporter.Batch;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;

/**
 * Add a document by pasting text or uploading a .txt, .md or .html file, or many documents at once by
 * uploading a .zip of such files or a .jsonl file: those show a summary first, then are added together.
 */
public class AddDocumentDialog extends Dialog {

    final TextArea pasted = new TextArea("Article text");
    final TextField title = new TextField("Title");
    final TextField outlet = new TextField("Outlet (optional)");
    final TextField url = new TextField("URL (optional)");
    final Paragraph error = new Paragraph();
    final Button addButton = new Button("Add");
    final TabSheet tabs = new TabSheet();
    final Upload upload;
    /** What an uploaded .zip or .jsonl holds, shown instead of the title and source fields. */
    final Div batchSummary = new Div();
    private final HorizontalLayout sourceFields = new HorizontalLayout(outlet, url);
    private final org.slant.project.ProjectService.Acting adding;
    private final String projectId;
    private final DocumentService documents;
    /** The uploaded batch the Add button adds; null while adding a single document. */
    private Batch pendingBatch;

    static final int MAX_LISTED = 50;

    /**
     * @param onAdded     after one document was added (for example, to open it)
     * @param onManyAdded after a batch was added (for example, to refresh the list)
     */
    /**
     * {@code adding}: where new documents go and who adds them (the project's rules, asked by the service
     * before anything is stored).
     */
    public AddDocumentDialog(DocumentService documents, org.slant.project.ProjectService.Acting adding, String projectId,
                             Consumer<Document> onAdded, Consumer<List<Document>> onManyAdded) {
        this.documents = documents;
        this.adding = adding;
        this.projectId = projectId;
        setHeaderTitle("Add a document");
        setWidth("min(48rem, 95vw)");

        pasted.setWidthFull();
        pasted.setHeight("14rem");
        pasted.setPlaceholder("Paste the article here. The first line becomes the title; each line is a paragraph.");
        pasted.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                clearBatch();
            }
            if (title.isEmpty() || !e.isFromClient()) {
                String first = e.getValue().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
                title.setValue(first.length() > 160 ? first.substring(0, 157) + "..." : first);
            }
        });

        // the handler runs in the upload request, outside the UI lock: hand the result to the UI with access()
        upload = new Upload(CappedUpload.inMemory(documents.maxUploadBytes(), (meta, bytes) -> {
            if (DocumentBatchImporter.isBatchFile(meta.fileName())) {
                Batch batch;
                List<String> duplicates;
                try {
                    batch = documents.batchImporter().read(meta.fileName(), bytes);
                    duplicates = documents.duplicatesIn(batch);
                } catch (IllegalArgumentException | org.slant.storage.LimitExceededException ex) {
                    getUI().ifPresent(ui -> ui.access(() -> showError(ex.getMessage())));
                    return;
                }
                getUI().ifPresent(ui -> ui.access(() -> showBatch(meta.fileName(), batch, duplicates)));
                return;
            }
            Draft draft;
            try {
                draft = documents.importer().importFile(meta.fileName(), bytes);
            } catch (IllegalArgumentException ex) {
                getUI().ifPresent(ui -> ui.access(() -> showError(ex.getMessage())));
                return;
            }
            getUI().ifPresent(ui -> ui.access(() -> {
                error.setVisible(false);
                clearBatch();
                pasted.setValue(draft.text());
                title.setValue(draft.title());
            }));
        }, message -> getUI().ifPresent(ui -> ui.access(() -> showError(message)))));
        upload.setAcceptedFileTypes(".txt", ".md", ".markdown", ".html", ".htm", ".zip", ".jsonl",
                "text/plain", "text/markdown", "text/html", "application/zip");
        upload.setMaxFiles(1);
        // the browser refuses a larger file before sending it; CappedUpload checks again on the server
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxUploadBytes()));
        upload.addFileRejectedListener(e -> showError(e.getFileName() + ": " + e.getErrorMessage() + " The limit is "
                + org.slant.storage.Limits.size(documents.maxUploadBytes()) + " per file (slant.limits.upload-bytes)."));
        VerticalLayout uploadTab = new VerticalLayout(new Paragraph(
                "A .txt, .md or .html file in UTF-8, up to 2 MB. HTML is reduced to the article's text: "
                        + "scripts, styles, menus and markup are dropped, paragraphs kept. "
                        + "For many documents at once, upload a .zip of such files, or a .jsonl file with one "
                        + "{\"text\": …} object per line (\"title\", \"outlet\", \"url\" and \"published\" are used "
                        + "too). Documents whose text is already here are left out."), upload);
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
        batchSummary.setVisible(false);

        addButton.addThemeVariants(ButtonVariant.PRIMARY);
        addButton.addClickListener(e -> {
            if (pendingBatch != null) {
                addBatch(onManyAdded);
                return;
            }
            try {
                Draft draft = documents.importer().fromText("The pasted text", pasted.getValue());
                String t = title.getValue().isBlank() ? draft.title() : title.getValue();
                Document doc = adding.addDocument(new Draft(t, draft.text()), new Source(outlet.getValue(), url.getValue(), null),
                        projectId);
                close();
                onAdded.accept(doc);
            } catch (IllegalArgumentException ex) {
                showError(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, addButton);
        VerticalLayout body = new VerticalLayout(tabs, batchSummary, title, sourceFields, error);
        body.setPadding(false);
        add(body);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A .zip or .jsonl was read: say what it holds instead of filling the paste box. */
    private void showBatch(String fileName, Batch batch, List<String> duplicates) {
        pendingBatch = batch;
        error.setVisible(false);
        int ready = batch.items().size() - duplicates.size();
        batchSummary.removeAll();
        batchSummary.add(new Paragraph(count(ready, "document") + " ready to add from " + fileName + "."));
        listFirst(duplicates, count(duplicates.size(), "duplicate") + ", not added:");
        listFirst(batch.problems(), count(batch.problems().size(), "problem") + ":");
        batchSummary.setVisible(true);
        title.setVisible(false);
        sourceFields.setVisible(false);
        addButton.setText(ready > 0 ? "Add " + count(ready, "document") : "Add");
        addButton.setEnabled(ready > 0);
    }

    private void listFirst(List<String> messages, String heading) {
        if (messages.isEmpty()) {
            return;
        }
        batchSummary.add(new Paragraph(heading));
        UnorderedList list = new UnorderedList();
        messages.stream().limit(MAX_LISTED).forEach(m -> list.add(new ListItem(m)));
        if (messages.size() > MAX_LISTED) {
            list.add(new ListItem("… and " + (messages.size() - MAX_LISTED) + " more"));
        }
        batchSummary.add(list);
    }

    private void clearBatch() {
        pendingBatch = null;
        batchSummary.removeAll();
        batchSummary.setVisible(false);
        title.setVisible(true);
        sourceFields.setVisible(true);
        addButton.setText("Add");
        addButton.setEnabled(true);
    }

    private void addBatch(Consumer<List<Document>> onManyAdded) {
        BatchReport report = adding.addDocuments(pendingBatch, projectId);
        // the report repeats the batch's own problems, already shown; only storage failures are news here
        int notStored = report.problems().size() - pendingBatch.problems().size();
        close();
        Notification.show("Added " + count(report.added().size(), "document") + "; "
                + count(report.duplicates().size(), "duplicate") + " skipped"
                + (notStored > 0 ? "; " + notStored + " could not be stored: "
                + report.problems().get(pendingBatch.problems().size()) : ""));
        onManyAdded.accept(report.added());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
