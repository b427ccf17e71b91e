package org.slant.ui.annotate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerChange;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * The structure of what is selected, edited in the side box: the selected span's attributes, its roles (filled
 * or not) and its links, outgoing and incoming, each removable, with "Link…" to link it; or the selected
 * sentence's labels. Choice values have keys, sent here by the page ({@link #press}) while the article has
 * the focus. Every edit goes to {@code save}, which runs it (a {@link LayerEdits} call), records it for undo
 * and shows the result, or reports a refusal once; the page then calls {@link #show} with the saved layer.
 * The annotation page and the student exercise page both use it; each places the two parts, {@link #spanPart()}
 * (inside its selected-span panel) and {@link #sentencePart()}, where they fit.
 */
public final class StructureBox {

    private final Scheme scheme;
    private final LayerEdits target;
    private final Consumer<Supplier<? extends LayerChange>> save;
    private final Set<String> reserved;

    final Div spanPart = new Div();
    final Div attributes = new Div();
    final Div roles = new Div();
    final Div links = new Div();
    final Button linkButton = new Button("Link…", VaadinIcon.CONNECT.create());
    final Div sentencePart = new Div();
    final Paragraph sentenceText = new Paragraph();
    final Div sentenceLabels = new Div();
    final Button nextSentence = new Button("Next unlabelled sentence", VaadinIcon.ARROW_DOWN.create());
    final List<ValueEditor> spanEditors = new ArrayList<>();
    final List<ValueEditor> sentenceEditors = new ArrayList<>();
    private final Map<String, Runnable> spanKeys = new LinkedHashMap<>();
    private final Map<String, Runnable> sentenceKeys = new LinkedHashMap<>();
    private Consumer<String> selectSpan = id -> { };
    private Layer layer;
    private Span span;
    private String editorsFor;
    private Sentences.Sentence sentence;
    /** Shown while the link-type menu is open, for tests. */
    LinkTypeMenu menu;

    /**
     * @param reserved keys the article uses itself (label keys, L, S, …), which a choice may not take
     * @param startLink starts pick mode in the article (the L key does the same there)
     */
    public StructureBox(Scheme scheme, LayerEdits target, Consumer<Supplier<? extends LayerChange>> save,
                        Set<String> reserved, Runnable startLink) {
        this.scheme = scheme;
        this.target = target;
        this.save = save;
        this.reserved = Set.copyOf(reserved);
        attributes.addClassName("slant-attributes");
        roles.addClassName("slant-roles");
        roles.setId("roles");
        links.addClassName("slant-links");
        links.setId("links");
        linkButton.setId("link-button");
        linkButton.setTooltipText("Link the selected span to another: pick it by click, or move the caret and press Enter (key L)");
        Div lKey = new Div("L");
        lKey.addClassName("slant-key");
        linkButton.setSuffixComponent(lKey);
        linkButton.addThemeVariants(ButtonVariant.SMALL);
        linkButton.addClickListener(e -> startLink.run());
        spanPart.addClassNames("slant-structure-box", "slant-span-structure");
        spanPart.add(attributes, roles, links, linkButton);
        sentencePart.addClassNames("slant-structure-box", "slant-sentence-structure");
        sentencePart.setId("sentence-box");
        sentenceText.addClassName("slant-hint");
        Div nKey = new Div("Shift+N");
        nKey.addClassName("slant-key");
        nextSentence.setSuffixComponent(nKey);
        nextSentence.setId("next-sentence");
        nextSentence.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.LUMO_TERTIARY);
        for (Attribute label : scheme.sentenceLabels()) {
            ValueEditor editor = new ValueEditor(label, v -> {
                Sentences.Sentence s = sentence;
                if (s != null) {
                    save.accept(() -> target.setSentenceLabel(s.start(), s.end(), label.id(), v));
                }
            }, null);
            sentenceEditors.add(editor);
            sentenceLabels.add(editor);
        }
        bindKeys(sentenceEditors, sentenceKeys);
        sentencePart.add(new H4("Sentence"), sentenceText, sentenceLabels, nextSentence);
        spanPart.setVisible(false);
        sentencePart.setVisible(false);
    }

    /** Every key a choice may take here, for the page to listen for. */
    public Set<String> allKeys() {
        Set<String> keys = new TreeSet<>();
        for (Label label : scheme.labels()) {
            label.attributes().forEach(a -> a.choices().forEach(c -> addKey(keys, c.hotkey())));
        }
        scheme.sentenceLabels().forEach(a -> a.choices().forEach(c -> addKey(keys, c.hotkey())));
        return keys;
    }

    private void addKey(Set<String> keys, String key) {
        if (key != null && !reserved.contains(key)) {
            keys.add(key);
        }
    }

    /** What a click on another span in the lists does (the page selects it and scrolls to it). */
    public void setSpanSelector(Consumer<String> selectSpan) {
        this.selectSpan = selectSpan;
    }

    /** What "Next unlabelled sentence" does. */
    public void setNextSentenceAction(Runnable next) {
        nextSentence.addClickListener(e -> next.run());
    }

    /** Shows the structure of the selected span, or else of the selected sentence (both null: nothing). */
    public void show(Layer layer, Span selected, Sentences.Sentence selectedSentence, String sentenceWords) {
        this.layer = layer;
        this.span = selected;
        this.sentence = selected == null ? selectedSentence : null;
        Label label = selected == null ? null : scheme.find(selected.label()).orElse(null);
        boolean spanStructure = label != null && (!label.attributes().isEmpty() || !scheme.linkTypes().isEmpty());
        spanPart.setVisible(spanStructure);
        if (spanStructure) {
            showSpan(label);
        }
        boolean sentenceShown = sentence != null && !scheme.sentenceLabels().isEmpty();
        sentencePart.setVisible(sentenceShown);
        if (sentenceShown) {
            sentenceText.setText("“" + ValueText.abbreviate(sentenceWords == null ? "" : sentenceWords, 120) + "”");
            SentenceAnnotation labels = layer.sentenceAt(sentence.start()).orElse(null);
            sentenceEditors.forEach(e -> e.show(labels == null ? null : labels.values().get(e.attribute().id())));
        }
    }

    private void showSpan(Label label) {
        String key = label.id();
        if (!key.equals(editorsFor)) {
            // new editors only for another label: rebuilding on each save would take the focus from the field in
            // use, and rebuilding for each new span of the same label cost every new span on a long article a
            // visible delay (the browser builds the new fields); the editors save to the span shown when used
            editorsFor = key;
            attributes.removeAll();
            spanEditors.clear();
            for (Attribute a : label.attributes()) {
                ValueEditor editor = new ValueEditor(a, v -> {
                    String spanId = span.id();
                    save.accept(() -> target.setAttribute(spanId, a.id(), v));
                }, a.kind() == AttributeKind.ENTITY ? () -> namesUsed(a.id()) : null);
                spanEditors.add(editor);
                attributes.add(editor);
            }
            bindKeys(spanEditors, spanKeys);
        }
        spanEditors.forEach(e -> e.show(span.attributes().get(e.attribute().id())));
        showLinks(label);
        // only where a link may start or end at this label (L in the article says why not, elsewhere)
        linkButton.setVisible(scheme.linkTypes().stream().anyMatch(t -> t.allowsFrom(label.id()) || t.allowsTo(label.id())));
    }

    private void showLinks(Label label) {
        roles.removeAll();
        links.removeAll();
        Map<String, Span> byId = new java.util.HashMap<>();
        layer.spans().forEach(s -> byId.put(s.id(), s));
        List<Link> mine = layer.linksOf(span.id());
        List<Link> shown = new ArrayList<>();
        List<LinkType> slots = scheme.rolesOf(label.id());
        if (!slots.isEmpty()) {
            roles.add(new H4("Roles"));
        }
        for (LinkType role : slots) {
            List<Link> filled = mine.stream().filter(l -> l.type().equals(role.id()) && l.from().equals(span.id())).toList();
            shown.addAll(filled);
            if (filled.isEmpty()) {
                Div row = new Div(new com.vaadin.flow.component.html.Span(role.name() + ": —"
                        + (role.required() ? " (required)" : "")));
                row.addClassName("slant-role");
                row.getElement().setAttribute("data-role", role.id());
                row.getElement().setAttribute("data-filled", "false");
                if (role.required()) {
                    row.addClassName("slant-missing");
                }
                if (!role.definition().isBlank()) {
                    row.getElement().setAttribute("title", role.definition());
                }
                roles.add(row);
            }
            for (Link l : filled) {
                Div row = linkRow(l, role.name() + ": ", byId.get(l.to()));
                row.addClassName("slant-role");
                row.getElement().setAttribute("data-role", role.id());
                row.getElement().setAttribute("data-filled", "true");
                roles.add(row);
            }
        }
        List<Link> others = mine.stream().filter(l -> !shown.contains(l)).toList();
        if (!others.isEmpty()) {
            links.add(new H4("Links"));
        }
        // by type, outgoing before incoming
        others.stream().sorted(java.util.Comparator.comparing((Link l) -> typeName(l.type()))
                        .thenComparing(l -> !l.from().equals(span.id())))
                .forEach(l -> links.add(l.from().equals(span.id())
                        ? linkRow(l, typeName(l.type()) + " → ", byId.get(l.to()))
                        : linkRow(l, typeName(l.type()) + " ← ", byId.get(l.from()))));
    }

    private Div linkRow(Link link, String prefix, Span other) {
        String otherText = other == null ? link.to() : ValueText.abbreviate(other.text(), 40);
        Button jump = new Button(prefix + otherText, e -> {
            if (other != null) {
                selectSpan.accept(other.id());
            }
        });
        jump.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        jump.addClassName("slant-link-target");
        jump.setTooltipText("Select “" + otherText + "”");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> save.accept(() -> target.removeLink(link.id())));
        remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.SMALL);
        remove.getElement().setAttribute("aria-label", "Remove link " + prefix + otherText);
        remove.setTooltipText("Remove this link");
        remove.addClassName("slant-remove-link");
        Div row = new Div(jump, remove);
        row.addClassName("slant-link-row");
        row.getElement().setAttribute("data-link", link.id());
        row.getElement().setAttribute("data-text", prefix + otherText);
        return row;
    }

    /**
     * The reader picked two spans to link (pick mode): one fitting type is used at once; several are offered
     * in a small menu; none is a message naming the two labels.
     */
    public void linkPicked(String firstId, String secondId) {
        if (layer == null) {
            return;
        }
        Span first = layer.find(firstId).orElse(null);
        Span second = layer.find(secondId).orElse(null);
        if (first == null || second == null || first.id().equals(second.id())) {
            return;
        }
        List<LinkChoice> fitting = LinkChoice.fitting(scheme, first, second);
        if (fitting.isEmpty()) {
            save.accept(() -> {
                throw new IllegalArgumentException(LinkChoice.nothingFits(scheme, first, second));
            });
        } else if (fitting.size() == 1) {
            link(fitting.getFirst());
        } else {
            menu = new LinkTypeMenu(scheme, fitting, this::link);
            menu.open();
        }
    }

    private void link(LinkChoice choice) {
        save.accept(() -> target.addLink(choice.type().id(), choice.from().id(), choice.to().id()));
    }

    /** A key pressed in the article: picks a value of the selected span's, or else sentence's, choices. */
    public boolean press(String key) {
        Runnable action = span != null && spanPart.isVisible() ? spanKeys.get(key)
                : sentence != null && sentencePart.isVisible() ? sentenceKeys.get(key) : null;
        if (action == null) {
            return false;
        }
        action.run();
        return true;
    }

    /** The names typed for this attribute in the layer so far, for an entity's combo box. */
    private List<String> namesUsed(String attributeId) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Span s : layer.spans()) {
            var v = s.attributes().get(attributeId);
            if (v != null) {
                names.add(v.display());
            }
        }
        return List.copyOf(names);
    }

    /** Each key once: the first value that claims it keeps it; the article's own keys are never taken. */
    private void bindKeys(List<ValueEditor> editors, Map<String, Runnable> into) {
        into.clear();
        for (ValueEditor e : editors) {
            for (String k : List.copyOf(e.keys().keySet())) {
                if (reserved.contains(k) || into.containsKey(k)) {
                    e.dropKey(k);
                } else {
                    into.put(k, e.keys().get(k));
                }
            }
        }
    }

    private String typeName(String typeId) {
        return scheme.linkType(typeId).map(LinkType::name).orElse(typeId);
    }

    // what the page and its tests look at
    /** The selected span's attribute editors. */
    public Div attributeEditors() {
        return attributes;
    }

    public Div spanPart() {
        return spanPart;
    }

    public Div rolesList() {
        return roles;
    }

    public Div linksList() {
        return links;
    }

    public Button linkButton() {
        return linkButton;
    }

    public Div sentencePart() {
        return sentencePart;
    }

    public Button nextSentenceButton() {
        return nextSentence;
    }

    /** The link-type menu last opened after a pick (null: none yet). */
    public LinkTypeMenu menu() {
        return menu;
    }

    /** The editor of a span attribute or sentence label shown now, by id (tests, and jumping to what is missing). */
    public ValueEditor editor(String attributeId) {
        return java.util.stream.Stream.concat(spanEditors.stream(), sentenceEditors.stream())
                .filter(e -> Objects.equals(e.attribute().id(), attributeId)).findFirst().orElse(null);
    }
}
