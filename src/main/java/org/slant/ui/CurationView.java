package org.slant.ui;

import org.slant.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slant.annotation.CurationService;
import org.slant.annotation.CurationService.Candidate;
import org.slant.annotation.CurationService.Candidates;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerEvents;
import org.slant.annotation.StaleLayerException;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;

/**
 * Building a document's gold layer: every range and label any annotator marked, who marked it, and
 * whether gold holds it, with Accept and Reject per row and "accept everything at least k marked".
 * For the project's curators (AccessPolicy); the curator is {@link CurrentUser}. The list follows saves made elsewhere
 * (annotators still at work, another curator), so decisions are made on what is stored now.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "documents/:id/curation", layout = MainLayout.class)
public class CurationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String STALE_MESSAGE = "Someone else changed gold meanwhile; the list is refreshed, please check and retry";

    private final CurationService curation;
    private final DocumentService documents;
    private Scheme labels;
    private final LabelService labelService;
    private final org.slant.security.AccessPolicy access;
    private final String curator;

    final Grid<Candidate> grid = new Grid<>();
    final Select<String> labelFilter = new Select<>();
    final Select<String> annotatorFilter = new Select<>();
    final Checkbox onlyDisagreements = new Checkbox("Only disagreements");
    final IntegerField atLeast = new IntegerField();
    final Button acceptAtLeast = new Button("Accept all");
    final Paragraph status = new Paragraph();
    /** Annotators' layers left out because their files cannot be read, named so they can be fixed. */
    final com.vaadin.flow.component.html.Div layerProblems = new com.vaadin.flow.component.html.Div();
    private final Paragraph emptyHint = new Paragraph("No annotator has marked anything in this document yet.");
    private Document document;
    private Candidates current;
    private final DocumentWatch watch;
    private boolean updatingFilters;

    public CurationView(CurationService curation, DocumentService documents, LabelService labelService,
                        CurrentUser currentAnnotator, LayerEvents events, org.slant.security.AccessPolicy access) {
        this.curation = curation;
        this.labelService = labelService;
        this.access = access;
        this.documents = documents;
        this.watch = new DocumentWatch(this, events);
        this.labels = labelService.labels(org.slant.project.Project.DEFAULT_ID);
        this.curator = currentAnnotator.name();
        addClassName("slant-page");
        addClassName("slant-cur");
        setMaxWidth("80rem");

        // listeners once per view: the same instance may show one document after another
        labelFilter.setLabel("Label");
        labelFilter.setEmptySelectionAllowed(true);
        labelFilter.setEmptySelectionCaption("All labels");
        labelFilter.setItemLabelGenerator(id -> id == null ? "All labels" : labelName(id));
        labelFilter.setId("cur-label-filter");
        labelFilter.addValueChangeListener(e -> show());
        annotatorFilter.setLabel("Marked by");
        annotatorFilter.setEmptySelectionAllowed(true);
        annotatorFilter.setEmptySelectionCaption("Everyone");
        annotatorFilter.setItemLabelGenerator(name -> name == null ? "Everyone" : name);
        annotatorFilter.setId("cur-annotator-filter");
        annotatorFilter.addValueChangeListener(e -> show());
        onlyDisagreements.setId("cur-only-disagreements");
        onlyDisagreements.setTooltipText("Only spans that not every annotator marked");
        onlyDisagreements.addValueChangeListener(e -> show());
        atLeast.setMin(1);
        atLeast.setStepButtonsVisible(true);
        atLeast.setId("cur-at-least");
        atLeast.setAriaLabel("Number of annotators");
        atLeast.addClassName("slant-cur-k");
        acceptAtLeast.setId("accept-at-least");
        acceptAtLeast.addThemeVariants(ButtonVariant.PRIMARY);
        acceptAtLeast.addClickListener(e -> acceptAtLeast());
        acceptAtLeast.setTooltipText("Keeps to the label chosen above; the other filters only change what is listed");
        status.setId("gold-revision");
        status.addClassName("slant-meta");
        emptyHint.addClassName("slant-hint");
        buildGrid();
    }

    private void buildGrid() {
        grid.addClassName("slant-cur-grid");
        grid.addColumn(c -> abbreviate(c.text(), 70)).setHeader("Text").setKey("text").setFlexGrow(3)
                .setTooltipGenerator(Candidate::text);
        grid.addColumn(c -> labelName(c.label())).setHeader("Label").setKey("label").setFlexGrow(1);
        grid.addColumn(this::markedBy).setHeader("Marked by").setKey("marked").setFlexGrow(2);
        grid.addColumn(c -> c.inGold() ? "✓" : "").setHeader("In gold").setKey("gold").setFlexGrow(0).setWidth("6rem")
                .setTooltipGenerator(c -> c.inGold() ? "In gold, put there by " + c.gold().author() : "Not in gold");
        grid.addComponentColumn(this::actions).setHeader("Decision").setKey("actions").setFlexGrow(2);
        grid.setPartNameGenerator(c -> c.inGold() ? "slant-cur-gold" : null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        try {
            document = documents.get(id);
            access.requireCurate(curator, id);
            labels = labelService.labelsFor(id);
            current = curation.candidates(id);
        } catch (RuntimeException e) {
            // no such document, or a layer file that cannot be read: say which, offer no edits
            document = null;
            current = null;
            Paragraph p = new Paragraph(UiErrors.describe(e));
            p.addClassName("slant-error");
            add(p, new RouterLink("Back to the documents", DocumentListView.class));
            getUI().ifPresent(this::watch);
            return;
        }
        labelFilter.setItems(labels.labels().stream().map(Label::id).toList());
        labelFilter.clear();
        annotatorFilter.clear();
        onlyDisagreements.clear();
        atLeast.clear();
        build();
        show();
        getUI().ifPresent(this::watch);
    }

    private void build() {
        RouterLink back = new RouterLink("← " + document.title(), AnnotationView.class,
                new RouteParameters("id", document.id()));
        back.setId("cur-back");
        Span before = new Span("Accept everything marked by at least");
        Span after = new Span("annotators");
        HorizontalLayout bulk = new HorizontalLayout(before, atLeast, after, acceptAtLeast);
        bulk.setAlignItems(FlexComponent.Alignment.BASELINE);
        bulk.addClassName("slant-cur-bulk");
        HorizontalLayout filters = new HorizontalLayout(labelFilter, annotatorFilter, onlyDisagreements);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("slant-cur-filters");
        Paragraph how = new Paragraph("Gold is the agreed layer of this document. Accept puts a span into gold under "
                + "your name, Reject takes it out again. Rejections are not recorded: a rejected span stays in this list. "
                + "A gold span can be relabelled, and its start and end moved a word at a time with the start ⇤ ⇥ and "
                + "end ⇤ ⇥ buttons.");
        how.addClassName("slant-hint");
        RouterLink editGold = new RouterLink("Edit gold in the text (add spans, relabel, delete)", AnnotationView.class,
                new RouteParameters("id", document.id()));
        editGold.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("layer", Layer.GOLD));
        editGold.setId("edit-gold");
        add(back, new H2("Curation"), status, layerProblems, how, editGold, filters, bulk, emptyHint, grid);
    }

    /** Shows {@link #current} through the filters; keeps the filters' values where they still apply. */
    private void show() {
        if (current == null || updatingFilters) {
            return;
        }
        int n = current.annotators().size();
        if (!current.annotators().equals(annotatorFilter.getListDataView().getItems().toList())) {
            String chosen = annotatorFilter.getValue();
            updatingFilters = true; // new items clear the value, which would show() half-way through
            try {
                annotatorFilter.setItems(current.annotators());
                annotatorFilter.setValue(chosen != null && current.annotators().contains(chosen) ? chosen : null);
            } finally {
                updatingFilters = false;
            }
        }
        atLeast.setMax(Math.max(n, 1));
        if (atLeast.getValue() == null) {
            atLeast.setValue(n / 2 + 1); // a majority, the usual first pass
        }
        String label = labelFilter.getValue();
        String annotator = annotatorFilter.getValue();
        List<Candidate> shown = current.candidates().stream()
                .filter(c -> label == null || c.label().equals(label))
                .filter(c -> annotator == null || c.annotators().contains(annotator))
                .filter(c -> !onlyDisagreements.getValue() || c.annotators().size() < n)
                .toList();
        grid.setItems(shown);
        long inGold = current.candidates().stream().filter(Candidate::inGold).count();
        status.setText("Gold revision " + current.goldRevision() + " · " + inGold + " of "
                + current.candidates().size() + " candidates in gold · " + shown.size() + " shown · "
                + (n == 0 ? "no annotators yet" : n + " annotators: " + String.join(", ", current.annotators()))
                + " · curating as " + curator);
        emptyHint.setVisible(current.candidates().isEmpty());
        layerProblems.removeAll();
        layerProblems.setVisible(!current.problems().isEmpty());
        if (!current.problems().isEmpty()) {
            layerProblems.add(AgreementTable.problems("Not among the candidates, because these layer files cannot be read "
                    + "(they are left as they are; fix them, then reload):", current.problems()));
        }
    }

    /** Reads the candidates again (after a save here or elsewhere) and shows them. */
    void refresh() {
        if (document == null) {
            return;
        }
        current = curation.candidates(document.id()); // a layer that cannot be read: SlantErrorHandler says which
        show();
    }

    private String markedBy(Candidate c) {
        int n = current == null ? 0 : current.annotators().size();
        if (c.annotators().isEmpty()) {
            return "nobody (added in gold) · 0 of " + n;
        }
        return String.join(", ", c.annotators()) + " · " + c.annotators().size() + " of " + n;
    }

    private HorizontalLayout actions(Candidate c) {
        Button accept = new Button("Accept", e -> act(() -> curation.accept(document.id(), curator, revision(), c)));
        accept.addClassName("slant-cur-accept");
        accept.getElement().setAttribute("data-action", "accept");
        accept.addThemeVariants(ButtonVariant.SMALL);
        accept.setEnabled(!c.inGold());
        Button reject = new Button("Reject", e -> act(() -> curation.reject(document.id(), curator, revision(), c)));
        reject.addClassName("slant-cur-reject");
        reject.getElement().setAttribute("data-action", "reject");
        reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        // rejecting what gold does not hold would change nothing, and nothing else records a rejection
        reject.setEnabled(c.inGold());
        reject.setTooltipText(c.inGold() ? "Take it out of gold" : "Not in gold; nothing to remove");
        HorizontalLayout box = new HorizontalLayout(accept, reject);
        box.setSpacing(false);
        box.addClassName("slant-cur-actions");
        box.getElement().setAttribute("data-key", c.start() + "-" + c.end() + "-" + c.label());
        if (c.inGold()) {
            Select<Label> relabel = new Select<>();
            relabel.setItems(labels.labels());
            relabel.setItemLabelGenerator(Label::name);
            relabel.setValue(labels.find(c.label()).orElse(null));
            relabel.setAriaLabel("Gold label");
            relabel.setTooltipText("Give the gold span another label");
            relabel.addClassName("slant-cur-relabel");
            relabel.addThemeName("small");
            relabel.addValueChangeListener(e -> {
                if (e.getValue() != null && !e.getValue().id().equals(c.label())) {
                    act(() -> curation.relabel(document.id(), curator, revision(), c.gold().id(), e.getValue().id()));
                }
            });
            box.add(relabel);
            box.add(boundary(c, CurationService.Boundary.START_EARLIER, "⇤", "Start one word earlier"),
                    boundary(c, CurationService.Boundary.START_LATER, "⇥", "Start one word later"),
                    boundary(c, CurationService.Boundary.END_EARLIER, "⇤", "End one word earlier"),
                    boundary(c, CurationService.Boundary.END_LATER, "⇥", "End one word later"));
        }
        return box;
    }

    private void acceptAtLeast() {
        Integer k = atLeast.getValue();
        if (k == null || k < 1) {
            Notification n = Notification.show("Say how many annotators must have marked a span: 1 or more", 5000,
                    Notification.Position.BOTTOM_CENTER);
            n.addThemeVariants(NotificationVariant.WARNING);
            return;
        }
        long before = current.candidates().stream().filter(Candidate::inGold).count();
        Layer gold = act(() -> curation.acceptAllWithAtLeast(document.id(), curator, revision(), k,
                Optional.ofNullable(labelFilter.getValue())));
        if (gold != null) {
            long added = current.candidates().stream().filter(Candidate::inGold).count() - before;
            Notification.show(added == 0 ? "Nothing new: gold already holds every span marked by at least " + k
                    : "Accepted " + added + (added == 1 ? " span" : " spans") + " into gold", 3000,
                    Notification.Position.BOTTOM_CENTER);
        }
    }

    /** One of the four word-step buttons that move a gold span's start or end (named for screen readers). */
    private Button boundary(Candidate c, CurationService.Boundary move, String arrow, String what) {
        boolean start = move == CurationService.Boundary.START_EARLIER || move == CurationService.Boundary.START_LATER;
        Button b = new Button((start ? "start " : "end ") + arrow,
                e -> act(() -> curation.resize(document.id(), curator, revision(), c.gold().id(), move)));
        b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        b.setAriaLabel(what);
        b.setTooltipText(what);
        b.addClassName("slant-cur-boundary");
        b.getElement().setAttribute("data-move", move.name().toLowerCase(java.util.Locale.ROOT));
        return b;
    }

    private long revision() {
        return current.goldRevision();
    }

    /** Runs one change to gold and shows the result; on refusal says why. Returns null when refused. */
    private Layer act(Supplier<Layer> change) {
        try {
            Layer gold = change.get();
            refresh();
            return gold;
        } catch (StaleLayerException e) {
            Notification n = Notification.show(STALE_MESSAGE, 8000, Notification.Position.BOTTOM_CENTER);
            n.addThemeVariants(NotificationVariant.WARNING);
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification n = Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_CENTER);
            n.addThemeVariants(NotificationVariant.WARNING);
            refresh(); // e.g. a relabel refused: put the row's select back
        } // anything else reaches SlantErrorHandler, which logs it and shows it once
        return null;
    }

    /** While open, hear about saves to any layer of the document: annotators' and gold alike change the list. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watch(attachEvent.getUI());
    }

    /** (Re)subscribes for the document shown now: the view instance is reused when moving between documents. */
    private void watch(UI ui) {
        if (document == null) {
            watch.stop();
            return;
        }
        // presence is shown in the annotation view; the curation list does not depend on it
        watch.start(ui, document.id(), curator, change -> refresh(), names -> { });
    }

    @Override
    public String getPageTitle() {
        return document == null ? "Curation · Slant" : "Curation of " + document.title() + " · Slant";
    }

    private String labelName(String id) {
        return labels.find(id).map(Label::name).orElse(id);
    }

    private static String abbreviate(String s, int max) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
