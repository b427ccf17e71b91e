package org.slant.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.annotation.SpanRejectedException;
import org.slant.annotation.StaleLayerException;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributePlace;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.springframework.stereotype.Service;

/**
 * Edits a project's scheme without ever leaving a layer holding what the scheme no longer has: a label, an
 * attribute, a choice value, a link type, a sentence label or a document question in use goes only once the
 * curator has chosen what happens to its uses (moved to another one, or deleted), and a change that would make
 * stored values unfit (another type, a narrower scale) is refused with how many would break unless the curator
 * chooses to delete them.
 *
 * <p>Every such edit rewrites the affected layers first, each with its revision checked (and redone when someone
 * saved it meanwhile), then saves the scheme, then looks once more for uses that arrived in between. A rewrite
 * that fails half-way leaves layers that still fit the stored scheme.
 */
@Service
public class SchemeEditor {

    private static final int ATTEMPTS = 5;

    private final LabelService labels;
    private final AnnotationService annotations;
    private final ProjectRegistry projects;

    private final Permissions permissions;

    /** For the command line and tests: acts as the workspace's owner. */
    public SchemeEditor(LabelService labels, AnnotationService annotations, ProjectRegistry projects) {
        this(labels, annotations, projects, Permissions.OWNER);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SchemeEditor(LabelService labels, AnnotationService annotations, ProjectRegistry projects,
                          @org.springframework.context.annotation.Lazy Permissions permissions) {
        this.labels = labels;
        this.annotations = annotations;
        this.projects = projects;
        this.permissions = permissions;
    }

    /** {@link #put(String, Label)} for a signed-in user: only the project's curators (and admins) change its labels. */
    public Scheme put(String actor, String projectId, Label label) {
        return as(actor).put(projectId, label);
    }

    /** {@link #remove(String, String, String)} for a signed-in user: the project's curators (and admins). */
    public int remove(String actor, String projectId, String labelId, String replacementId) {
        return as(actor).remove(projectId, labelId, replacementId);
    }

    /** The edits a signed-in user makes: each asks first whether they curate the project (or are an admin). */
    public Acting as(String actor) {
        return new Acting(actor);
    }

    public final class Acting {

        private final String actor;

        private Acting(String actor) {
            this.actor = actor;
        }

        private void require(String projectId) {
            permissions.requireManageProject(actor, projectId);
        }

        public Scheme put(String projectId, Label label) {
            require(projectId);
            return SchemeEditor.this.put(projectId, label);
        }

        public int remove(String projectId, String labelId, String replacementId) {
            require(projectId);
            return SchemeEditor.this.remove(projectId, labelId, replacementId);
        }

        public int putAttribute(String projectId, AttributePlace place, Attribute attribute, Map<String, String> moves,
                                boolean deleteUnfit) {
            require(projectId);
            return SchemeEditor.this.putAttribute(projectId, place, attribute, moves, deleteUnfit);
        }

        public int removeAttribute(String projectId, AttributePlace place, String attributeId, boolean deleteUses) {
            require(projectId);
            return SchemeEditor.this.removeAttribute(projectId, place, attributeId, deleteUses);
        }

        public int removeChoice(String projectId, AttributePlace place, String attributeId, String choiceId,
                                String replacementId) {
            require(projectId);
            return SchemeEditor.this.removeChoice(projectId, place, attributeId, choiceId, replacementId);
        }

        public int putLinkType(String projectId, LinkType type, boolean deleteUnfit) {
            require(projectId);
            return SchemeEditor.this.putLinkType(projectId, type, deleteUnfit);
        }

        public int removeLinkType(String projectId, String typeId, String replacementId) {
            require(projectId);
            return SchemeEditor.this.removeLinkType(projectId, typeId, replacementId);
        }
    }

    // ---- what is in use ----

    /** How many spans (the project's documents, all layers) carry each label id. */
    public Map<String, Integer> usage(String projectId) {
        return new TreeMap<>(uses(projectId).spans());
    }

    /**
     * Everything the project's layers hold of the scheme, counted: spans per label, values per attribute, sentence
     * label and question, per choice, and links per type. Unreadable layers are passed over (the document list names
     * them).
     */
    public SchemeUses uses(String projectId) {
        Map<String, Integer> spans = new HashMap<>();
        Map<String, Integer> values = new HashMap<>();
        Map<String, Integer> choices = new HashMap<>();
        Map<String, Integer> links = new HashMap<>();
        for (String id : projects.documentsOf(projectId)) {
            List<Layer> layers;
            try {
                layers = annotations.layers(id);
            } catch (RuntimeException e) {
                continue; // an unreadable layer is reported by the document list; it cannot be counted here
            }
            for (Layer layer : layers) {
                for (Span s : layer.spans()) {
                    spans.merge(s.label(), 1, Integer::sum);
                    count(AttributePlace.label(s.label()), s.attributes(), values, choices);
                }
                layer.sentences().forEach(s -> count(AttributePlace.SENTENCE, s.values(), values, choices));
                count(AttributePlace.DOCUMENT, layer.answers(), values, choices);
                layer.links().forEach(l -> links.merge(l.type(), 1, Integer::sum));
            }
        }
        return new SchemeUses(spans, values, choices, links);
    }

    private static void count(AttributePlace place, Map<String, AttributeValue> held, Map<String, Integer> values,
                              Map<String, Integer> choices) {
        held.forEach((attribute, value) -> {
            String key = SchemeUses.key(place, attribute);
            values.merge(key, 1, Integer::sum);
            value.choiceIds().forEach(c -> choices.merge(key + "/" + c, 1, Integer::sum));
        });
    }

    // ---- labels ----

    /**
     * Adds a label to the project's scheme or changes one (same id); its spans keep pointing at it. A changed label
     * whose attributes no longer take the values its spans hold is refused: change or remove those attributes one at
     * a time ({@link #putAttribute}, {@link #removeAttribute}), which asks what happens to the values.
     */
    public synchronized Scheme put(String projectId, Label label) {
        Scheme current = labels.labels(projectId);
        List<Label> next = new ArrayList<>();
        boolean replaced = false;
        for (Label l : current.labels()) {
            if (l.id().equals(label.id())) {
                next.add(label);
                replaced = true;
            } else {
                next.add(l);
            }
        }
        if (!replaced) {
            next.add(label);
        }
        Scheme updated = current.withLabels(next); // refuses duplicate hotkeys with a message
        if (replaced && !current.find(label.id()).orElseThrow().attributes().equals(label.attributes())) {
            int unfit = countUnfit(projectId, layer -> layer.spans().stream()
                    .filter(s -> s.label().equals(label.id()))
                    .mapToInt(s -> (int) s.attributes().entrySet().stream()
                            .filter(e -> label.attribute(e.getKey()).map(a -> a.check(e.getValue()) != null).orElse(true))
                            .count())
                    .sum());
            if (unfit > 0) {
                throw new SpanRejectedException("The new attributes of " + label.name() + " would not take " + unfit
                        + (unfit == 1 ? " value" : " values") + " its spans hold. Change or remove its attributes one at "
                        + "a time, choosing what happens to those values.");
            }
        }
        labels.replace(projectId, updated);
        return updated;
    }

    /**
     * Removes a label from the project's set. Its spans in the project's documents are relabelled to
     * {@code replacementId}, or deleted when it is null; a relabelled span that would repeat one
     * already there (same range and label) is dropped, and keeps only the attributes the new label takes. Layers
     * are rewritten with their revision checked, then the label set is saved.
     *
     * @return how many spans were relabelled or deleted
     */
    public synchronized int remove(String projectId, String labelId, String replacementId) {
        Scheme current = labels.labels(projectId);
        if (!current.contains(labelId)) {
            throw new SpanRejectedException("There is no label \"" + labelId + "\"");
        }
        if (current.labels().size() == 1) {
            throw new SpanRejectedException("The last label cannot be removed");
        }
        if (replacementId != null && (replacementId.equals(labelId) || !current.contains(replacementId))) {
            throw new SpanRejectedException("Spans of \"" + labelId + "\" can only move to another existing label, not \""
                    + replacementId + "\"");
        }
        Label replacement = replacementId == null ? null : current.find(replacementId).orElseThrow();
        LayerRewrite relabel = layer -> {
            if (layer.spans().stream().noneMatch(s -> s.label().equals(labelId))) {
                return null;
            }
            Set<String> kept = new HashSet<>();
            List<Span> spans = new ArrayList<>();
            for (Span s : layer.spans()) {
                if (!s.label().equals(labelId)) {
                    spans.add(s);
                    kept.add(s.start() + ":" + s.end() + ":" + s.label());
                }
            }
            int changed = 0;
            for (Span s : layer.spans()) {
                if (s.label().equals(labelId)) {
                    changed++;
                    if (replacement != null && kept.add(s.start() + ":" + s.end() + ":" + replacementId)) {
                        Map<String, AttributeValue> fitting = new TreeMap<>();
                        s.attributes().forEach((a, v) -> {
                            if (replacement.attribute(a).map(def -> def.check(v) == null).orElse(false)) {
                                fitting.put(a, v);
                            }
                        });
                        spans.add(new Span(s.id(), s.start(), s.end(), replacementId, s.text(), s.note(), s.author(),
                                s.created(), s.updated(), fitting));
                    }
                }
            }
            // links: those whose two spans stay and still fit their type (the service keeps them)
            return new Rewritten(spans, null, null, null, changed);
        };
        int changed = rewrite(projectId, relabel);
        labels.replace(projectId, withoutLabel(current, labelId));
        return changed + rewrite(projectId, relabel);
    }

    /**
     * The scheme without the label: link types no longer name it at either end, and a link type left with no
     * label at an end it named (which would now mean "any label") goes too; its links went with the spans.
     */
    static Scheme withoutLabel(Scheme scheme, String labelId) {
        List<LinkType> types = new ArrayList<>();
        for (LinkType t : scheme.linkTypes()) {
            List<String> from = t.from().stream().filter(l -> !l.equals(labelId)).toList();
            List<String> to = t.to().stream().filter(l -> !l.equals(labelId)).toList();
            if (from.isEmpty() && !t.from().isEmpty() || to.isEmpty() && !t.to().isEmpty()) {
                continue;
            }
            types.add(new LinkType(t.id(), t.name(), from, to, t.role(), t.required(), t.multiple(), t.definition()));
        }
        return new Scheme(scheme.labels().stream().filter(l -> !l.id().equals(labelId)).toList(), types,
                scheme.sentenceLabels(), scheme.documentQuestions());
    }

    // ---- attributes, sentence labels and document questions ----

    /**
     * Adds an attribute at {@code place} (a label's attributes, the sentence labels, the document questions) or
     * changes the one with its id. The values stored for it must fit the new definition:
     * <ul>
     *   <li>a choice value that is gone and in use needs an entry in {@code moves}: its uses move to that value of
     *       the new attribute, or are deleted when it maps to "" (a value picked twice after a move is kept once);</li>
     *   <li>any other value that would no longer fit (another type, a narrower scale, one choice where several were
     *       picked) is refused with how many, unless {@code deleteUnfit}: then those values are deleted.</li>
     * </ul>
     *
     * @return how many stored values were moved or deleted
     */
    public synchronized int putAttribute(String projectId, AttributePlace place, Attribute attribute,
                                         Map<String, String> moves, boolean deleteUnfit) {
        Objects.requireNonNull(attribute, "attribute");
        Map<String, String> moving = moves == null ? Map.of() : moves;
        Scheme current = labels.labels(projectId);
        List<Attribute> present = place.in(current);
        Attribute old = present.stream().filter(a -> a.id().equals(attribute.id())).findFirst().orElse(null);
        List<Attribute> next = new ArrayList<>(present);
        if (old == null) {
            if (!moving.isEmpty()) {
                throw new IllegalArgumentException("\"" + attribute.name() + "\" is new: it has no values to move");
            }
            next.add(attribute);
            labels.replace(projectId, place.with(current, next));
            return 0;
        }
        next.replaceAll(a -> a.id().equals(attribute.id()) ? attribute : a);
        Scheme updated = place.with(current, next); // the scheme's own checks first, before any layer is touched
        String what = place.describe(current, old);
        for (Map.Entry<String, String> m : moving.entrySet()) {
            if (old.choice(m.getKey()).isEmpty()) {
                throw new IllegalArgumentException(what + " has no value \"" + m.getKey() + "\" to move");
            }
            if (m.getValue() != null && !m.getValue().isEmpty() && attribute.choice(m.getValue()).isEmpty()) {
                throw new IllegalArgumentException("The uses of \"" + m.getKey() + "\" can only move to a value of the new "
                        + attribute.name() + " " + attribute.choiceIds() + ", not to \"" + m.getValue() + "\"");
            }
        }
        // what the change leaves unfit, counted before anything is written
        SchemeUses uses = uses(projectId);
        List<String> unmoved = new ArrayList<>();
        Map<String, String> effective = new LinkedHashMap<>(moving);
        // a choice that stays a choice loses the values it drops; another type is judged by the fit below
        for (Choice c : attribute.kind() == AttributeKind.CHOICE ? old.choices() : List.<Choice>of()) {
            int n = uses.choice(place, old.id(), c.id());
            if (attribute.choice(c.id()).isEmpty() && !moving.containsKey(c.id())) {
                if (n > 0) {
                    unmoved.add("\"" + c.name() + "\" (" + place.carriers(n) + ")");
                }
                if (deleteUnfit) {
                    effective.put(c.id(), ""); // deleting a value's uses takes it out of what was picked
                }
            }
        }
        UnaryOperator<AttributeValue> moved = v -> move(v, effective);
        if (!unmoved.isEmpty() && !deleteUnfit) {
            throw new SpanRejectedException(capitalise(what) + " would lose the value" + (unmoved.size() == 1 ? " " : "s ")
                    + String.join(", ", unmoved) + " in use: move " + (unmoved.size() == 1 ? "its" : "their")
                    + " uses to another value, or delete them.");
        }
        int[] unfit = {0};
        String[] example = {null};
        forEachValue(projectId, place, old.id(), v -> {
            AttributeValue after = moved.apply(v);
            String problem = after == null ? null : attribute.check(after);
            if (problem != null) {
                unfit[0]++;
                if (example[0] == null) {
                    example[0] = problem;
                }
            }
        });
        if (unfit[0] > 0 && !deleteUnfit) {
            throw new SpanRejectedException("Changing " + what + " would leave " + unfit[0] + " stored "
                    + (unfit[0] == 1 ? "value" : "values") + " that no longer fit (for example: " + example[0]
                    + "). Keep the old definition, or choose to delete " + (unfit[0] == 1 ? "that value." : "those values."));
        }
        UnaryOperator<AttributeValue> change = v -> {
            AttributeValue after = moved.apply(v);
            return after == null || attribute.check(after) != null ? null : after;
        };
        // values moved to a value the old attribute lacks: first a scheme that takes both, so every layer fits it
        boolean widen = moving.values().stream().anyMatch(to -> to != null && !to.isEmpty() && old.choice(to).isEmpty());
        if (widen) {
            labels.replace(projectId, place.with(current, present.stream()
                    .map(a -> a.id().equals(old.id()) ? union(old, attribute) : a).toList()));
        }
        int changed = rewrite(projectId, layer -> mapValues(layer, place, old.id(), change));
        labels.replace(projectId, updated);
        return changed + rewrite(projectId, layer -> mapValues(layer, place, old.id(), change));
    }

    /**
     * Removes the attribute at {@code place}. When values are stored for it, they are deleted only with
     * {@code deleteUses}; otherwise the removal is refused with how many there are.
     *
     * @return how many values were deleted
     */
    public synchronized int removeAttribute(String projectId, AttributePlace place, String attributeId, boolean deleteUses) {
        Scheme current = labels.labels(projectId);
        List<Attribute> present = place.in(current);
        Attribute old = present.stream().filter(a -> a.id().equals(attributeId)).findFirst()
                .orElseThrow(() -> new SpanRejectedException("There is no " + place.noun() + " \"" + attributeId + "\""));
        int inUse = uses(projectId).values(place, attributeId);
        if (inUse > 0 && !deleteUses) {
            throw new SpanRejectedException(capitalise(place.describe(current, old)) + " has a value on "
                    + place.carriers(inUse) + ": choose to delete those values to remove it.");
        }
        Scheme updated = place.with(current, present.stream().filter(a -> !a.id().equals(attributeId)).toList());
        int changed = rewrite(projectId, layer -> mapValues(layer, place, attributeId, v -> null));
        labels.replace(projectId, updated);
        return changed + rewrite(projectId, layer -> mapValues(layer, place, attributeId, v -> null));
    }

    /**
     * Removes one value of a choice: its uses move to {@code replacementId} (another value of the same attribute),
     * or are deleted when it is null.
     *
     * @return how many stored values were moved or deleted
     */
    public synchronized int removeChoice(String projectId, AttributePlace place, String attributeId, String choiceId,
                                         String replacementId) {
        Scheme current = labels.labels(projectId);
        Attribute old = place.in(current).stream().filter(a -> a.id().equals(attributeId)).findFirst()
                .orElseThrow(() -> new SpanRejectedException("There is no " + place.noun() + " \"" + attributeId + "\""));
        if (old.choice(choiceId).isEmpty()) {
            throw new SpanRejectedException(capitalise(place.describe(current, old)) + " has no value \"" + choiceId + "\"");
        }
        if (old.choices().size() == 1) {
            throw new SpanRejectedException("\"" + old.choices().getFirst().name() + "\" is the last value of "
                    + place.describe(current, old) + ": remove the " + place.noun() + " instead.");
        }
        if (choiceId.equals(replacementId)) {
            throw new SpanRejectedException("The uses of \"" + choiceId + "\" can only move to another value");
        }
        Map<String, String> moves = new LinkedHashMap<>();
        moves.put(choiceId, replacementId == null ? "" : replacementId);
        return putAttribute(projectId, place, old.withChoices(old.choices().stream()
                .filter(c -> !c.id().equals(choiceId)).toList()), moves, false);
    }

    /** The value after the moves: null when every choice it names was deleted. */
    private static AttributeValue move(AttributeValue value, Map<String, String> moves) {
        if (moves.isEmpty()) {
            return value;
        }
        return switch (value) {
            case AttributeValue.Text t when moves.containsKey(t.value()) -> {
                String to = moves.get(t.value());
                yield to == null || to.isEmpty() ? null : new AttributeValue.Text(to);
            }
            case AttributeValue.Choices c -> {
                List<String> ids = new ArrayList<>();
                for (String id : c.values()) {
                    String to = moves.getOrDefault(id, id);
                    if (to != null && !to.isEmpty() && !ids.contains(to)) {
                        ids.add(to);
                    }
                }
                yield ids.isEmpty() ? null : new AttributeValue.Choices(ids);
            }
            default -> value;
        };
    }

    /** The old and the new choice attribute at once, for the moment values move from one to the other. */
    private static Attribute union(Attribute old, Attribute updated) {
        if (updated.kind() != AttributeKind.CHOICE) {
            return old;
        }
        List<Choice> choices = new ArrayList<>(updated.choices());
        Set<String> keys = new HashSet<>();
        updated.choices().forEach(c -> keys.add(c.hotkey()));
        for (Choice c : old.choices()) {
            if (updated.choice(c.id()).isEmpty()) {
                choices.add(c.hotkey() == null || !keys.add(c.hotkey()) ? new Choice(c.id(), c.name(), null, c.definition()) : c);
            }
        }
        return new Attribute(old.id(), old.name(), AttributeKind.CHOICE, choices, old.multiple() || updated.multiple(),
                null, null, old.required(), old.definition());
    }

    /** The layer with the attribute's values at {@code place} changed by {@code change} (null deletes); null when none changes. */
    private static Rewritten mapValues(Layer layer, AttributePlace place, String attributeId,
                                       UnaryOperator<AttributeValue> change) {
        int[] changed = {0};
        List<Span> spans = layer.spans();
        List<SentenceAnnotation> sentences = layer.sentences();
        Map<String, AttributeValue> answers = layer.answers();
        switch (place.kind()) {
            case LABEL -> spans = layer.spans().stream().map(s -> {
                AttributeValue v = s.label().equals(place.labelId()) ? s.attributes().get(attributeId) : null;
                if (v == null) {
                    return s;
                }
                AttributeValue after = change.apply(v);
                if (Objects.equals(after, v)) {
                    return s;
                }
                changed[0]++;
                Map<String, AttributeValue> values = new TreeMap<>(s.attributes());
                if (after == null) {
                    values.remove(attributeId);
                } else {
                    values.put(attributeId, after);
                }
                return s.withAttributes(values, s.updated()); // the annotator's last change stays theirs
            }).toList();
            case SENTENCE -> sentences = layer.sentences().stream().map(s -> {
                AttributeValue v = s.values().get(attributeId);
                AttributeValue after = v == null ? null : change.apply(v);
                if (v == null || Objects.equals(after, v)) {
                    return s;
                }
                changed[0]++;
                return s.with(attributeId, after);
            }).toList();
            case DOCUMENT -> {
                AttributeValue v = layer.answers().get(attributeId);
                AttributeValue after = v == null ? null : change.apply(v);
                if (v != null && !Objects.equals(after, v)) {
                    changed[0]++;
                    Map<String, AttributeValue> next = new TreeMap<>(layer.answers());
                    if (after == null) {
                        next.remove(attributeId);
                    } else {
                        next.put(attributeId, after);
                    }
                    answers = next;
                }
            }
        }
        return changed[0] == 0 ? null : new Rewritten(spans, layer.links(), sentences, answers, changed[0]);
    }

    private void forEachValue(String projectId, AttributePlace place, String attributeId,
                              java.util.function.Consumer<AttributeValue> action) {
        countUnfit(projectId, layer -> {
            switch (place.kind()) {
                case LABEL -> layer.spans().stream().filter(s -> s.label().equals(place.labelId()))
                        .map(s -> s.attributes().get(attributeId)).filter(Objects::nonNull).forEach(action);
                case SENTENCE -> layer.sentences().stream().map(s -> s.values().get(attributeId))
                        .filter(Objects::nonNull).forEach(action);
                case DOCUMENT -> {
                    AttributeValue v = layer.answers().get(attributeId);
                    if (v != null) {
                        action.accept(v);
                    }
                }
            }
            return 0;
        });
    }

    // ---- link types ----

    /**
     * Adds a link type or changes the one with its id. Stored links that the new type no longer allows (their spans'
     * labels are not at its ends any more; a role that now takes one link per anchor where there are several) are
     * refused with how many, unless {@code deleteUnfit}: then those links are deleted (of several links of a role,
     * the first stays).
     *
     * @return how many links were deleted
     */
    public synchronized int putLinkType(String projectId, LinkType type, boolean deleteUnfit) {
        Objects.requireNonNull(type, "type");
        Scheme current = labels.labels(projectId);
        boolean exists = current.linkType(type.id()).isPresent();
        List<LinkType> next = new ArrayList<>(current.linkTypes());
        if (exists) {
            next.replaceAll(t -> t.id().equals(type.id()) ? type : t);
        } else {
            next.add(type);
        }
        Scheme updated = current.withLinkTypes(next);
        if (!exists) {
            labels.replace(projectId, updated);
            return 0;
        }
        LayerRewrite drop = layer -> {
            List<Link> kept = fitting(layer, type, type.id());
            return kept.size() == layer.links().size() ? null
                    : new Rewritten(layer.spans(), kept, layer.sentences(), layer.answers(), layer.links().size() - kept.size());
        };
        int unfit = countUnfit(projectId, layer -> {
            Rewritten r = drop.apply(layer);
            return r == null ? 0 : r.changed();
        });
        if (unfit > 0 && !deleteUnfit) {
            throw new SpanRejectedException("Changing the link type \u201c" + type.name() + "\u201d would leave " + unfit
                    + (unfit == 1 ? " link that it no longer allows" : " links that it no longer allows")
                    + " (their spans' labels, or more than one link of a role per span). Keep the old definition, or "
                    + "choose to delete " + (unfit == 1 ? "that link." : "those links."));
        }
        int changed = rewrite(projectId, drop);
        labels.replace(projectId, updated);
        return changed + rewrite(projectId, drop);
    }

    /**
     * Removes a link type. Its links become links of {@code replacementId} (another type; a link that would repeat
     * one already there is dropped), or are deleted when it is null. A link the other type does not allow (its
     * spans' labels, a role already filled) is refused with how many: delete them instead.
     *
     * @return how many links were moved or deleted
     */
    public synchronized int removeLinkType(String projectId, String typeId, String replacementId) {
        Scheme current = labels.labels(projectId);
        LinkType old = current.linkType(typeId)
                .orElseThrow(() -> new SpanRejectedException("There is no link type \"" + typeId + "\""));
        LinkType replacement = null;
        if (replacementId != null) {
            if (replacementId.equals(typeId) || current.linkType(replacementId).isEmpty()) {
                throw new SpanRejectedException("Links of \u201c" + old.name() + "\u201d can only move to another existing "
                        + "link type, not \"" + replacementId + "\"");
            }
            replacement = current.linkType(replacementId).orElseThrow();
        }
        LinkType target = replacement;
        int[] refused = {0};
        LayerRewrite retype = layer -> {
            if (layer.links().stream().noneMatch(l -> l.type().equals(typeId))) {
                return null;
            }
            List<Link> links = new ArrayList<>();
            int changed = 0;
            for (Link l : layer.links()) {
                if (!l.type().equals(typeId)) {
                    links.add(l);
                }
            }
            for (Link l : layer.links()) {
                if (l.type().equals(typeId)) {
                    changed++;
                    if (target != null) {
                        Link moved = l.withType(target.id());
                        if (links.stream().noneMatch(moved::sameAs)) {
                            links.add(moved);
                        }
                    }
                }
            }
            if (target != null) {
                List<Link> allowed = fitting(layer.spans(), links, target, target.id());
                refused[0] += links.size() - allowed.size();
                links = allowed;
            }
            return new Rewritten(layer.spans(), links, layer.sentences(), layer.answers(), changed);
        };
        countUnfit(projectId, layer -> {
            retype.apply(layer);
            return 0;
        });
        if (refused[0] > 0) {
            throw new SpanRejectedException(refused[0] + (refused[0] == 1 ? " link" : " links") + " of \u201c" + old.name()
                    + "\u201d cannot become \u201c" + target.name() + "\u201d, which does not allow "
                    + (refused[0] == 1 ? "it" : "them") + " (the spans' labels, or a role already filled): delete them instead.");
        }
        Scheme updated = current.withLinkTypes(current.linkTypes().stream().filter(t -> !t.id().equals(typeId)).toList());
        int changed = rewrite(projectId, retype);
        labels.replace(projectId, updated);
        return changed + rewrite(projectId, retype);
    }

    /** The layer's links without those of {@code typeId} that {@code type} does not allow. */
    private static List<Link> fitting(Layer layer, LinkType type, String typeId) {
        return fitting(layer.spans(), layer.links(), type, typeId);
    }

    /** Of {@code links}, those of {@code typeId} whose ends' labels fit {@code type}, and one per anchor for a single role. */
    private static List<Link> fitting(List<Span> spans, List<Link> links, LinkType type, String typeId) {
        Map<String, String> labelOf = new HashMap<>();
        spans.forEach(s -> labelOf.put(s.id(), s.label()));
        Set<String> anchored = new HashSet<>();
        List<Link> kept = new ArrayList<>();
        for (Link l : links) {
            if (!l.type().equals(typeId)) {
                kept.add(l);
                continue;
            }
            if (!type.fits(labelOf.get(l.from()), labelOf.get(l.to()))) {
                continue;
            }
            if (type.role() && !type.multiple() && !anchored.add(l.from())) {
                continue;
            }
            kept.add(l);
        }
        return kept;
    }

    // ---- rewriting layers ----

    /** What a layer becomes; a null part keeps the layer's (links: those whose spans stay and fit). */
    private record Rewritten(List<Span> spans, List<Link> links, List<SentenceAnnotation> sentences,
                             Map<String, AttributeValue> answers, int changed) {
    }

    /** One layer's rewrite: null when it has nothing to change. */
    @FunctionalInterface
    private interface LayerRewrite {
        Rewritten apply(Layer layer);
    }

    /** Runs over every readable layer of the project's documents without writing; sums what {@code count} says. */
    private int countUnfit(String projectId, java.util.function.ToIntFunction<Layer> count) {
        int total = 0;
        for (String id : projects.documentsOf(projectId)) {
            for (Layer layer : annotations.layers(id)) {
                total += count.applyAsInt(layer);
            }
        }
        return total;
    }

    /**
     * Rewrites every layer of the project's documents that {@code rewrite} changes, each saved with its revision
     * checked; a layer someone saved in between is read again and rewritten again.
     *
     * @return how many items changed
     */
    private int rewrite(String projectId, LayerRewrite rewrite) {
        int changed = 0;
        for (String id : projects.documentsOf(projectId)) {
            for (Layer listed : annotations.layers(id)) {
                for (int attempt = 1; ; attempt++) {
                    Layer layer = attempt == 1 ? listed : annotations.layer(id, listed.annotator());
                    Rewritten r = rewrite.apply(layer);
                    if (r == null) {
                        break;
                    }
                    try {
                        annotations.replaceLayer(id, layer.annotator(), layer.revision(), r.spans(), r.links(),
                                r.sentences(), r.answers());
                        changed += r.changed();
                        break;
                    } catch (StaleLayerException e) {
                        if (attempt >= ATTEMPTS) {
                            throw e;
                        }
                    }
                }
            }
        }
        return changed;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
