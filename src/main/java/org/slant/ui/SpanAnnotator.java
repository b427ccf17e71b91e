package org.slant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slant.annotation.SeenSpan;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Sentences;
import org.slant.label.Label;
import org.slant.label.Scheme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java side of the {@code <slant-annotator>} element. The element speaks UTF-16 offsets (browser string
 * indices); everything on this side of the class speaks code points. This is the one place where the
 * two meet, through {@link CodePointIndex}.
 *
 * <p>Besides spans the element draws links between spans ({@link #setLinks}), a gutter marker per
 * sentence ({@link #setSentences}) and a badge and an incomplete mark per span ({@link #setDecorations}).
 * Those three are sent as changes against what the browser already has, so a new link on an article with
 * two thousand does not resend them all; {@link #setText} clears them, so set them after the text.
 */
@Tag("slant-annotator")
@JsModule("./slant-annotator.ts")
public class SpanAnnotator extends Component implements HasSize {

    /** A request from the reader to label the text between two code point offsets. */
    public record CreateIntent(int start, int end, String label) {
    }

    /** What the element draws for one span (UTF-16 offsets); {@code group} is its lane in lane mode. */
    record SpanView(String id, int start, int end, String label, String note, String tag, String group, String badge,
                    boolean incomplete) {
    }

    /**
     * What a span shows besides its label: a short {@code badge} after the label's tag (attribute values,
     * e.g. "neg · Putin"; null for none) and a "!" when {@code incomplete} (a required attribute or role is
     * missing).
     */
    public record SpanDecoration(String badge, boolean incomplete) {

        public static final SpanDecoration NONE = new SpanDecoration(null, false);
    }

    /** A link drawn from span {@code from} to span {@code to} (ids), labelled with {@code name}. */
    public record LinkView(String id, String type, String from, String to, String name) {

        public LinkView {
            if (id == null || id.isBlank() || from == null || to == null) {
                throw new IllegalArgumentException("Link " + id + " needs an id and the ids of both its spans, got from "
                        + from + " to " + to);
            }
        }
    }

    /**
     * A sentence with a gutter marker: {@code [start, end)} in code points, the short {@code tag} its marker
     * shows (e.g. "B"; null or empty for an empty box) and the marker's tooltip {@code title}.
     */
    public record SentenceView(int start, int end, String tag, String title) {

        public SentenceView {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("Sentence " + start + "-" + end + " needs 0 <= start < end");
            }
        }
    }

    /** What the element receives for one sentence (UTF-16 offsets). */
    record SentenceUtf16(int start, int end, String tag, String title) {
    }

    record DecorationView(String id, String badge, boolean incomplete) {
    }

    record LabelView(String id, String name, String color, String hotkey, String mark, String tag) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String text = "";
    private CodePointIndex index = new CodePointIndex("");
    private String selectedId;
    private final Synced<LinkView> links = new Synced<>("links", LinkView::id, l -> l);
    private final Synced<DecorationView> decorations = new Synced<>("decorations", DecorationView::id, d -> d);
    private final Synced<SentenceUtf16> sentences = new Synced<>("sentences", s -> String.valueOf(s.start()), s -> s);

    public SpanAnnotator() {
        getElement().setAttribute("tabindex", "0");
        // a new element in the browser (the view shown again) has none of what sync() sent: send it all again
        addAttachListener(e -> {
            if (!e.isInitialAttach()) {
                List.of(links, decorations, sentences).forEach(Synced::resend);
            }
        });
    }

    /**
     * Shows the text, with the server's sentence boundaries for the keyboard caret ({@link Sentences}, the
     * one source of sentence boundaries). Another text than before clears the links, decorations and
     * sentences, which belonged to the old one; the same text again keeps them.
     */
    public void setText(String text) {
        if (text.equals(this.text) && getElement().hasProperty("text")) {
            return;
        }
        this.text = text;
        this.index = new CodePointIndex(text);
        getElement().setProperty("text", text);
        List<Integer> ranges = new java.util.ArrayList<>();
        for (Sentences.Sentence s : Sentences.of(text)) {
            ranges.add(index.toUtf16(s.start()));
            ranges.add(index.toUtf16(s.end()));
        }
        getElement().setPropertyList("sentenceRanges", ranges);
        List.of(links, decorations, sentences).forEach(c -> c.set(List.of()));
    }

    public String getText() {
        return text;
    }

    public void setLabels(Scheme labels) {
        getElement().setPropertyList("labels", labels.labels().stream().map(SpanAnnotator::view).toList());
    }

    /**
     * Read-only views of several layers at once: each span is drawn under {@code id} with its own
     * {@code tag} (e.g. the annotator's initials) instead of the label's.
     */
    public record TaggedSpan(String id, Span span, String tag, String group, SpanDecoration decoration) {

        public TaggedSpan(String id, Span span, String tag, String group) {
            this(id, span, tag, group, SpanDecoration.NONE);
        }

        public TaggedSpan(String id, Span span, String tag) {
            this(id, span, tag, null);
        }

        public TaggedSpan {
            decoration = decoration == null ? SpanDecoration.NONE : decoration;
        }
    }

    public void setTaggedSpans(Collection<TaggedSpan> spans) {
        getElement().setPropertyList("spans", spans.stream().map(t -> new SpanView(t.id(), index.toUtf16(t.span().start()),
                index.toUtf16(t.span().end()), t.span().label(), t.span().note(), t.tag(), t.group(), t.decoration().badge(),
                t.decoration().incomplete())).toList());
    }

    /**
     * The badge and incomplete mark of each span, by span id, applied to whatever spans are shown (also
     * those that arrive later); a span not in the map shows none. Only what changed since the last call
     * goes to the browser.
     */
    public void setDecorations(Map<String, SpanDecoration> bySpanId) {
        decorations.set(bySpanId.entrySet().stream()
                .filter(e -> e.getValue() != null && (e.getValue().badge() != null || e.getValue().incomplete()))
                .map(e -> new DecorationView(e.getKey(), e.getValue().badge(), e.getValue().incomplete())).toList());
    }

    /** The links to draw, between the ids of shown spans (a link to a span not shown is not drawn). */
    public void setLinks(List<LinkView> shown) {
        links.set(shown);
    }

    /**
     * The sentences that get a gutter marker (code points; normally every sentence of {@link Sentences#of}).
     * A click on a marker, or S with the caret in the sentence, fires {@link #addSentenceSelectListener}.
     * None: no gutter.
     */
    public void setSentences(List<SentenceView> shown) {
        sentences.set(shown.stream().map(s -> {
            if (s.end() > index.codePointLength()) {
                throw new IllegalArgumentException("Sentence " + s.start() + "-" + s.end() + " ends after the text ("
                        + index.codePointLength() + " characters)");
            }
            return new SentenceUtf16(index.toUtf16(s.start()), index.toUtf16(s.end()), s.tag(), s.title());
        }).toList());
    }

    /** Draws the marker of the sentence starting at this code point as selected; null: none. */
    public void setSelectedSentence(Integer start) {
        if (start == null || start < 0 || start > index.codePointLength()) {
            getElement().removeProperty("selectedSentence");
        } else {
            getElement().setProperty("selectedSentence", index.toUtf16(start));
        }
    }

    /**
     * Pick mode, as the L key: the reader picks the span to link the selected one to, by a click or the
     * keyboard caret and Enter; Esc cancels. The pick comes back through {@link #addLinkPickListener}.
     */
    public void startLink() {
        getElement().executeJs("this.startLink(); this.focus();");
    }

    /** The reader picked a link from the first span id to the second (pick mode); the type is not chosen yet. */
    public Registration addLinkPickListener(BiConsumer<String, String> listener) {
        return on("link-pick", detail -> {
            if (detail.path("from").isString() && detail.path("to").isString()) {
                listener.accept(detail.path("from").asString(), detail.path("to").asString());
            }
        });
    }

    /** The reader selected a sentence (its gutter marker, or S): {@code [start, end]} in code points. */
    public Registration addSentenceSelectListener(Consumer<int[]> listener) {
        return on("sentence-select", detail -> {
            int start = detail.path("start").asInt(-1);
            int end = detail.path("end").asInt(-1);
            if (start >= 0 && start < end && end <= text.length()) {
                listener.accept(new int[] {index.toCodePoint(start), index.toCodePoint(end)});
            }
        });
    }

    /**
     * Lane mode (read-only): each paragraph drawn once per group, in this order, with that group's
     * spans ({@link TaggedSpan#group()}). An empty list draws all spans stacked in one text.
     */
    public void setGroups(List<String> groups) {
        getElement().setPropertyList("groups", List.copyOf(groups));
    }

    public void setSpans(Collection<Span> spans) {
        getElement().setPropertyList("spans", spans.stream().map(this::view).toList());
    }

    /** Sends only what changed, so a layer of thousands of spans is not resent for each edit. */
    public void applyChange(List<Span> upserted, List<String> removedIds) {
        var change = JSON.createObjectNode();
        change.set("upsert", JSON.valueToTree(upserted.stream().map(this::view).toList()));
        change.set("remove", JSON.valueToTree(removedIds));
        change.put("selectedId", selectedId);
        getElement().callJsFunction("applyChange", JSON.writeValueAsString(change));
    }

    /** Draws one saved edit and selects what it left (nothing after a delete). */
    public void showSaved(org.slant.annotation.SpanChange change) {
        setSelectedId(change.after() == null ? null : change.after().id());
        applyChange(change.after() == null ? List.of() : List.of(change.after()),
                change.after() == null ? List.of(change.before().id()) : List.of());
    }

    public void setSelectedId(String spanId) {
        this.selectedId = spanId;
        if (spanId == null) {
            getElement().removeProperty("selectedId");
        } else {
            getElement().setProperty("selectedId", spanId);
        }
    }

    public String getSelectedId() {
        return selectedId;
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    /** Scrolls the span into view in the browser. */
    public void reveal(String spanId) {
        getElement().callJsFunction("reveal", spanId);
    }

    public Registration addCreateListener(Consumer<CreateIntent> listener) {
        return on("create-span", detail -> {
            int start = index.toCodePoint(detail.path("start").asInt());
            int end = index.toCodePoint(detail.path("end").asInt());
            listener.accept(new CreateIntent(start, end, detail.path("label").asString()));
        });
    }

    public Registration addSelectListener(Consumer<String> listener) {
        return on("select-span", detail -> listener.accept(detail.path("id").isString() ? detail.path("id").asString() : null));
    }

    /** A request to relabel a span; {@code seen} is the span as the reader's screen showed it (null if unknown). */
    public record RelabelIntent(String id, String label, SeenSpan seen) {
    }

    /** A request to delete a span, with the span as the reader's screen showed it (null if unknown). */
    public record DeleteIntent(String id, SeenSpan seen) {
    }

    public Registration addRelabelListener(Consumer<RelabelIntent> listener) {
        return on("relabel-span", detail -> listener.accept(
                new RelabelIntent(detail.path("id").asString(), detail.path("label").asString(), seen(detail))));
    }

    public Registration addDeleteListener(Consumer<DeleteIntent> listener) {
        return on("delete-span", detail -> listener.accept(new DeleteIntent(detail.path("id").asString(), seen(detail))));
    }

    /** Labels the reader's selection with the label, or relabels the selected span, as the label's key would. */
    public void applyLabel(String labelId) {
        getElement().executeJs("this.applyLabel($0); this.focus();", labelId);
    }

    private SeenSpan seen(JsonNode detail) {
        JsonNode seen = detail.path("seen");
        if (!seen.isObject() || !seen.path("start").isInt() || !seen.path("end").isInt() || !seen.path("label").isString()) {
            return null;
        }
        int start = seen.path("start").asInt();
        int end = seen.path("end").asInt();
        if (start < 0 || end <= start || end > text.length()) {
            return null;
        }
        return new SeenSpan(index.toCodePoint(start), index.toCodePoint(end), seen.path("label").asString());
    }

    public Registration addUndoListener(Runnable listener) {
        return on("undo", detail -> listener.run());
    }

    int toUtf16(int codePoint) {
        return index.toUtf16(codePoint);
    }

    private Registration on(String type, Consumer<JsonNode> handler) {
        return getElement().addEventListener(type, (DomEvent e) -> handler.accept(e.getEventData().path("event.detail")))
                .addEventData("event.detail");
    }

    private SpanView view(Span s) {
        return new SpanView(s.id(), index.toUtf16(s.start()), index.toUtf16(s.end()), s.label(), s.note(), null, null,
                null, false);
    }

    /**
     * A keyed collection the browser holds (links, decorations, sentences): each {@link #set} sends only the
     * items added, changed or removed since the last, or everything when most of it changed.
     */
    private final class Synced<V> {

        private final String name;
        private final Function<V, String> key;
        private final Function<V, Object> json;
        private Map<String, V> sent;

        Synced(String name, Function<V, String> key, Function<V, Object> json) {
            this.name = name;
            this.key = key;
            this.json = json;
        }

        void set(List<V> items) {
            Map<String, V> now = new LinkedHashMap<>();
            items.forEach(v -> now.put(key.apply(v), v));
            if (sent == null && now.isEmpty()) {
                sent = now; // the browser starts with none
                return;
            }
            var change = JSON.createObjectNode();
            change.put("name", name);
            if (sent == null) {
                change.set("full", JSON.valueToTree(now.values().stream().map(json).toList()));
            } else {
                List<Object> upsert = now.entrySet().stream().filter(e -> !Objects.equals(sent.get(e.getKey()), e.getValue()))
                        .map(e -> json.apply(e.getValue())).toList();
                List<String> remove = sent.keySet().stream().filter(k -> !now.containsKey(k)).toList();
                if (upsert.isEmpty() && remove.isEmpty()) {
                    return;
                }
                if (upsert.size() + remove.size() > Math.max(16, now.size() / 2)) {
                    change.set("full", JSON.valueToTree(now.values().stream().map(json).toList()));
                } else {
                    change.set("upsert", JSON.valueToTree(upsert));
                    change.set("remove", JSON.valueToTree(remove));
                }
            }
            sent = now;
            getElement().callJsFunction("sync", JSON.writeValueAsString(change));
        }

        void resend() {
            Map<String, V> all = sent;
            sent = null;
            set(all == null ? List.of() : List.copyOf(all.values()));
        }
    }

    private static LabelView view(Label l) {
        String tag = (l.hotkey() == null ? "" : l.hotkey() + " ")
                + l.id().substring(0, Math.min(4, l.id().length())).toUpperCase(Locale.ROOT);
        return new LabelView(l.id(), l.name(), l.color(), l.hotkey(), l.mark(), tag);
    }
}
