package org.slant.ui.annotate;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerChange;
import org.slant.annotation.MissingPart;
import org.slant.annotation.SchemeRules;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.Sentences;
import org.slant.label.Scheme;
import org.slant.ui.SpanAnnotator;

/**
 * Structured annotation on a page with an annotator element, shared by the annotation page and the student
 * exercise page: the side box ({@link StructureBox}), the document questions, the count of what is missing,
 * and the element's side of it (links, badges and the sentence gutter drawn; link picks, sentence picks and
 * value keys heard). One pane per document shown; {@link #stop} before the next.
 */
public final class StructurePane {

    private final SpanAnnotator element;
    private final Document document;
    private final Scheme scheme;
    private final CodePointIndex index;
    private final List<Sentences.Sentence> sentences;
    private final StructureBox box;
    private final QuestionsPanel questions;
    private final MissingList missing;
    private final Runnable selectionChanged;
    private final Consumer<String> selectSpan;
    private final List<Registration> listeners = new ArrayList<>();
    private Layer layer;
    private Sentences.Sentence selectedSentence;
    private List<SpanAnnotator.LinkView> drawnLinks = List.of();
    private Map<String, SpanAnnotator.SpanDecoration> drawnDecorations = Map.of();
    private List<SpanAnnotator.SentenceView> drawnSentences = List.of();

    /**
     * @param save runs an edit, records it for undo and shows it (the page's one way of saving)
     * @param selectSpan selects a span in the page and scrolls to it
     * @param selectionChanged the selection moved (a sentence picked): the page updates its side panel
     */
    public StructurePane(SpanAnnotator element, Document document, Scheme scheme, LayerEdits target,
                         Consumer<Supplier<? extends LayerChange>> save, Consumer<String> selectSpan,
                         Runnable selectionChanged) {
        this.element = element;
        this.document = document;
        this.scheme = scheme;
        this.selectSpan = selectSpan;
        this.selectionChanged = selectionChanged;
        this.index = new CodePointIndex(document.text());
        this.sentences = Sentences.of(document.text());
        this.box = new StructureBox(scheme, target, save, reservedKeys(scheme), element::startLink);
        box.setSpanSelector(selectSpan);
        box.setNextSentenceAction(this::nextUnlabelledSentence);
        this.questions = new QuestionsPanel(scheme, target, save);
        this.missing = new MissingList(this::jumpTo);
        element.setSelectedSentence(null);
        listeners.add(element.addLinkPickListener(box::linkPicked));
        listeners.add(element.addSentenceSelectListener(range -> selectSentence(range[0])));
        listeners.add(listenForKeys());
    }

    public StructureBox box() {
        return box;
    }

    public QuestionsPanel questions() {
        return questions;
    }

    public MissingList missing() {
        return missing;
    }

    /** Stops hearing the element (the page shows another document). */
    public void stop() {
        listeners.forEach(Registration::remove);
        listeners.clear();
    }

    /** The keys the article itself uses (label keys, L to link, S for the sentence, Shift+N), which no value may take. */
    static Set<String> reservedKeys(Scheme scheme) {
        Set<String> keys = new HashSet<>(List.of("l", "L", "s", "S", "N"));
        scheme.labels().forEach(l -> {
            if (l.hotkey() != null) {
                keys.add(l.hotkey());
            }
        });
        return keys;
    }

    /**
     * Value keys (and Shift+N) pressed in the article reach the side box: the element leaves keys it does not
     * know alone, and the filter keeps every other key press in the browser.
     */
    private DomListenerRegistration listenForKeys() {
        return element.getElement().addEventListener("keydown", e -> press(e.getEventData().path("event.key").asString("")))
                .addEventData("event.key").setFilter(keyFilter());
    }

    /** The browser-side test of a key press worth a round trip: one of the value keys (or Shift+N), no modifier. */
    public String keyFilter() {
        Set<String> keys = new TreeSet<>(box.allKeys());
        if (nextSentenceKey()) {
            keys.add("N");
        }
        String list = keys.stream().map(k -> "'" + k.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(","));
        return "!event.ctrlKey && !event.metaKey && !event.altKey && !element.picking && [" + list + "].includes(event.key)";
    }

    /** Shift+N goes to the next unlabelled sentence, unless a label has N for its key (the label wins). */
    private boolean nextSentenceKey() {
        return !scheme.sentenceLabels().isEmpty() && scheme.labels().stream().noneMatch(l -> "N".equals(l.hotkey()));
    }

    /** A key pressed in the article: Shift+N, or a value key for the side box. */
    public void press(String key) {
        if ("N".equals(key) && nextSentenceKey()) {
            nextUnlabelledSentence();
        } else {
            box.press(key);
        }
    }

    /** Sends the layer's structure to the element (links, badges, gutter tags) and updates the missing count. */
    public void draw(Layer saved) {
        this.layer = saved;
        List<MissingPart> parts = SchemeRules.missingParts(layer, scheme, document, sentences);
        drawnDecorations = StructureDrawing.decorations(layer, scheme, parts);
        drawnLinks = StructureDrawing.links(layer, scheme);
        drawnSentences = StructureDrawing.sentences(sentences, layer, scheme);
        element.setDecorations(drawnDecorations);
        element.setLinks(drawnLinks);
        element.setSentences(drawnSentences);
        missing.show(parts);
        questions.show(layer);
    }

    /** Shows the selected span's structure, or the selected sentence's labels when no span is selected. */
    public void show(Layer current, Span selected) {
        this.layer = current;
        if (selected != null && selectedSentence != null) {
            selectedSentence = null;
            element.setSelectedSentence(null);
        }
        box.show(current, selected, selectedSentence,
                selectedSentence == null ? null : index.slice(document.text(), selectedSentence.start(), selectedSentence.end()));
    }

    /** A sentence picked in the gutter (or with S): its labels in the side box; a span selection gives way. */
    public void selectSentence(int start) {
        Sentences.Sentence s = Sentences.at(sentences, start);
        if (s == null || scheme.sentenceLabels().isEmpty()) {
            return;
        }
        selectedSentence = s;
        element.setSelectedId(null);
        element.setSelectedSentence(s.start());
        selectionChanged.run();
    }

    public Sentences.Sentence selectedSentence() {
        return selectedSentence;
    }

    /** Shift+N: the next sentence (after the selected one, round to the start) that has no labels yet. */
    public void nextUnlabelledSentence() {
        if (scheme.sentenceLabels().isEmpty() || sentences.isEmpty() || layer == null) {
            return;
        }
        int from = selectedSentence == null ? -1 : sentences.indexOf(selectedSentence);
        for (int step = 1; step <= sentences.size(); step++) {
            Sentences.Sentence s = sentences.get(Math.floorMod(from + step, sentences.size()));
            if (layer.sentenceAt(s.start()).isEmpty()) {
                selectSentence(s.start());
                return;
            }
        }
        Notification.show("Every sentence has labels", 2500, Notification.Position.BOTTOM_CENTER);
    }

    /** From the missing list: selects the span, the sentence or the question that lacks something. */
    public void jumpTo(MissingPart part) {
        if (part.spanId() != null) {
            selectSpan.accept(part.spanId());
        } else if (part.sentence() != null) {
            selectSentence(part.sentence().start());
        } else {
            questions.focus(part.questionId());
        }
    }

    public List<Sentences.Sentence> sentences() {
        return sentences;
    }

    /** What the element was last given to draw (the element keeps its own copy; tests read this one). */
    public List<SpanAnnotator.LinkView> drawnLinks() {
        return drawnLinks;
    }

    public Map<String, SpanAnnotator.SpanDecoration> drawnDecorations() {
        return drawnDecorations;
    }

    public List<SpanAnnotator.SentenceView> drawnSentences() {
        return drawnSentences;
    }
}
