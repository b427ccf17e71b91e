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
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slant.annotation.CurationService;
import org.slant.annotation.CurationService.AnswerCandidate;
import org.slant.annotation.CurationService.Candidate;
import org.slant.annotation.CurationService.Candidates;
import org.slant.annotation.CurationService.LinkCandidate;
import org.slant.annotation.CurationService.LinkEnd;
import org.slant.annotation.CurationService.SentenceCandidate;
import org.slant.annotation.CurationService.Votes;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerEvents;
import org.slant.annotation.StaleLayerException;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LinkType;
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
    /** Links between spans, shown when the scheme has link types. */
    final Grid<LinkCandidate> linkGrid = new Grid<>();
    /** Sentence labels, shown when the scheme has any. */
    final Grid<SentenceCandidate> sentenceGrid = new Grid<>();
    /** Document questions, shown when the scheme asks any. */
    final Grid<AnswerCandidate> answerGrid = new Grid<>();
    final Button acceptAgreed = new Button("Take every value all annotators agree on");
    final com.vaadin.flow.component.html.Div linkSection = new com.vaadin.flow.component.html.Div();
    final com.vaadin.flow.component.html.Div labelSection = new com.vaadin.flow.component.html.Div();
    private final com.vaadin.flow.component.html.Div sentenceSection = new com.vaadin.flow.component.html.Div();
    private final com.vaadin.flow.component.html.Div answerSection = new com.vaadin.flow.component.html.Div();
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
        acceptAgreed.setId("accept-agreed");
        acceptAgreed.setTooltipText("Sentence labels and answers that every annotator who gave one gave alike; "
                + "values already in gold stay as they are");
        acceptAgreed.addClickListener(e -> acceptAgreed());
        buildGrid();
        buildStructureGrids();
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
        grid.addComponentColumn(this::attributes).setHeader("Attributes (values · who gave them)").setKey("attributes")
                .setFlexGrow(3);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPartNameGenerator(c -> c.inGold() ? "slant-cur-gold" : null);
    }

    private void buildStructureGrids() {
        linkGrid.setId("cur-links");
        linkGrid.addClassName("slant-cur-structure");
        linkGrid.addColumn(l -> end(l.from())).setHeader("From").setKey("from").setFlexGrow(2);
        linkGrid.addColumn(l -> linkTypeName(l.type())).setHeader("Link").setKey("type").setFlexGrow(1);
        linkGrid.addColumn(l -> end(l.to())).setHeader("To").setKey("to").setFlexGrow(2);
        linkGrid.addColumn(l -> whoOf(l.annotators())).setHeader("Linked by").setKey("marked").setFlexGrow(2);
        // until both ends are gold, this column says which end to accept first (the Decision column keeps its width)
        linkGrid.addColumn(l -> l.inGold() ? "✓" : l.endsInGold() ? "" : "needs " + end(l.from().gold() == null ? l.from() : l.to())
                + " in gold").setHeader("In gold").setKey("gold").setFlexGrow(1);
        linkGrid.addComponentColumn(this::linkActions).setHeader("Decision").setKey("actions").setFlexGrow(2);
        linkGrid.setAllRowsVisible(true);
        linkGrid.setEmptyStateText("No annotator has linked two spans in this document yet.");
        linkGrid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        linkGrid.setPartNameGenerator(l -> l.inGold() ? "slant-cur-gold" : null);

        sentenceGrid.setId("cur-sentences");
        sentenceGrid.addClassName("slant-cur-structure");
        sentenceGrid.addColumn(c -> c.number() + ". " + abbreviate(c.text(), 90)).setHeader("Sentence").setKey("sentence")
                .setFlexGrow(3).setTooltipGenerator(SentenceCandidate::text);
        sentenceGrid.addColumn(c -> labels.sentenceLabel(c.label()).map(Attribute::name).orElse(c.label()))
                .setHeader("Label").setKey("label").setFlexGrow(1);
        sentenceGrid.addComponentColumn(c -> picks(labels.sentenceLabel(c.label()).orElse(null), c.votes(), null,
                        v -> () -> curation.setSentenceLabel(document.id(), curator, revision(), c.start(), c.end(), c.label(), v)))
                .setHeader("Values · who gave them (pick one for gold)").setKey("actions").setFlexGrow(3);
        sentenceGrid.setAllRowsVisible(true);
        sentenceGrid.setEmptyStateText("No annotator has labelled a sentence yet.");
        sentenceGrid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);

        answerGrid.setId("cur-answers");
        answerGrid.addClassName("slant-cur-structure");
        answerGrid.addColumn(c -> labels.question(c.question()).map(Attribute::name).orElse(c.question()))
                .setHeader("Question").setKey("question").setFlexGrow(1);
        answerGrid.addComponentColumn(c -> picks(labels.question(c.question()).orElse(null), c.votes(), null,
                        v -> () -> curation.setAnswer(document.id(), curator, revision(), c.question(), v)))
                .setHeader("Answers · who gave them (pick one for gold)").setKey("actions").setFlexGrow(3);
        answerGrid.setAllRowsVisible(true);
        answerGrid.setEmptyStateText("No annotator has answered a document question yet.");
        answerGrid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
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
                + "your name, with the attribute values its annotators agree on; where they differ, pick a value. "
                + "Reject takes it out again. Rejections are not recorded: a rejected span stays in this list. "
                + "A gold span can be relabelled, and its start and end moved a word at a time with the start ⇤ ⇥ and "
                + "end ⇤ ⇥ buttons.");
        how.addClassName("slant-hint");
        RouterLink editGold = new RouterLink("Edit gold in the text (add spans, relabel, delete)", AnnotationView.class,
                new RouteParameters("id", document.id()));
        editGold.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("layer", Layer.GOLD));
        editGold.setId("edit-gold");
        add(back, new H2("Curation"), status, layerProblems, how, editGold, filters, bulk, emptyHint, grid);
        buildStructureSections();
    }

    /** A section per kind of structure the scheme has: links, sentence labels, document questions. */
    private void buildStructureSections() {
        linkSection.removeAll();
        Paragraph linksHow = new Paragraph("A link joins two spans. It can go into gold once both its spans are there "
                + "(accept them above); links of annotators are matched by the ranges and labels of their two ends.");
        linksHow.addClassName("slant-hint");
        linkSection.add(new com.vaadin.flow.component.html.H3("Links"), linksHow, linkGrid);
        linkSection.setVisible(!labels.linkTypes().isEmpty());
        linkSection.setId("cur-link-section");
        linkSection.addClassName("slant-cur-section");

        sentenceSection.removeAll();
        sentenceSection.add(new com.vaadin.flow.component.html.H4("Sentence labels"), sentenceGrid);
        sentenceSection.setVisible(!labels.sentenceLabels().isEmpty());
        sentenceSection.setId("cur-sentence-section");
        answerSection.removeAll();
        answerSection.add(new com.vaadin.flow.component.html.H4("Document questions"), answerGrid);
        answerSection.setVisible(!labels.documentQuestions().isEmpty());
        answerSection.setId("cur-answer-section");
        labelSection.removeAll();
        Paragraph labelsHow = new Paragraph("Each annotator's value is a button; the one gold holds is ticked. "
                + "Pick one to put it into gold, or take at once every value all annotators who gave one agree on.");
        labelsHow.addClassName("slant-hint");
        labelSection.add(new com.vaadin.flow.component.html.H3("Sentence labels and document questions"), labelsHow,
                acceptAgreed, sentenceSection, answerSection);
        labelSection.setVisible(sentenceSection.isVisible() || answerSection.isVisible());
        labelSection.setId("cur-label-section");
        labelSection.addClassName("slant-cur-section");
        grid.getColumnByKey("attributes").setVisible(labels.labels().stream().anyMatch(l -> !l.attributes().isEmpty()));
        add(linkSection, labelSection);
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
        linkGrid.setItems(current.links());
        sentenceGrid.setItems(current.sentences());
        answerGrid.setItems(current.answers());
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
        return whoOf(c.annotators());
    }

    private HorizontalLayout actions(Candidate c) {
        HorizontalLayout box = acceptReject(() -> curation.accept(document.id(), curator, revision(), c), !c.inGold(), null,
                () -> curation.reject(document.id(), curator, revision(), c), c.inGold(), "Take it out of gold");
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

    /** Per attribute of the span's label that someone gave: each value with who gave it, a button to put it into gold. */
    private com.vaadin.flow.component.Component attributes(Candidate c) {
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div();
        box.addClassName("slant-cur-attributes");
        Label label = labels.find(c.label()).orElse(null);
        Map<String, Votes> votes = c.attributes();
        List<String> ids = new java.util.ArrayList<>(label == null ? List.of()
                : label.attributes().stream().map(Attribute::id).filter(votes::containsKey).toList());
        votes.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add); // no longer in the scheme
        for (String id : ids) {
            Attribute attribute = label == null ? null : label.attribute(id).orElse(null);
            com.vaadin.flow.component.html.Div line = new com.vaadin.flow.component.html.Div();
            line.addClassName("slant-cur-attribute");
            line.getElement().setAttribute("data-attribute", id);
            Span name = new Span((attribute == null ? id : attribute.name()) + ":");
            name.addClassName("slant-verdict-word");
            line.add(name, picks(attribute, votes.get(id), c.inGold() ? null : "Accept the span first, then pick its value",
                    v -> () -> curation.setAttribute(document.id(), curator, revision(), c.gold().id(), id, v)));
            box.add(line);
        }
        return box;
    }

    /**
     * One button per value given (its name and who gave it; the one gold holds is ticked) and a Clear button
     * when gold holds a value. {@code disabledWhy}: why nothing can be picked yet, or null.
     */
    private com.vaadin.flow.component.Component picks(Attribute attribute, Votes votes, String disabledWhy,
                                                      java.util.function.Function<AttributeValue, Supplier<Layer>> set) {
        HorizontalLayout box = new HorizontalLayout();
        box.setSpacing(false);
        box.addClassName("slant-cur-picks");
        boolean goldGiven = false;
        for (Votes.Option option : votes.options()) {
            String text = valueName(attribute, option.value()) + " · " + String.join(", ", option.annotators());
            if (option.value().equals(votes.gold())) {
                // what gold holds is a mark, not a button: nothing to do, and it must not look unavailable
                goldGiven = true;
                Span held = new Span("✓ " + text + " · in gold");
                held.addClassName("slant-cur-gold-value");
                held.getElement().setAttribute("data-value", option.value().display());
                box.add(held);
                continue;
            }
            Button pick = new Button(text, e -> act(set.apply(option.value())));
            pick.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            pick.addClassName("slant-cur-pick");
            pick.getElement().setAttribute("data-value", option.value().display());
            pick.setEnabled(disabledWhy == null);
            pick.setTooltipText(disabledWhy != null ? disabledWhy : "Put this value into gold");
            box.add(pick);
        }
        if (votes.gold() != null && !goldGiven) {
            Span own = new Span("✓ " + valueName(attribute, votes.gold()) + " · in gold");
            own.addClassName("slant-cur-gold-value");
            box.add(own);
        }
        if (votes.gold() != null) {
            Button clear = new Button("Clear", e -> act(set.apply(null)));
            clear.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            clear.addClassName("slant-cur-clear");
            clear.setTooltipText("Take the value out of gold");
            box.add(clear);
        }
        return box;
    }

    /** A value as people read it: a choice's name, a number, yes/no, or quoted text. */
    static String valueName(Attribute attribute, AttributeValue value) {
        if (attribute == null) {
            return value.display();
        }
        String name = attribute.nameOf(value);
        return attribute.kind() == AttributeKind.TEXT || attribute.kind() == AttributeKind.ENTITY ? "“" + name + "”" : name;
    }

    private HorizontalLayout linkActions(LinkCandidate l) {
        LinkEnd missing = l.from().gold() == null ? l.from() : l.to();
        HorizontalLayout box = acceptReject(() -> curation.acceptLink(document.id(), curator, revision(), l),
                !l.inGold() && l.endsInGold(), l.inGold() ? "In gold" : l.endsInGold() ? "Link the two gold spans"
                        : "Accept " + end(missing) + " into gold first",
                () -> curation.rejectLink(document.id(), curator, revision(), l), l.inGold(),
                "Take the link out of gold; its spans stay");
        return box;
    }

    /** Accept and Reject of one row; Reject only for what gold holds (nothing else records a rejection). */
    private HorizontalLayout acceptReject(Supplier<Layer> accepting, boolean canAccept, String acceptTip,
                                          Supplier<Layer> rejecting, boolean inGold, String rejectTip) {
        Button accept = new Button("Accept", e -> act(accepting));
        accept.addClassName("slant-cur-accept");
        accept.getElement().setAttribute("data-action", "accept");
        accept.addThemeVariants(ButtonVariant.SMALL);
        accept.setEnabled(canAccept);
        if (acceptTip != null) {
            accept.setTooltipText(acceptTip);
        }
        Button reject = new Button("Reject", e -> act(rejecting));
        reject.addClassName("slant-cur-reject");
        reject.getElement().setAttribute("data-action", "reject");
        reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        reject.setEnabled(inGold);
        reject.setTooltipText(inGold ? rejectTip : "Not in gold; nothing to remove");
        HorizontalLayout box = new HorizontalLayout(accept, reject);
        box.setSpacing(false);
        box.addClassName("slant-cur-actions");
        return box;
    }

    private void acceptAgreed() {
        act(() -> curation.acceptAgreedLabels(document.id(), curator, revision()));
    }

    /** “Merz” (Source). */
    private String end(LinkEnd e) {
        return "“" + abbreviate(e.text(), 50) + "” (" + labelName(e.label()) + ")";
    }

    private String linkTypeName(String id) {
        return labels.linkType(id).map(LinkType::name).orElse(id);
    }

    private String whoOf(List<String> annotators) {
        int n = current == null ? 0 : current.annotators().size();
        return annotators.isEmpty() ? "nobody (added in gold) · 0 of " + n
                : String.join(", ", annotators) + " · " + annotators.size() + " of " + n;
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
