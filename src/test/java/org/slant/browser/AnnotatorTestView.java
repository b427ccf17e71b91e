package org.slant.browser;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.annotation.SpanChange;
import org.slant.annotation.SpanRejectedException;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.security.CurrentUser;
import org.slant.ui.SpanAnnotator;
import org.slant.ui.SpanAnnotator.LinkView;
import org.slant.ui.SpanAnnotator.SentenceView;
import org.slant.ui.SpanAnnotator.SpanDecoration;

/**
 * Test only (src/test, so never in the product): the {@code <slant-annotator>} element on a page of its own,
 * wired to the services through nothing but {@link SpanAnnotator}'s Java API, so that the browser tests and the
 * benchmark check the element and its wrapper apart from the annotation page's side box. Each event the Java
 * side receives is written to {@code #java-events} as a line, with its offsets as Java got them (code points).
 */
@Route("test/annotator/:id")
@PermitAll
public class AnnotatorTestView extends Div implements BeforeEnterObserver {

    final SpanAnnotator annotator = new SpanAnnotator();
    private final Div received = new Div();
    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labels;
    private final CurrentUser user;
    private Document document;
    private Scheme scheme;
    /** The document's sentences, found once (as the annotation page would keep them). */
    private List<Sentences.Sentence> sentences = List.of();

    public AnnotatorTestView(DocumentService documents, AnnotationService annotations, LabelService labels, CurrentUser user) {
        this.documents = documents;
        this.annotations = annotations;
        this.labels = labels;
        this.user = user;
        received.setId("java-events");
        received.getStyle().set("white-space", "pre").set("font", "12px monospace");
        annotator.setId("annotator");
        getStyle().set("height", "100%").set("overflow-y", "auto").set("padding", "1rem").set("box-sizing", "border-box");
        add(received, annotator);
        annotator.addCreateListener(i -> {
            log("create-span " + i.start() + " " + i.end() + " " + i.label());
            long t0 = System.nanoTime();
            SpanChange change = annotations.create(document.id(), user.name(), i.start(), i.end(), i.label(), true);
            long saved = System.nanoTime();
            annotator.showSaved(change);
            showStructure(annotations.layer(document.id(), user.name()));
            log("server-ms save " + ms(saved - t0) + " show " + ms(System.nanoTime() - saved));
        });
        annotator.addSelectListener(id -> {
            log("select-span " + id);
            annotator.setSelectedId(id);
        });
        annotator.addLinkPickListener((from, to) -> {
            log("link-pick " + from + " " + to);
            long t0 = System.nanoTime();
            Layer layer = annotations.layer(document.id(), user.name());
            addLinkOfAFittingType(layer, from, to);
            long saved = System.nanoTime();
            showStructure(annotations.layer(document.id(), user.name()));
            log("server-ms save " + ms(saved - t0) + " show " + ms(System.nanoTime() - saved));
        });
        annotator.addSentenceSelectListener(range -> {
            log("sentence-select " + range[0] + " " + range[1]);
            annotator.setSelectedSentence(range[0]);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        document = documents.get(event.getRouteParameters().get("id").orElseThrow());
        scheme = labels.labelsFor(document.id());
        sentences = Sentences.of(document.text());
        Layer layer = annotations.layer(document.id(), user.name());
        annotator.setText(document.text());
        annotator.setLabels(scheme);
        annotator.setSpans(layer.spans());
        showStructure(layer);
    }

    /** Links, badges, incomplete marks and the gutter, from the layer, as the annotation page would send them. */
    private void showStructure(Layer layer) {
        annotator.setLinks(layer.links().stream().map(l -> new LinkView(l.id(), l.type(), l.from(), l.to(),
                scheme.linkType(l.type()).map(LinkType::name).orElse(l.type()))).toList());
        Map<String, SpanDecoration> decorations = new LinkedHashMap<>();
        for (Span s : layer.spans()) {
            String badge = s.attributes().values().stream().map(AttributeValue::display).collect(Collectors.joining(" · "));
            decorations.put(s.id(), new SpanDecoration(badge.isEmpty() ? null : badge, missesARequiredRole(s, layer.links())));
        }
        annotator.setDecorations(decorations);
        Map<Integer, SentenceAnnotation> labelled = layer.sentences().stream()
                .collect(Collectors.toMap(SentenceAnnotation::start, s -> s, (a, b) -> a));
        annotator.setSentences(sentences.stream().map(s -> {
            SentenceAnnotation a = labelled.get(s.start());
            String tag = a == null ? null : a.values().values().stream().map(v -> v.display().substring(0, 1).toUpperCase())
                    .collect(Collectors.joining());
            return new SentenceView(s.start(), s.end(), tag, a == null ? null : a.values().toString());
        }).toList());
    }

    private boolean missesARequiredRole(Span span, List<Link> links) {
        Label label = scheme.find(span.label()).orElse(null);
        return label != null && scheme.rolesOf(label.id()).stream().anyMatch(role -> role.required()
                && links.stream().noneMatch(l -> l.from().equals(span.id()) && l.type().equals(role.id())));
    }

    /** The first link type of the scheme that takes this pair (the annotation page asks the reader instead). */
    private void addLinkOfAFittingType(Layer layer, String from, String to) {
        Map<String, Span> spans = layer.spans().stream().collect(Collectors.toMap(Span::id, s -> s));
        for (LinkType type : scheme.linkTypes()) {
            if (spans.containsKey(from) && spans.containsKey(to) && type.fits(spans.get(from).label(), spans.get(to).label())) {
                try {
                    annotations.addLink(document.id(), user.name(), user.name(), type.id(), from, to);
                    log("link-added " + type.id());
                    return;
                } catch (SpanRejectedException e) {
                    log("link-refused " + type.id() + ": " + e.getMessage());
                }
            }
        }
    }

    private static String ms(long nanos) {
        return String.valueOf(nanos / 1_000_000);
    }

    private void log(String line) {
        received.setText(received.getText() + line + "\n");
    }
}
