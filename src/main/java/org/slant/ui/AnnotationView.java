package org.slant.ui;

import org.slant.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.SeenSpan;
import org.slant.annotation.LayerEvents;
import org.slant.annotation.Span;
import org.slant.annotation.SpanChange;
import org.slant.document.Document;
import org.slant.document.DocumentNotFoundException;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.annotation.LayerChange;
import org.slant.project.NotFinishedException;
import org.slant.ui.annotate.LayerEdits;
import org.slant.ui.annotate.DeleteLinkedDialog;
import org.slant.ui.annotate.NotFinishedDialog;
import org.slant.ui.annotate.StructurePane;

/**
 * One document open for annotation: the article with its highlights, the label buttons, the selected
 * span's details and every span grouped by label. All rules live in {@link AnnotationService}; this view
 * turns the annotator element's intents into service calls and shows the result.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "documents/:id", layout = MainLayout.class)
public class AnnotationView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final DocumentService documents;
    private final AnnotationService annotations;
    final com.vaadin.flow.component.html.Span company = new com.vaadin.flow.component.html.Span();
    private final DocumentWatch watch;
    private Scheme labels;
    private final String annotator;
    /** The layer this view edits: the user's own, or gold for a curator who opened ?layer=gold. */
    private String layerName;
    private final LabelService labelService;
    private final org.slant.security.AccessPolicy access;
    private final org.slant.annotation.UserEdits edits;
    private final org.slant.project.QueueService queue;
    private final org.slant.project.ProjectService projects;
    private final org.slant.teaching.TeachingService teaching;
    final Button doneButton = new Button();
    /** After Mark done: the next document of the queue that is not done. */
    final RouterLink nextLink = new RouterLink();
    final com.vaadin.flow.component.html.Span status = new com.vaadin.flow.component.html.Span();

    final SpanAnnotator spanAnnotator = new SpanAnnotator();
    final H2 title = new H2();
    final Checkbox snap = new Checkbox("Snap to whole words", true);
    final Anchor download = new Anchor();
    final Div selectedPanel = new Div();
    final Select<Label> selectedLabel = new Select<>();
    final TextArea selectedNote = new TextArea("Note");
    final Button deleteButton = new Button("Delete", VaadinIcon.TRASH.create());
    final Button undoButton = new Button("Undo", VaadinIcon.ROTATE_LEFT.create());
    final Div spanList = new Div();
    private final Paragraph emptyHint = new Paragraph("No spans yet. Select a phrase in the article and press a label's key.");
    private final Map<String, SpanGroup> groups = new java.util.HashMap<>();
    private final UndoSteps undo = new UndoSteps();
    private Document document;
    private Layer layer;
    private boolean updatingSelection;
    /** The structure of this document's layer: side box, document questions, missing count, what the element draws. */
    StructurePane pane;
    /** Open while "Mark done" waits for "Mark done anyway" (tests read it). */
    NotFinishedDialog notFinished;
    /** Open while a delete of a linked span waits for confirmation. */
    DeleteLinkedDialog deleteLinked;

    public AnnotationView(DocumentService documents, AnnotationService annotations, LabelService labelService,
                          CurrentUser currentAnnotator, LayerEvents events, org.slant.security.AccessPolicy access,
                          org.slant.project.QueueService queue, org.slant.project.ProjectService projects,
                          org.slant.teaching.TeachingService teaching, org.slant.annotation.UserEdits edits) {
        this.teaching = teaching;
        this.edits = edits;
        this.documents = documents;
        this.annotations = annotations;
        this.watch = new DocumentWatch(this, events);
        this.labelService = labelService;
        this.access = access;
        this.queue = queue;
        this.projects = projects;
        this.labels = labelService.labels(org.slant.project.Project.DEFAULT_ID);
        this.annotator = currentAnnotator.name();
        addClassName("slant-annotation-view");
        setSizeFull();
        setSpacing(false);
        // once per view: the same view instance may show one document after another
        spanAnnotator.setId("annotator");
        spanAnnotator.addCreateListener(i -> act(() -> edits.create(annotator, document.id(), layerName, i.start(), i.end(),
                i.label(), snap.getValue()), true));
        spanAnnotator.addSelectListener(this::select);
        spanAnnotator.addRelabelListener(i -> act(() -> edits.relabel(annotator, document.id(), layerName, i.id(), i.label(), i.seen()), true));
        spanAnnotator.addDeleteListener(i -> delete(i.id(), i.seen()));
        spanAnnotator.addUndoListener(this::undoLast);

        // the side panel's fields and buttons are fields too: their listeners go here, not in build()
        selectedLabel.addValueChangeListener(e -> {
            if (!updatingSelection && e.isFromClient() && e.getValue() != null && spanAnnotator.getSelectedId() != null) {
                String id = spanAnnotator.getSelectedId();
                act(() -> edits.relabel(annotator, document.id(), layerName, id, e.getValue().id(), shown(id)), true);
            }
        });
        selectedNote.addValueChangeListener(e -> {
            if (!updatingSelection && e.isFromClient() && spanAnnotator.getSelectedId() != null) {
                act(() -> edits.setNote(annotator, document.id(), layerName, spanAnnotator.getSelectedId(), e.getValue()), true);
            }
        });
        deleteButton.addClickListener(e -> {
            if (spanAnnotator.getSelectedId() != null) {
                String id = spanAnnotator.getSelectedId();
                delete(id, shown(id));
                spanAnnotator.getElement().callJsFunction("focus");
            }
        });
        undoButton.addClickListener(e -> undoLast());
        doneButton.setId("mark-done");
        nextLink.setId("next-in-queue");
        doneButton.addClickListener(e -> toggleDone());
        status.setId("queue-status");
        status.addClassName("slant-status");
    }

    /**
     * An assigned annotator marks the document done when finished (or reopens it), for the curator's overview.
     * With required parts missing the service refuses with the list, shown here with "Mark done anyway".
     */
    private void toggleDone() {
        if (queue.status(annotator, document.id()) == org.slant.project.DocumentStatus.DONE) {
            queue.reopen(annotator, document.id());
        } else {
            try {
                queue.markDone(annotator, document.id());
            } catch (NotFinishedException refused) {
                String id = document.id();
                notFinished = new NotFinishedDialog(refused, () -> {
                    queue.markDone(annotator, id, true);
                    showStatus();
                });
                notFinished.open();
                return;
            }
        }
        showStatus();
    }

    /** Deletes a span; one that links use asks first, since its links go with it (undo brings both back). */
    private void delete(String spanId, SeenSpan seen) {
        int linked = layer == null ? 0 : layer.linksOf(spanId).size();
        if (linked == 0) {
            act(() -> edits.delete(annotator, document.id(), layerName, spanId, seen), true);
            return;
        }
        deleteLinked = new DeleteLinkedDialog(linked, () -> act(() -> edits.delete(annotator, document.id(), layerName, spanId, seen), true));
        deleteLinked.open();
    }

    private void showStatus() {
        boolean assigned = projects.isAssigned(annotator, document.id()) && !Layer.GOLD.equals(layerName);
        doneButton.setVisible(assigned);
        status.setVisible(assigned);
        boolean done = false;
        if (assigned) {
            org.slant.project.DocumentStatus s = queue.status(annotator, document.id());
            status.setText(DocumentListView.statusText(s));
            status.getElement().setAttribute("data-status", s.name().toLowerCase(Locale.ROOT));
            done = s == org.slant.project.DocumentStatus.DONE;
            doneButton.setText(done ? "Reopen" : "Mark done");
            doneButton.setIcon(done ? VaadinIcon.ROTATE_LEFT.create() : VaadinIcon.CHECK.create());
            doneButton.setThemeName(done ? "tertiary" : "primary success");
        }
        // the way on once this one is done: the next document of the queue that is not
        var next = done ? queue.next(annotator, document.id()) : java.util.Optional.<org.slant.project.QueueEntry>empty();
        nextLink.setVisible(next.isPresent());
        next.ifPresent(n -> {
            nextLink.setText("Next: " + abbreviate(n.title(), 40) + " →");
            nextLink.setRoute(AnnotationView.class, new com.vaadin.flow.router.RouteParameters("id", n.documentId()));
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            document = documents.get(id);
            if (!access.canCurate(annotator, id) && !projects.isAssigned(annotator, id)) {
                // a student works on the exercise page, which shows only the labels in play and the feedback
                var exercise = teaching.exercisesOfStudent(annotator).stream()
                        .filter(x -> x.documentId().equals(id)).findFirst();
                if (exercise.isPresent()) {
                    document = null;
                    event.forwardTo(StudentExerciseView.class, new com.vaadin.flow.router.RouteParameters("id",
                            exercise.get().id()));
                    return;
                }
            }
            if (!access.canOpen(annotator, id)) {
                // exactly as for a document that does not exist: ids are title slugs, and "not yours" would
                // tell a stranger that some project has an article with that title
                showProblem(DocumentNotFoundException.message(id));
                return;
            }
            labels = labelService.labelsFor(id);
            boolean gold = event.getLocation().getQueryParameters().getSingleParameter("layer")
                    .filter(Layer.GOLD::equals).isPresent();
            if (gold && !access.canWrite(annotator, id, Layer.GOLD)) {
                showProblem("Only curators of this document's project edit its gold layer.");
                return;
            }
            if (!java.util.Objects.equals(layerName, gold ? Layer.GOLD : annotator)) {
                undo.clear(); // undo steps belong to the layer they were made in
            }
            layerName = gold ? Layer.GOLD : annotator;
            layer = annotations.layer(id, layerName);
            if (projects.isAssigned(annotator, id)) {
                queue.markStarted(annotator, id);
            }
        } catch (DocumentNotFoundException e) {
            showProblem(e.getMessage());
            return;
        } catch (RuntimeException e) {
            // a broken layer file: say which, and do not offer to edit (saving would replace it)
            showProblem("This document's annotations cannot be opened: " + UiErrors.describe(e));
            return;
        }
        build();
        getUI().ifPresent(this::watch);
    }

    /** While open, hear about saves to this layer made elsewhere (another tab, an import, the API). */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watch(attachEvent.getUI());
    }

    /** (Re)subscribes for the document shown now: the view instance is reused when moving between documents. */
    private void watch(com.vaadin.flow.component.UI ui) {
        if (document == null || layer == null) {
            watch.stop();
            return;
        }
        watch.start(ui, document.id(), annotator, change -> {
            if (change.layer().annotator().equals(layerName)) {
                applyRemote(change);
            }
        }, this::showCompany);
    }

    /** A save made elsewhere: newer than what this view shows, so draw it (our own saves arrive already applied). */
    void applyRemote(LayerEvents.LayerChanged change) {
        if (layer == null || change.layer().revision() <= layer.revision()) {
            return;
        }
        moveTo(change.layer(), () -> spanAnnotator.applyChange(change.upserted(), change.removedIds()));
    }

    /** Shows a newer state of the layer: drops a selection it no longer has, draws it, updates the side panel. */
    private void moveTo(Layer newer, Runnable draw) {
        layer = newer;
        if (spanAnnotator.getSelectedId() != null && layer.find(spanAnnotator.getSelectedId()).isEmpty()) {
            spanAnnotator.setSelectedId(null);
        }
        draw.run();
        drawStructure();
        refreshSide(labels.labels().stream().map(Label::id).toArray(String[]::new));
    }

    private void showCompany(List<String> names) {
        long others = names.stream().filter(n -> !n.equals(annotator)).count();
        List<String> shown = names.stream().map(n -> n.equals(annotator) ? n + " (you)" : n).toList();
        company.setText(names.size() <= 1 ? "" : "Here now: " + String.join(", ", shown));
        company.setVisible(others > 0 || names.size() > 1);
    }

    @Override
    public String getPageTitle() {
        return document == null ? "Slant" : document.title() + " · Slant";
    }

    private void showProblem(String message) {
        document = null;
        layer = null;
        undo.clear();
        getUI().ifPresent(this::watch); // stops watching the previous document
        removeAll();
        add(notFound(message));
    }

    private VerticalLayout notFound(String message) {
        Paragraph p = new Paragraph(message);
        p.addClassName("slant-error");
        VerticalLayout box = new VerticalLayout(p, new RouterLink("Back to the documents", DocumentListView.class));
        box.addClassName("slant-page");
        return box;
    }

    private void build() {
        removeAll();
        undo.clear(); // changes made to another document are not undoable here
        spanAnnotator.setText(document.text());
        spanAnnotator.setLabels(labels);
        spanAnnotator.setSpans(layer.spans());
        spanAnnotator.setSelectedId(null);
        if (pane != null) {
            pane.stop();
        }
        pane = new StructurePane(spanAnnotator, document, labels, new LayerEdits(edits, annotator, document.id(), layerName),
                change -> act(change::get, true), id -> {
                    select(id);
                    spanAnnotator.reveal(id);
                }, this::refreshSide);

        title.setText(document.title());
        title.addClassName("slant-doc-title");
        Button rename = new Button(VaadinIcon.EDIT.create(), e -> renameDialog());
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        rename.setAriaLabel("Rename");
        rename.setTooltipText("Rename the document");
        download.setHref("/api/documents/" + document.id() + "/export?format=json");
        download.getElement().setAttribute("download", document.id() + ".slant.json");
        download.add(new Button("Download JSON", VaadinIcon.DOWNLOAD.create()));
        download.setId("download-json");
        Paragraph meta = new Paragraph(String.format(Locale.UK, "%,d characters · %s · %s",
                document.length(), document.source().outlet() == null ? "no source given" : document.source().outlet(),
                layerName.equals(Layer.GOLD) ? "editing the GOLD layer as curator " + annotator : "annotating as " + annotator));
        if (layerName.equals(Layer.GOLD)) {
            meta.addClassName("slant-gold-mode");
        }
        meta.addClassName("slant-meta");
        company.addClassName("slant-company");
        company.setId("company");
        RouterLink agreementLink = new RouterLink("Agreement", AgreementView.class,
                new com.vaadin.flow.router.RouteParameters("id", document.id()));
        agreementLink.addClassName("slant-muted-link");
        agreementLink.setId("agreement-link");
        RouterLink compareLink = new RouterLink("Compare", CompareView.class,
                new com.vaadin.flow.router.RouteParameters("id", document.id()));
        compareLink.addClassName("slant-muted-link");
        compareLink.setId("compare-link");
        RouterLink curationLink = new RouterLink("Curation", CurationView.class,
                new com.vaadin.flow.router.RouteParameters("id", document.id()));
        curationLink.addClassName("slant-muted-link");
        curationLink.setId("curation-link");
        boolean curator = access.canCurate(annotator, document.id());
        rename.setVisible(curator);
        compareLink.setVisible(access.canSeeOthers(annotator, document.id()));
        agreementLink.setVisible(curator);
        curationLink.setVisible(curator);
        showStatus();
        HorizontalLayout head = new HorizontalLayout(title, rename, company, compareLink, agreementLink, curationLink);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        Div article = new Div(new RouterLink("← Documents", DocumentListView.class), head, meta, spanAnnotator);
        article.addClassName("slant-article-pane");

        VerticalLayout side = new VerticalLayout();
        side.addClassName("slant-side-pane");
        side.setPadding(true);
        HorizontalLayout queueRow = new HorizontalLayout(status, doneButton, nextLink);
        queueRow.setWrap(true);
        queueRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        // the selected span's attributes and links sit in its panel, right under its label: the first thing to see
        side.add(queueRow, pane.missing(), new H3("Label"), labelButtons(), snap, selectionPanel(), pane.box().sentencePart(),
                toolbar(), pane.questions(),
                new H3("Spans"), spanList, legend(), keys());
        side.add(GuidelinesView.sidePanelHelp()); // "Label guidelines" link (#guidelines-link) and the keyboard keys
        add(article, side);
        setFlexGrow(1, article);
        buildSpanList();
        drawStructure();
        refreshSide();
    }

    /** Sends the layer's structure to the element and the side pane. */
    private void drawStructure() {
        if (layer != null && pane != null) {
            pane.draw(layer);
        }
    }

    private Div labelButtons() {
        Div box = new Div();
        box.addClassName("slant-label-buttons");
        for (Label label : labels.labels()) {
            Button b = new Button(label.name());
            b.setPrefixComponent(swatch(label));
            if (label.hotkey() != null) {
                Div key = new Div(label.hotkey());
                key.addClassName("slant-key");
                b.setSuffixComponent(key);
            }
            b.setId("label-" + label.id());
            b.setTooltipText(label.definition());
            b.getElement().setAttribute("data-label", label.id());
            // the click must read the browser's selection before the button takes focus from the text
            b.getElement().executeJs("this.addEventListener('mousedown', e => e.preventDefault())");
            b.addClickListener(e -> spanAnnotator.applyLabel(label.id()));
            box.add(b);
        }
        return box;
    }

    private Div selectionPanel() {
        selectedPanel.addClassName("slant-selected");
        selectedLabel.setLabel("Selected span");
        selectedLabel.setItems(labels.labels());
        selectedLabel.setItemLabelGenerator(Label::name);
        selectedLabel.setWidthFull();
        selectedNote.setWidthFull();
        selectedNote.setPlaceholder("Why this label? (optional)");
        selectedNote.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        deleteButton.addThemeVariants(ButtonVariant.ERROR);
        deleteButton.setTooltipText("Delete the selected span (Delete key)");
        selectedPanel.removeAll();
        selectedPanel.add(selectedLabel, pane.box().spanPart(), selectedNote, deleteButton);
        return selectedPanel;
    }

    private HorizontalLayout toolbar() {
        undoButton.setTooltipText("Undo the last change (Ctrl+Z)");
        HorizontalLayout bar = new HorizontalLayout(undoButton, download);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private Details legend() {
        Div body = new Div();
        for (Label label : labels.labels()) {
            Div entry = new Div();
            entry.addClassName("slant-legend-entry");
            Div name = new Div(swatch(label), new com.vaadin.flow.component.html.Span(
                    label.name() + (label.hotkey() == null ? "" : "  (key " + label.hotkey() + ")")));
            name.addClassName("slant-legend-name");
            entry.add(name, new Paragraph(label.definition()));
            body.add(entry);
        }
        Paragraph how = new Paragraph("Select text, then press a label's key or click its button. Click a highlight to "
                + "select it (click again to cycle through overlapping spans); Delete removes it, Ctrl+Z undoes.");
        how.addClassName("slant-hint");
        body.add(how);
        Details legend = new Details("Label definitions", body);
        legend.setOpened(true);
        legend.addClassName("slant-legend");
        return legend;
    }

    /** The keyboard, where it is used: everything a mouse does, without one. */
    static Details keys() {
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (String[] k : new String[][] {
                {"Tab", "into the article (a caret appears), and out again"},
                {"← →", "previous / next word"},
                {"↑ ↓", "previous / next sentence"},
                {"Home End", "start / end of the paragraph"},
                {"Shift + arrows", "select by whole words or sentences"},
                {"S", "select the sentence at the caret"},
                {"1–6 (a label's key)", "label the selection, or relabel the selected span"},
                {"Enter", "select the highlight at the caret (again: the next one stacked there)"},
                {"a value's key", "set that value of the selected span (or sentence), shown on its button in the side box"},
                {"L", "link the selected span: pick the other span by click, or move the caret and press Enter"},
                {"Shift+N", "the next sentence without sentence labels (where the scheme has them)"},
                {"Delete", "delete the selected span (one with links asks first)"},
                {"Ctrl+Z", "undo"},
                {"Esc", "clear the selection"}}) {
            com.vaadin.flow.component.html.Span key = new com.vaadin.flow.component.html.Span(k[0]);
            key.addClassName("slant-key");
            list.add(new com.vaadin.flow.component.html.ListItem(key, new com.vaadin.flow.component.html.Span(" " + k[1])));
        }
        list.addClassName("slant-keys");
        Paragraph rows = new Paragraph("In the span list, Tab reaches each span and Enter selects it in the text.");
        rows.addClassName("slant-hint");
        Details keys = new Details("Keyboard", new Div(list, rows));
        keys.setId("keyboard-help");
        return keys;
    }

    private static Div swatch(Label label) {
        Div sw = new Div();
        sw.addClassName("slant-swatch");
        sw.getStyle().set("--swatch", label.color()).set("--mark", label.mark());
        return sw;
    }

    /** The span as this view last showed it, for the service to check that nobody changed it meanwhile. */
    private SeenSpan shown(String spanId) {
        return layer.find(spanId).map(SeenSpan::of).orElse(null);
    }

    /** After a refusal: if the layer moved on meanwhile (another tab, another curator), draw it as it is now. */
    private void catchUp() {
        if (document == null || layer == null) {
            return;
        }
        Layer now = annotations.layer(document.id(), layerName);
        if (now.revision() > layer.revision()) {
            moveTo(now, () -> spanAnnotator.setSpans(now.spans()));
        }
    }

    /**
     * Runs one edit (a span, a link, a sentence's labels, an answer); on success updates the element and the
     * side pane, on refusal says why, once, through {@link UiErrors}.
     */
    private void act(Supplier<? extends LayerChange> edit, boolean undoable) {
        try {
            // UserEdits asks the rules again on every edit: an account disabled, or a document unassigned, while the page is open
            LayerChange change = edit.get();
            if (change == null) {
                return;
            }
            layer = change.layer();
            if (undoable) {
                undo.push(change);
            }
            String[] touched = {};
            if (change instanceof SpanChange c) {
                spanAnnotator.showSaved(c);
                touched = new String[] {c.before() == null ? c.after().label() : c.before().label(),
                        c.after() == null ? c.before().label() : c.after().label()};
            }
            drawStructure();
            refreshSide(touched);
        } catch (org.slant.security.AccessDenied e) {
            Notification n = Notification.show("Not saved: " + e.getMessage(), 8000, Notification.Position.BOTTOM_CENTER);
            n.addThemeVariants(NotificationVariant.ERROR);
            spanAnnotator.setReadOnly(true);
        } catch (RuntimeException e) {
            if (!UiErrors.isExpected(e)) {
                throw e; // a bug or an outage: SlantErrorHandler logs it with a reference and shows it once
            }
            UiErrors.show(e);
            catchUp();
        }
    }

    void undoLast() {
        LayerChange last = undo.poll();
        if (last == null) {
            Notification.show("Nothing to undo", 2000, Notification.Position.BOTTOM_CENTER);
            return;
        }
        act(() -> edits.undo(annotator, document.id(), layerName, last), false);
    }

    void select(String spanId) {
        spanAnnotator.setSelectedId(layer.find(spanId).map(Span::id).orElse(null));
        refreshSide();
    }

    /** Updates the selected-span panel, the undo button and the groups of the labels an edit touched. */
    private void refreshSide(String... touchedLabels) {
        Span selected = spanAnnotator.getSelectedId() == null ? null : layer.find(spanAnnotator.getSelectedId()).orElse(null);
        updatingSelection = true;
        try {
            selectedPanel.setVisible(selected != null);
            if (selected != null) {
                selectedLabel.setValue(labels.find(selected.label()).orElse(null));
                selectedLabel.setHelperText("“" + abbreviate(selected.text(), 80) + "”");
                selectedNote.setValue(selected.note() == null ? "" : selected.note());
            }
        } finally {
            updatingSelection = false;
        }
        if (pane != null) {
            pane.show(layer, selected);
        }
        undoButton.setEnabled(!undo.isEmpty());
        emptyHint.setVisible(layer.spans().isEmpty());
        for (String label : touchedLabels) {
            SpanGroup group = groups.get(label);
            if (group != null) {
                group.show(layer.spans().stream().filter(s -> s.label().equals(label)).toList());
            }
        }
    }

    private void buildSpanList() {
        spanList.removeAll();
        spanList.addClassName("slant-span-list");
        emptyHint.addClassName("slant-hint");
        spanList.add(emptyHint);
        Map<String, List<Span>> byLabel = layer.spans().stream().collect(Collectors.groupingBy(Span::label));
        for (Label label : labels.labels()) {
            SpanGroup group = new SpanGroup(label);
            groups.put(label.id(), group);
            List<Span> spans = byLabel.getOrDefault(label.id(), List.of());
            group.show(spans);
            group.setOpened(!spans.isEmpty() && spans.size() <= 40);
            spanList.add(group);
        }
    }

    /**
     * One label's spans in reading order. A virtual list renders only the rows in sight, so a layer of
     * thousands of spans costs nothing extra per edit.
     */
    private final class SpanGroup extends Details {
        private final com.vaadin.flow.component.html.Span count = new com.vaadin.flow.component.html.Span();
        private final VirtualList<Span> rows = new VirtualList<>();

        SpanGroup(Label label) {
            com.vaadin.flow.component.html.Span summary = new com.vaadin.flow.component.html.Span(swatch(label),
                    new com.vaadin.flow.component.html.Span(label.name() + " "), count);
            summary.addClassName("slant-group-summary");
            setSummary(summary);
            // rows are buttons for the keyboard too: Tab reaches them, Enter or Space selects the span in the text
            rows.setRenderer(LitRenderer.<Span>of(
                            "<div class='slant-span-row' role='button' tabindex='0' title='${item.full}' @click='${select}'"
                                    + " @keydown='${e => { if (e.key === \"Enter\" || e.key === \" \") { e.preventDefault(); select(); } }}'"
                                    + ">${item.text}</div>")
                    .withProperty("text", s -> abbreviate(s.text(), 70))
                    .withProperty("full", s -> s.note() == null ? s.text() : s.text() + " — " + s.note())
                    .withFunction("select", s -> {
                        select(s.id());
                        spanAnnotator.reveal(s.id());
                    }));
            rows.addClassName("slant-span-rows");
            add(rows);
            getElement().setAttribute("data-group", label.id());
        }

        void show(List<Span> spans) {
            if (spans.size() == 1 && !isOpened()) {
                setOpened(true); // the first span of a label: show where it went
            } else if (spans.isEmpty()) {
                setOpened(false); // the last one went: an open, empty group only takes room
            }
            count.setText("(" + spans.size() + ")");
            rows.setItems(spans);
            rows.setHeight(Math.min(spans.size(), 10) * 1.75 + "rem");
            getElement().setAttribute("data-count", String.valueOf(spans.size()));
        }
    }

    private void renameDialog() {
        com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
        d.setHeaderTitle("Rename document");
        TextField field = new TextField("Title", document.title(), "");
        field.setWidth("30rem");
        Button save = new Button("Save", e -> {
            try {
                document = edits.renameDocument(annotator, document.id(), field.getValue());
                title.setText(document.title());
                d.close();
            } catch (IllegalArgumentException ex) {
                field.setInvalid(true);
                field.setErrorMessage(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        d.add(field);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private static String abbreviate(String s, int max) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
