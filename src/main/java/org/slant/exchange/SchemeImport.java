package org.slant.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slant.document.DocumentId;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * What an import adds to its project's scheme from the scheme a file declares (a brat annotation.conf, a
 * Slant export's scheme), and how a file's names for labels, attributes, values, link types, sentence
 * labels and questions find the scheme's. Only ever adds: a label, attribute, value, link type, sentence
 * label or question the project lacks; a link type gains label ends. Nothing the project has is changed
 * or removed, so every annotation in it stays valid. A file's name matches a scheme item by id, by name
 * (ignoring case), or by brat-safe key ("Sensational_framing" is "Sensational framing").
 */
final class SchemeImport {

    /** Label colours for labels a file declares without one (brat's conf has none): distinct, readable. */
    static final List<String> PALETTE = List.of("#e8590c", "#1971c2", "#9c36b5", "#2b8a3e", "#0b7285",
            "#5f3dc4", "#c2255c", "#e67700", "#364fc7", "#087f5b", "#862e9c", "#a61e4d");
    static final List<String> MARKS = List.of("solid", "double", "dashed", "dotted", "wavy");

    /** The merged scheme and one sentence per addition ("label Loaded Language (loaded-language)"). */
    record Merge(Scheme scheme, List<String> additions) {
    }

    private SchemeImport() {
    }

    /** The brat-safe key a file's name and a scheme item's id or name are compared by. */
    static String key(String name) {
        return BratReader.labelKey(name);
    }

    /** The item whose id, name (ignoring case) or key is {@code name}, tried in that order. */
    static <T> Optional<T> find(List<T> items, String name, java.util.function.Function<T, String> id,
                                java.util.function.Function<T, String> itemName) {
        if (name == null) {
            return Optional.empty();
        }
        for (T t : items) {
            if (id.apply(t).equals(name)) {
                return Optional.of(t);
            }
        }
        for (T t : items) {
            if (itemName.apply(t).equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        String k = key(name);
        for (T t : items) {
            if (key(id.apply(t)).equals(k) || key(itemName.apply(t)).equals(k)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Optional<Attribute> attribute(List<Attribute> attributes, String name) {
        return find(attributes, name, Attribute::id, Attribute::name);
    }

    static Optional<LinkType> linkType(Scheme scheme, String name) {
        return find(scheme.linkTypes(), name, LinkType::id, LinkType::name);
    }

    /**
     * A file's value for {@code attribute} in the attribute's own terms: choices by id or name, a number
     * from its digits, yes/no from "yes", "no", "true", "false". What cannot be read so is given back as it
     * is, and {@link Attribute#check} says what is wrong with it.
     */
    static AttributeValue resolve(Attribute attribute, AttributeValue raw) {
        return switch (attribute.kind()) {
            case CHOICE -> {
                List<String> names = switch (raw) {
                    case AttributeValue.Choices c -> c.values();
                    case AttributeValue.Text t -> attribute.multiple() && t.value().contains("|")
                            ? List.of(t.value().split("\\|")) : List.of(t.value());
                    default -> List.of(raw.display());
                };
                List<String> ids = new ArrayList<>();
                for (String n : names) {
                    String choice = find(attribute.choices(), n.strip(), Choice::id, Choice::name).map(Choice::id).orElse(n.strip());
                    if (!choice.isEmpty() && !ids.contains(choice)) {
                        ids.add(choice);
                    }
                }
                if (ids.isEmpty()) {
                    yield raw;
                }
                yield attribute.multiple() || ids.size() > 1 ? new AttributeValue.Choices(ids) : new AttributeValue.Text(ids.get(0));
            }
            case SCALE -> raw instanceof AttributeValue.Text t && t.value().matches("-?\\d{1,9}")
                    ? new AttributeValue.Number(Integer.parseInt(t.value())) : raw;
            case FLAG -> switch (raw) {
                case AttributeValue.Text t -> switch (t.value().toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "1" -> new AttributeValue.Flag(true);
                    case "no", "false", "0" -> new AttributeValue.Flag(false);
                    default -> raw;
                };
                case AttributeValue.Number n when n.value() == 0 || n.value() == 1 -> new AttributeValue.Flag(n.value() == 1);
                default -> raw;
            };
            case TEXT, ENTITY -> raw instanceof AttributeValue.Number || raw instanceof AttributeValue.Flag
                    ? new AttributeValue.Text(raw.display()) : raw;
        };
    }

    /**
     * {@code current} with what {@code declared} adds. {@code mapping} is the user's label mapping: a
     * declared label the user maps to a label of theirs adds nothing.
     *
     * @throws IllegalArgumentException naming the item when an addition would not make a valid scheme
     */
    static Merge merge(Scheme current, Scheme declared, Map<String, String> mapping) {
        List<String> additions = new ArrayList<>();
        List<Label> labels = new ArrayList<>(current.labels());
        Set<String> hotkeys = new HashSet<>();
        labels.forEach(l -> {
            if (l.hotkey() != null) {
                hotkeys.add(l.hotkey());
            }
        });
        Map<String, String> labelIds = new java.util.HashMap<>(); // declared label id -> merged label id
        for (Label d : declared.labels()) {
            String mapped = mapping.get(d.id()) != null ? mapping.get(d.id()) : mapping.get(d.name());
            if (mapped != null) {
                labelIds.put(d.id(), mapped);
                continue;
            }
            Optional<Label> same = find(labels, d.id(), Label::id, Label::name).or(() -> find(labels, d.name(), Label::id, Label::name));
            if (same.isPresent()) {
                Label l = same.get();
                labelIds.put(d.id(), l.id());
                List<Attribute> attributes = mergeAttributes(l.attributes(), d.attributes(), l.name() + "'s attribute", additions);
                if (!attributes.equals(l.attributes())) {
                    labels.set(labels.indexOf(l), new Label(l.id(), l.name(), l.color(), l.hotkey(), l.mark(), l.definition(),
                            attributes));
                }
                continue;
            }
            String id = freshId(d.id(), labels.stream().map(Label::id).toList());
            String color = d.color() != null && d.color().matches("#[0-9a-fA-F]{6}") ? d.color() : PALETTE.get(labels.size() % PALETTE.size());
            String mark = d.mark() != null && MARKS.contains(d.mark()) ? d.mark() : MARKS.get(labels.size() % MARKS.size());
            String hotkey = d.hotkey() != null && hotkeys.add(d.hotkey()) ? d.hotkey() : null;
            labels.add(new Label(id, d.name(), color, hotkey, mark, d.definition(), d.attributes()));
            labelIds.put(d.id(), id);
            additions.add("label " + d.name() + " (" + id + ")" + (d.attributes().isEmpty() ? ""
                    : " with attributes " + d.attributes().stream().map(Attribute::id).toList()));
        }
        List<LinkType> types = new ArrayList<>(current.linkTypes());
        for (LinkType d : declared.linkTypes()) {
            List<String> from = d.from().stream().map(id -> labelIds.getOrDefault(id, id)).distinct().toList();
            List<String> to = d.to().stream().map(id -> labelIds.getOrDefault(id, id)).distinct().toList();
            Optional<LinkType> same = linkType(new Scheme(labels, types, List.of(), List.of()), d.id())
                    .or(() -> linkType(new Scheme(labels, types, List.of(), List.of()), d.name()));
            if (same.isPresent()) {
                LinkType t = same.get();
                List<String> newFrom = widen(t.from(), from);
                List<String> newTo = widen(t.to(), to);
                if (!newFrom.equals(t.from()) || !newTo.equals(t.to())) {
                    types.set(types.indexOf(t), new LinkType(t.id(), t.name(), newFrom, newTo, t.role(), t.required(),
                            t.multiple(), t.definition()));
                    additions.add("link type " + t.name() + " (" + t.id() + ") between " + newFrom + " and " + newTo);
                }
                continue;
            }
            String id = freshId(d.id(), types.stream().map(LinkType::id).toList());
            types.add(new LinkType(id, d.name(), from, to, d.role(), d.required(), d.multiple(), d.definition()));
            additions.add((d.role() ? "role " : "link type ") + d.name() + " (" + id + ") from " + (from.isEmpty() ? "any label" : from)
                    + " to " + (to.isEmpty() ? "any label" : to));
        }
        List<Attribute> sentenceLabels = mergeAttributes(current.sentenceLabels(), declared.sentenceLabels(), "sentence label",
                additions);
        List<Attribute> questions = mergeAttributes(current.documentQuestions(), declared.documentQuestions(),
                "document question", additions);
        return new Merge(new Scheme(labels, types, sentenceLabels, questions), additions);
    }

    /** An existing end list with the new ends added; an empty list (any label) stays empty. */
    private static List<String> widen(List<String> existing, List<String> added) {
        if (existing.isEmpty() || added.isEmpty()) {
            return List.of();
        }
        Set<String> all = new LinkedHashSet<>(existing);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** Attributes with the declared ones the list lacks, and choices an attribute lacks added to it. */
    private static List<Attribute> mergeAttributes(List<Attribute> current, List<Attribute> declared, String what,
                                                   List<String> additions) {
        List<Attribute> merged = new ArrayList<>(current);
        for (Attribute d : declared) {
            Optional<Attribute> same = attribute(merged, d.id()).or(() -> attribute(merged, d.name()));
            if (same.isEmpty()) {
                String id = freshId(d.id(), merged.stream().map(Attribute::id).toList());
                merged.add(id.equals(d.id()) ? d : new Attribute(id, d.name(), d.kind(), d.choices(), d.multiple(), d.min(),
                        d.max(), d.required(), d.definition()));
                additions.add(what + " " + d.name() + " (" + id + ", " + d.kind().jsonName()
                        + (d.kind() == AttributeKind.CHOICE ? ": " + d.choiceIds() : "") + ")");
                continue;
            }
            Attribute a = same.get();
            if (a.kind() == AttributeKind.CHOICE && d.kind() == AttributeKind.CHOICE) {
                List<Choice> choices = new ArrayList<>(a.choices());
                List<String> added = new ArrayList<>();
                for (Choice c : d.choices()) {
                    if (find(choices, c.id(), Choice::id, Choice::name).isEmpty()) {
                        choices.add(new Choice(freshId(c.id(), choices.stream().map(Choice::id).toList()), c.name(),
                                choices.stream().anyMatch(x -> c.hotkey() != null && c.hotkey().equals(x.hotkey())) ? null : c.hotkey(),
                                c.definition()));
                        added.add(c.id());
                    }
                }
                if (!added.isEmpty()) {
                    merged.set(merged.indexOf(a), a.withChoices(choices));
                    additions.add("values " + added + " of " + what + " " + a.name() + " (" + a.id() + ")");
                }
            }
        }
        return merged;
    }

    /** {@code wanted} as a slug no item has yet: "Loaded_Language" is "loaded-language", a second one "loaded-language-2". */
    static String freshId(String wanted, List<String> taken) {
        String base = DocumentId.isValid(wanted) ? wanted : DocumentId.slugOf(wanted);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
