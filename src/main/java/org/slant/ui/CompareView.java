package org.slant.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerEvents;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;

/**
 * Every annotator's spans over one text (read-only), stacked (agreement shows as bands of one colour,
 * disagreement as mixed colours or a lone band) or one lane per annotator (each paragraph once per
 * annotator, one under the other). Each span's tag names its annotator; clicking a
 * highlight lists who marked what there. Filters by annotator and label; updates live.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "documents/:id/compare", layout = MainLayout.class)
public class CompareView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final AnnotationService annotations;
    private Scheme labels;
    private final LabelService labelService;
    private final org.slant.security.AccessPolicy access;
    private final String user;
    final SpanAnnotator text = new SpanAnnotator();
    final CheckboxGroup<String> annotatorFilter = new CheckboxGroup<>("Annotators");
    final CheckboxGroup<Label> labelFilter = new CheckboxGroup<>("Labels");
    final Div here = new Div();
    /** Stacked (every span over one text) or one lane per annotator (each passage once per annotator). */
    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<String> layout =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>("Layout");
    static final String STACKED = "Stacked in one text";
    static final String LANES = "One lane per annotator";
    private Document document;
    private List<Layer> layers = List.of();
    private final DocumentWatch watch;
    private final org.slant.annotation.ClassWork classWork;
    /** Layers left out because their files cannot be read. */
    final Div layerProblems = new Div();

    public CompareView(DocumentService documents, AnnotationService annotations, LabelService labelService,
                       LayerEvents events, org.slant.security.AccessPolicy access,
                       org.slant.security.CurrentUser currentUser, org.slant.annotation.ClassWork classWork) {
        this.classWork = classWork;
        this.documents = documents;
        this.labelService = labelService;
        this.access = access;
        this.user = currentUser.name();
        this.annotations = annotations;
        this.watch = new DocumentWatch(this, events);
        this.labels = labelService.labels(org.slant.project.Project.DEFAULT_ID);
        addClassName("slant-annotation-view");
        setSizeFull();
        setSpacing(false);
        text.setReadOnly(true);
        text.setId("compare-text");
        text.addSelectListener(this::showSpansAt);
        annotatorFilter.addValueChangeListener(e -> draw());
        labelFilter.setItemLabelGenerator(Label::name);
        labelFilter.addValueChangeListener(e -> draw());
        annotatorFilter.addThemeName("vertical");
        labelFilter.addThemeName("vertical");
        layout.setItems(STACKED, LANES);
        layout.setValue(STACKED);
        layout.addThemeName("vertical");
        layout.setId("compare-layout");
        layout.addValueChangeListener(e -> draw());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            document = documents.get(id);
            if (!access.canSeeOthers(user, id)) {
                throw new org.slant.security.AccessDenied("Comparing annotators is for the project's curators; "
                        + "annotators here see only their own layer.");
            }
            labels = labelService.labelsFor(id);
            layers = readable(annotations.readableLayers(id));
        } catch (RuntimeException e) {
            Paragraph p = new Paragraph(UiErrors.describe(e)); // a problem page instead of the comparison, logged
            p.addClassName("slant-error");
            add(new VerticalLayout(p, new RouterLink("Back to the documents", DocumentListView.class)));
            document = null;
            return;
        }
        text.setText(document.text());
        text.setLabels(labels);
        labelFilter.setItems(labels.labels());
        labelFilter.setValue(new LinkedHashSet<>(labels.labels()));
        List<String> names = layers.stream().map(Layer::annotator).toList();
        annotatorFilter.setItems(names);
        annotatorFilter.setValue(new LinkedHashSet<>(names));
        Div article = new Div(new RouterLink("← " + document.title(), AnnotationView.class,
                new RouteParameters("id", id)), new H2("Compare annotators"), text);
        article.addClassName("slant-article-pane");
        Paragraph hint = new Paragraph("Stacked: each span is tagged with its annotator's initials; bands of one colour "
                + "on the same words mean agreement, a lone band or mixed colours disagreement. One lane per annotator: "
                + "each paragraph once per annotator, one under the other; a span not every lane has (same words, same label) "
                + "gets a dashed ring and ≠ on its tag. Click a highlight to see who marked what there.");
        hint.addClassName("slant-hint");
        here.addClassName("slant-selected");
        here.setVisible(false);
        VerticalLayout side = new VerticalLayout(new H3("Show"), layout, annotatorFilter, labelFilter, layerProblems, hint, here);
        side.addClassName("slant-side-pane");
        add(article, side);
        setFlexGrow(1, article);
        draw();
        getUI().ifPresent(this::watch);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watch(attachEvent.getUI());
    }

    private void watch(UI ui) {
        if (document == null) {
            watch.stop();
            return;
        }
        watch.start(ui, document.id(), "comparing", change -> reload(), names -> { });
    }

    void reload() {
        if (document == null) {
            return;
        }
        layers = readable(annotations.readableLayers(document.id()));
        Set<String> shown = new LinkedHashSet<>(annotatorFilter.getValue());
        List<String> names = layers.stream().map(Layer::annotator).toList();
        Set<String> known = new LinkedHashSet<>(annotatorFilter.getListDataView().getItems().toList());
        annotatorFilter.setItems(names);
        names.stream().filter(n -> !known.contains(n)).forEach(shown::add); // a new annotator appears checked
        annotatorFilter.setValue(shown);
        draw();
    }

    private void draw() {
        if (document == null) {
            return;
        }
        Set<String> shownLabels = new LinkedHashSet<>(labelFilter.getValue().stream().map(Label::id).toList());
        boolean lanes = LANES.equals(layout.getValue());
        List<SpanAnnotator.TaggedSpan> spans = new ArrayList<>();
        List<String> shownAnnotators = new ArrayList<>();
        for (Layer layer : layers) {
            if (!annotatorFilter.getValue().contains(layer.annotator())) {
                continue;
            }
            shownAnnotators.add(layer.annotator());
            // in lanes the lane names the annotator, so the tag names the label as when annotating
            String tag = lanes ? null : initials(layer.annotator());
            for (Span s : layer.spans()) {
                if (shownLabels.contains(s.label())) {
                    spans.add(new SpanAnnotator.TaggedSpan(layer.annotator() + "." + s.id(), s, tag, layer.annotator()));
                }
            }
        }
        text.setGroups(lanes ? shownAnnotators : List.of());
        text.setTaggedSpans(spans);
    }

    /** Who marked what around the clicked span. */
    void showSpansAt(String taggedId) {
        here.removeAll();
        if (taggedId == null || !taggedId.contains(".")) {
            here.setVisible(false);
            return;
        }
        String annotator = taggedId.substring(0, taggedId.indexOf('.'));
        String spanId = taggedId.substring(taggedId.indexOf('.') + 1);
        Span clicked = layers.stream().filter(l -> l.annotator().equals(annotator)).findFirst()
                .flatMap(l -> l.find(spanId)).orElse(null);
        if (clicked == null) {
            here.setVisible(false);
            return;
        }
        here.add(new H3("“" + (clicked.text().length() > 60 ? clicked.text().substring(0, 59) + "…" : clicked.text()) + "”"));
        for (Layer layer : layers) {
            List<String> marks = layer.spans().stream().filter(s -> s.start() < clicked.end() && clicked.start() < s.end())
                    .map(s -> labels.find(s.label()).map(Label::name).orElse(s.label())
                            + (s.start() == clicked.start() && s.end() == clicked.end() ? "" : " (other boundaries)")
                            + structure(layer, s))
                    .toList();
            Paragraph line = new Paragraph(layer.annotator() + ": " + (marks.isEmpty() ? "nothing here" : String.join(", ", marks)));
            line.getElement().setAttribute("data-annotator", layer.annotator());
            here.add(line);
        }
        here.setVisible(true);
    }

    /** " [Polarity: Negative; Target: “Putin”] · Source: “Merz”": the span's attributes and the links from it. */
    private String structure(Layer layer, Span s) {
        StringBuilder out = new StringBuilder();
        org.slant.label.Label label = labels.find(s.label()).orElse(null);
        List<String> values = s.attributes().entrySet().stream().map(a -> {
            org.slant.label.Attribute attribute = label == null ? null : label.attribute(a.getKey()).orElse(null);
            return (attribute == null ? a.getKey() : attribute.name()) + ": " + CurationView.valueName(attribute, a.getValue());
        }).toList();
        if (!values.isEmpty()) {
            out.append(" [").append(String.join("; ", values)).append(']');
        }
        for (org.slant.annotation.Link link : layer.links()) {
            if (link.from().equals(s.id())) {
                layer.find(link.to()).ifPresent(to -> out.append(" · ")
                        .append(labels.linkType(link.type()).map(org.slant.label.LinkType::name).orElse(link.type()))
                        .append(": “").append(to.text().length() > 40 ? to.text().substring(0, 39) + "…" : to.text()).append('”'));
            }
        }
        return out.toString();
    }

    /**
     * Curators see every layer; an annotator in an open project sees the other annotators' but not gold.
     * Students' exercise layers are the class's, shown on the exercise's class page, not here.
     */
    private List<Layer> readable(org.slant.annotation.LayerStore.LayerListing listing) {
        Set<String> students = classWork.studentsOn(document.id());
        java.util.function.Predicate<String> shown = a -> !students.contains(a) && access.canRead(user, document.id(), a);
        // a layer file that cannot be read is named (if its layer would be shown) and the others compared
        List<String> problems = listing.problems(shown);
        layerProblems.removeAll();
        layerProblems.setVisible(!problems.isEmpty());
        if (!problems.isEmpty()) {
            layerProblems.add(AgreementTable.problems("Not shown, because these layer files cannot be read:", problems));
        }
        return listing.layers().stream().filter(l -> shown.test(l.annotator())).toList();
    }

    static String initials(String annotator) {
        String[] parts = annotator.split("-");
        String s = parts.length > 1 ? "" + parts[0].charAt(0) + parts[1].charAt(0)
                : annotator.substring(0, Math.min(2, annotator.length()));
        return s.toUpperCase(Locale.ROOT);
    }

    @Override
    public String getPageTitle() {
        return document == null ? "Compare · Slant" : "Compare · " + document.title() + " · Slant";
    }
}
