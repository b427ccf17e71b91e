package org.slant.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slant.exchange.AnnotationFormat;
import org.slant.exchange.ImportOptions;
import org.slant.exchange.ImportProblem;
import org.slant.exchange.ImportProgress;
import org.slant.exchange.ImportReport;
import org.slant.exchange.ImportService;
import org.slant.label.Label;
import org.slant.label.Scheme;

/**
 * Import annotations (pre-annotations or an existing corpus) into one layer. The file is checked in
 * full first; the user sees every problem with file and line, maps unknown labels or skips them, and
 * only then imports. Nothing is written while any problem remains.
 */
public class ImportDialog extends Dialog {

    static final String SKIP = "Skip these spans";

    final Select<AnnotationFormat> format = new Select<>();
    final TextField annotator = new TextField("Into the layer of");
    final Checkbox createDocuments = new Checkbox("Create documents that are not in the workspace yet", true);
    final Upload upload;
    final Div report = new Div();
    final Button importButton = new Button("Import");
    final ProgressBar progress = new ProgressBar();
    final Button cancelButton = new Button("Stop");
    private com.vaadin.flow.shared.Registration registration;
    private final Map<String, Select<String>> mappings = new LinkedHashMap<>();
    private final ImportService imports;
    private final Scheme labels;
    private final Runnable onImported;
    private String fileName;
    private byte[] content;

    private final String actor;

    /**
     * @param actor who imports: ImportService.optionsFor decides which documents they may write into
     * @param mayCreate whether the import may add documents (admins: new documents can land anywhere)
     */
    public ImportDialog(ImportService imports, Scheme labels, String defaultAnnotator,
                        String actor, boolean mayCreate, Runnable onImported) {
        this.imports = imports;
        this.actor = actor;
        if (!mayCreate) {
            createDocuments.setValue(false);
            createDocuments.setEnabled(false);
            createDocuments.setHelperText("Only admins add documents by import; add them first, then import into them");
        }
        this.labels = labels;
        this.onImported = onImported;
        setHeaderTitle("Import annotations");
        setWidth("min(44rem, 95vw)");
        format.setLabel("Format");
        format.setItems(AnnotationFormat.values());
        format.setItemLabelGenerator(AnnotationFormat::title);
        format.setValue(AnnotationFormat.JSONL);
        annotator.setValue(defaultAnnotator);
        annotator.setHelperText("an annotator name, or e.g. \"gold\" or \"model\" for pre-annotations");
        upload = new Upload(CappedUpload.inMemory(imports.maxFileBytes(), (meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            fileName = meta.fileName();
            content = bytes;
            check();
        })), message -> getUI().ifPresent(ui -> ui.access(() -> {
            report.removeAll();
            report.add(error(message));
        }))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileBytes()));
        upload.addFileRejectedListener(e -> {
            report.removeAll();
            report.add(error(e.getFileName() + ": " + e.getErrorMessage() + " The limit is "
                    + org.slant.storage.Limits.size(imports.maxFileBytes()) + " per file (slant.limits.upload-bytes)."));
        });
        format.addValueChangeListener(e -> check());
        annotator.addValueChangeListener(e -> check());
        createDocuments.addValueChangeListener(e -> check());
        report.addClassName("slant-import-report");
        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> apply());
        progress.setVisible(false);
        cancelButton.setVisible(false);
        cancelButton.setTooltipText("Stop after the documents being written now; they stay imported");
        add(new VerticalLayout(new HorizontalLayout(format, annotator), createDocuments, upload, report, progress));
        getFooter().add(cancelButton, new Button("Cancel", e -> close()), importButton);
    }

    /** Runs the full check (nothing is written) and shows the result. */
    void check() {
        importButton.setEnabled(false);
        report.removeAll();
        if (content == null) {
            return;
        }
        ImportReport r;
        try {
            r = imports.check(format.getValue(), fileName, content, options());
        } catch (IllegalArgumentException | org.slant.storage.LimitExceededException ex) {
            report.add(error(ex.getMessage()));
            return;
        }
        report.add(new Paragraph(fileName + ": " + r.spansImported() + " spans for " + (r.documentsMatched()
                + r.documentsCreated()) + " documents (" + r.documentsCreated() + " new)"
                + (r.spansSkipped() > 0 ? ", " + r.spansSkipped() + " skipped" : "")
                + (r.structureLine().isEmpty() ? "" : "; " + r.structureLine()) + "."));
        if (!r.schemeAdditions().isEmpty()) {
            report.add(new Paragraph("The project's scheme gains, from the file's: " + String.join("; ", r.schemeAdditions())
                    + "."));
        }
        for (String unknown : r.unknownLabels()) {
            mappings.computeIfAbsent(unknown, this::mappingSelect);
        }
        mappings.forEach((unknown, select) -> report.add(select));
        r.problems().stream().filter(p -> !isUnknownLabel(p.reason())).limit(50)
                .forEach(p -> report.add(error(p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.reason())));
        long other = r.problems().stream().filter(p -> !isUnknownLabel(p.reason())).count() + r.problemsNotListed();
        if (other > 50) {
            report.add(error("… and " + (other - 50) + " more problems"));
        }
        importButton.setEnabled(r.ok());
    }

    private boolean isUnknownLabel(String reason) {
        return mappings.keySet().stream().anyMatch(reason::contains) && reason.toLowerCase().contains("label");
    }

    private Select<String> mappingSelect(String unknown) {
        Select<String> select = new Select<>();
        select.setLabel("Unknown label \"" + unknown + "\" becomes");
        select.setItems(java.util.stream.Stream.concat(labels.labels().stream().map(Label::id),
                java.util.stream.Stream.of(SKIP)).toList());
        select.setItemLabelGenerator(id -> SKIP.equals(id) ? SKIP : labels.find(id).map(Label::name).orElse(id));
        select.setPlaceholder("choose a label or skip");
        select.setWidthFull();
        select.addValueChangeListener(e -> check());
        return select;
    }

    private ImportOptions options() {
        Map<String, String> map = new LinkedHashMap<>();
        boolean skip = false;
        for (var entry : mappings.entrySet()) {
            String chosen = entry.getValue().getValue();
            if (SKIP.equals(chosen)) {
                skip = true;
            } else if (chosen != null) {
                map.put(entry.getKey(), chosen);
            }
        }
        String layer = annotator.getValue().strip();
        return imports.optionsFor(actor, layer, map, skip, createDocuments.getValue());
    }

    /**
     * Writes in the background, so a large import shows its progress (pushed to the browser) and can be
     * cancelled; what was finished before a cancel stays imported, and the report says how far it got.
     */
    private void apply() {
        UI ui = UI.getCurrent();
        AnnotationFormat chosenFormat = format.getValue();
        String name = fileName;
        byte[] bytes = content;
        ImportOptions chosen = options();
        AtomicBoolean cancel = new AtomicBoolean();
        importButton.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        cancelButton.setVisible(true);
        cancelButton.setEnabled(true);
        registration = cancelButton.addClickListener(e -> {
            cancel.set(true);
            cancelButton.setEnabled(false);
        });
        ImportProgress watcher = new ImportProgress() {
            private volatile long lastPush;

            @Override
            public void documentDone(int done, int total) {
                long now = System.nanoTime();
                if (done == total || now - lastPush > 100_000_000L) { // at most ten updates a second
                    lastPush = now;
                    ui.access(() -> progress.setValue(done / (double) total));
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        // in the background as the signed-in user, so the audit trail names who imported
        CompletableFuture.supplyAsync(() -> imports.apply(chosenFormat, name, bytes, chosen, watcher),
                        new org.springframework.security.concurrent.DelegatingSecurityContextExecutor(
                                java.util.concurrent.ForkJoinPool.commonPool(),
                                org.springframework.security.core.context.SecurityContextHolder.getContext()))
                .whenComplete((r, failure) -> ui.access(() -> finished(r, failure)));
    }

    private void finished(ImportReport r, Throwable failure) {
        progress.setVisible(false);
        cancelButton.setVisible(false);
        if (registration != null) {
            registration.remove();
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            report.add(error("Import failed: " + cause.getMessage()));
            return;
        }
        if (!r.ok()) {
            check();
            return;
        }
        String cancelled = r.warnings().stream().map(ImportProblem::reason).filter(w -> w.startsWith("cancelled"))
                .findFirst().map(w -> " (" + w + ")").orElse("");
        Notification.show("Imported " + r.spansImported() + " spans" + (r.structureLine().isEmpty() ? "" : ", "
                + r.structureLine()) + " into " + annotator.getValue() + "'s layer"
                + (r.documentsCreated() > 0 ? " and created " + r.documentsCreated() + " documents" : "") + cancelled,
                6000, Notification.Position.BOTTOM_CENTER);
        close();
        onImported.run();
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("slant-error");
        return p;
    }
}
