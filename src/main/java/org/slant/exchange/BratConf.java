package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slant.document.DocumentId;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * A Slant scheme as brat's annotation.conf and visual.conf, and back.
 *
 * <ul>
 *   <li>[entities]: the labels no role is anchored on; [events]: the labels that anchor roles, each with its
 *       roles as arguments ({@code source:Source} required and single, {@code ?} optional, {@code *} optional
 *       and several, {@code +} required and several). An event's trigger is the anchor span.</li>
 *   <li>[relations]: the link types that are not roles, {@code Arg1} the labels they start at, {@code Arg2}
 *       those they end at ({@code <ENTITY>}: any).</li>
 *   <li>[attributes]: a single choice with its values ({@code Value:positive|negative}); yes/no as the values
 *       {@code yes|no}; a scale as its numbers ({@code Value:1|2|3|4|5}); a multiple choice as one binary
 *       attribute per value, {@code frames_economic}, since a brat attribute holds one value. Free-text and
 *       entity attributes have no brat attribute: they travel as {@code #} comments whose type is the
 *       attribute ({@code #2	target T1	Putin}).</li>
 *   <li>What brat cannot say (a scale, the values a multiple choice groups, text attributes, a label's id
 *       when it is not its type's slug) is written as {@code # slant: attribute ...} and
 *       {@code # slant: label Reported_fact fact} comments, which brat ignores and this class reads back.</li>
 * </ul>
 *
 * Relation, role and attribute names are the Slant ids (slugs, so brat-safe); label types are label names
 * made brat-safe ({@link BratLabels}), as the spans' types have always been. visual.conf gives every type
 * its full name and every label its colour. Definitions have no place in brat and are not written.
 */
final class BratConf {

    /** A brat type's name for a multiple choice's value: {@code frames_economic}. */
    static String choiceType(Attribute attribute, Choice choice) {
        return attribute.id() + "_" + choice.id();
    }

    private BratConf() {
    }

    // ---- writing ----

    /** The labels that anchor roles: brat event types. */
    static Set<String> eventLabels(Scheme scheme) {
        Set<String> events = new LinkedHashSet<>();
        for (Label l : scheme.labels()) {
            if (!scheme.rolesOf(l.id()).isEmpty()) {
                events.add(l.id());
            }
        }
        return events;
    }

    static String type(Scheme scheme, String labelId) {
        return scheme.find(labelId).map(BratLabels::toBrat).orElseGet(() -> BratLabels.toBrat(labelId));
    }

    private static String types(Scheme scheme, List<String> labelIds) {
        return labelIds.isEmpty() ? "<ENTITY>" : String.join("|", labelIds.stream().map(id -> type(scheme, id)).toList());
    }

    static String annotationConf(Scheme scheme) {
        Set<String> events = eventLabels(scheme);
        StringBuilder sb = new StringBuilder("# Slant label set as brat entity types\n[entities]\n");
        for (Label l : scheme.labels()) {
            if (!events.contains(l.id())) {
                sb.append(BratLabels.toBrat(l)).append('\n');
            }
        }
        sb.append("\n[relations]\n");
        for (LinkType t : scheme.linkTypes()) {
            if (!t.role()) {
                sb.append(t.id()).append("\tArg1:").append(types(scheme, t.from())).append(", Arg2:")
                        .append(types(scheme, t.to())).append('\n');
            }
        }
        sb.append("\n[events]\n");
        for (String anchor : events) {
            sb.append(type(scheme, anchor)).append('\t');
            List<String> roles = new ArrayList<>();
            for (LinkType role : scheme.rolesOf(anchor)) {
                String cardinality = role.required() ? (role.multiple() ? "+" : "") : (role.multiple() ? "*" : "?");
                roles.add(role.id() + cardinality + ":" + types(scheme, role.to()));
            }
            sb.append(String.join(", ", roles)).append('\n');
        }
        sb.append("\n[attributes]\n");
        StringBuilder comments = new StringBuilder();
        for (Map.Entry<String, Declared> e : attributes(scheme).entrySet()) {
            Attribute a = e.getValue().attribute();
            String args = "Arg:" + String.join("|", e.getValue().labels().stream().map(id -> type(scheme, id)).toList());
            switch (a.kind()) {
                case CHOICE -> {
                    if (a.multiple()) {
                        List<String> parts = new ArrayList<>();
                        for (Choice c : a.choices()) {
                            sb.append(choiceType(a, c)).append('\t').append(args).append('\n');
                            parts.add(choiceType(a, c) + ":" + c.id());
                        }
                        comments.append("# slant: attribute ").append(a.id()).append(" multiple ").append(args).append(' ')
                                .append(String.join(" ", parts)).append('\n');
                    } else {
                        sb.append(a.id()).append('\t').append(args).append(", Value:").append(String.join("|", a.choiceIds()))
                                .append('\n');
                    }
                }
                case FLAG -> {
                    sb.append(a.id()).append('\t').append(args).append(", Value:yes|no\n");
                    comments.append("# slant: attribute ").append(a.id()).append(" yes-no ").append(args).append('\n');
                }
                case SCALE -> {
                    List<String> values = new ArrayList<>();
                    for (int v = a.min(); v <= a.max() && values.size() < 1000; v++) {
                        values.add(Integer.toString(v));
                    }
                    sb.append(a.id()).append('\t').append(args).append(", Value:").append(String.join("|", values)).append('\n');
                    comments.append("# slant: attribute ").append(a.id()).append(" scale ").append(args).append(' ')
                            .append(a.min()).append(' ').append(a.max()).append('\n');
                }
                case TEXT, ENTITY -> comments.append("# slant: attribute ").append(a.id()).append(' ')
                        .append(a.kind().jsonName()).append(' ').append(args).append('\n');
            }
        }
        for (Label l : scheme.labels()) {
            if (!DocumentId.slugOf(BratLabels.toBrat(l)).equals(l.id())) {
                comments.append("# slant: label ").append(BratLabels.toBrat(l)).append(' ').append(l.id()).append('\n');
            }
        }
        if (!comments.isEmpty()) {
            sb.append("\n# What brat attributes cannot say; free text and entities travel as # comments of their name\n")
                    .append(comments);
        }
        return sb.toString();
    }

    static String visualConf(Scheme scheme) {
        StringBuilder sb = new StringBuilder("[labels]\n");
        for (Label l : scheme.labels()) {
            sb.append(BratLabels.toBrat(l)).append(" | ").append(oneLine(l.name())).append('\n');
        }
        for (LinkType t : scheme.linkTypes()) {
            sb.append(t.id()).append(" | ").append(oneLine(t.name())).append('\n');
        }
        for (Declared d : attributes(scheme).values()) {
            sb.append(d.attribute().id()).append(" | ").append(oneLine(d.attribute().name())).append('\n');
        }
        sb.append("\n[drawing]\n");
        for (Label l : scheme.labels()) {
            sb.append(BratLabels.toBrat(l)).append("\tbgColor:").append(l.color()).append('\n');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029|]+", " ");
    }

    /** An attribute id with its definition (the first label's) and every label that has it. */
    record Declared(Attribute attribute, List<String> labels) {
    }

    /**
     * The span attributes of the scheme by id, across labels: brat declares an attribute once for every
     * type that has it. Two labels with different attributes of one id share the first one's definition.
     */
    static Map<String, Declared> attributes(Scheme scheme) {
        Map<String, Declared> byId = new LinkedHashMap<>();
        for (Label l : scheme.labels()) {
            for (Attribute a : l.attributes()) {
                Declared d = byId.get(a.id());
                if (d == null) {
                    byId.put(a.id(), new Declared(a, new ArrayList<>(List.of(l.id()))));
                } else {
                    d.labels().add(l.id());
                }
            }
        }
        return byId;
    }

    // ---- reading ----

    /** One line of a conf that cannot be read; {@code line} is 1-based. */
    record Problem(int line, String reason) {
    }

    /** A read annotation.conf: the scheme it declares and, for checking an .ann, what it allows. */
    record Read(Scheme scheme, Map<String, Set<String>> relations, Map<String, Set<String>> eventRoles,
                Map<String, Set<String>> attributeValues, Map<String, String[]> choiceTypes, Set<String> textAttributes,
                List<Problem> problems) {

        /** Whether the attribute is declared; its values are null for a binary one. */
        boolean declares(String attribute) {
            return attributeValues.containsKey(attribute) || choiceTypes.containsKey(attribute)
                    || textAttributes.contains(attribute);
        }
    }

    private static final Pattern SLANT_LABEL = Pattern.compile("#\\s*slant:\\s*label\\s+(\\S+)\\s+(\\S+)\\s*");
    private static final Pattern SLANT_COMMENT = Pattern.compile("#\\s*slant:\\s*attribute\\s+(\\S+)\\s+(\\S+)\\s+Arg:(\\S+)(.*)");
    private static final Pattern ARG = Pattern.compile("([^\\s:,]+?)([?*+]?)(\\{[^}]*})?:([^,]+)");

    /**
     * The scheme {@code conf} declares, with names and colours from {@code visual} (null when there is none).
     * Labels: the entity and event types; an event's arguments are roles anchored on it, and one role name
     * used by several events is one role of all of them.
     */
    static Read read(String conf, String visual) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> colors = new java.util.HashMap<>();
        if (visual != null) {
            readVisual(visual, names, colors);
        }
        List<String> entities = new ArrayList<>();
        List<String> eventTypes = new ArrayList<>();
        Map<String, List<String>[]> relationArgs = new LinkedHashMap<>();
        Map<String, Map<String, String[]>> eventArgs = new LinkedHashMap<>(); // event -> role -> {cardinality, types}
        Map<String, List<String>> attributeArgs = new LinkedHashMap<>();
        Map<String, List<String>> attributeValues = new LinkedHashMap<>();
        Map<String, String[]> slant = new LinkedHashMap<>(); // attribute id -> {kind, args, rest}
        Map<String, String> labelIdComments = new java.util.HashMap<>(); // brat type -> the Slant label id it was
        String section = null;
        List<String> lines = ImportText.lines(conf);
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            Matcher label = SLANT_LABEL.matcher(line);
            if (label.matches() && DocumentId.isValid(label.group(2))) {
                labelIdComments.put(label.group(1), label.group(2));
                continue;
            }
            Matcher comment = SLANT_COMMENT.matcher(line);
            if (comment.matches()) {
                slant.put(comment.group(1), new String[] {comment.group(2), comment.group(3), comment.group(4).strip()});
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String type = parts[0].startsWith("!") ? parts[0].substring(1) : parts[0];
            String rest = parts.length > 1 ? parts[1] : "";
            if (type.startsWith("<") || section == null) {
                continue; // a macro (<ENTITY>, <OVERLAP>) or a line before any section
            }
            switch (section) {
                case "entities" -> entities.add(type);
                case "relations" -> {
                    List<String> arg1 = new ArrayList<>();
                    List<String> arg2 = new ArrayList<>();
                    for (String[] arg : args(rest)) {
                        if (arg[0].equals("Arg1")) {
                            arg1.addAll(typeList(arg[3]));
                        } else if (arg[0].equals("Arg2")) {
                            arg2.addAll(typeList(arg[3]));
                        }
                    }
                    if (arg1.isEmpty() && arg2.isEmpty() && !rest.contains("Arg1")) {
                        problems.add(new Problem(i + 1, "relation " + type + " has no Arg1 and Arg2: expected"
                                + " \"" + type + "\tArg1:TypeA, Arg2:TypeB\""));
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    List<String>[] both = new List[] {arg1, arg2};
                    relationArgs.put(type, both);
                }
                case "events" -> {
                    eventTypes.add(type);
                    Map<String, String[]> roles = eventArgs.computeIfAbsent(type, k -> new LinkedHashMap<>());
                    for (String[] arg : args(rest)) {
                        roles.put(arg[0], new String[] {arg[1], arg[3]});
                    }
                }
                case "attributes" -> {
                    List<String> on = new ArrayList<>();
                    List<String> values = null;
                    for (String part : rest.split(",")) {
                        String p = part.strip();
                        if (p.startsWith("Arg:")) {
                            on.addAll(typeList(p.substring(4)));
                        } else if (p.startsWith("Value:")) {
                            values = new ArrayList<>();
                            for (String v : p.substring(6).split("\\|")) {
                                String value = v.strip();
                                int glyph = value.indexOf('{'); // "Value:L1{glyph},L2" in older confs: the value is before it
                                values.add(glyph > 0 ? value.substring(0, glyph) : value);
                            }
                        }
                    }
                    attributeArgs.put(type, on);
                    if (values != null) {
                        attributeValues.put(type, values);
                    }
                }
                default -> {
                    // another section (brat has none else in annotation.conf): nothing of the scheme
                }
            }
        }
        // labels: entities and event types, in the conf's order
        List<String> labelTypes = new ArrayList<>(entities);
        eventTypes.stream().filter(t -> !labelTypes.contains(t)).forEach(labelTypes::add);
        Map<String, String> labelIds = new LinkedHashMap<>(); // brat type -> label id
        for (String t : labelTypes) {
            labelIds.put(t, SchemeImport.freshId(labelIdComments.getOrDefault(t, DocumentId.slugOf(t)),
                    List.copyOf(labelIds.values())));
        }
        java.util.function.Function<List<String>, List<String>> toLabels = ts -> ts.stream()
                .filter(t -> !t.startsWith("<")).map(t -> labelIds.get(t)).filter(java.util.Objects::nonNull).distinct().toList();
        java.util.function.Function<List<String>, Boolean> any = ts -> ts.isEmpty() || ts.stream().anyMatch(t -> t.startsWith("<"));
        // attributes per brat type
        Map<String, List<Attribute>> attributesOf = new LinkedHashMap<>();
        Map<String, Set<String>> allowedValues = new LinkedHashMap<>();
        Map<String, String[]> choiceTypes = new LinkedHashMap<>(); // frames_economic -> {frames, economic}
        Set<String> textAttributes = new LinkedHashSet<>();
        Set<String> grouped = new java.util.HashSet<>();
        for (var e : slant.entrySet()) {
            String[] s = e.getValue();
            if (s[0].equals("multiple")) {
                for (String member : s[2].split("\\s+")) {
                    int colon = member.indexOf(':');
                    if (colon > 0) {
                        choiceTypes.put(member.substring(0, colon), new String[] {e.getKey(), member.substring(colon + 1)});
                        grouped.add(member.substring(0, colon));
                    }
                }
            }
        }
        for (var e : attributeArgs.entrySet()) {
            if (grouped.contains(e.getKey())) {
                continue;
            }
            List<String> values = attributeValues.get(e.getKey());
            allowedValues.put(e.getKey(), values == null ? null : new LinkedHashSet<>(values));
            String[] s = slant.get(e.getKey());
            Attribute a;
            try {
                a = attribute(e.getKey(), names.getOrDefault(e.getKey(), e.getKey().replace('_', ' ')), values, s);
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(0, "attribute " + e.getKey() + ": " + ex.getMessage()));
                continue;
            }
            addTo(attributesOf, e.getValue(), labelTypes, a);
        }
        for (var e : slant.entrySet()) {
            String[] s = e.getValue();
            List<String> on = typeList(s[1]);
            try {
                if (s[0].equals("multiple")) {
                    List<Choice> choices = new ArrayList<>();
                    for (var c : choiceTypes.entrySet()) {
                        if (c.getValue()[0].equals(e.getKey())) {
                            choices.add(new Choice(c.getValue()[1], names.getOrDefault(c.getKey(), c.getValue()[1])));
                        }
                    }
                    addTo(attributesOf, on, labelTypes, new Attribute(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                            AttributeKind.CHOICE, choices, true, null, null, false, ""));
                } else if (s[0].equals("text") || s[0].equals("entity")) {
                    textAttributes.add(e.getKey());
                    addTo(attributesOf, on, labelTypes, Attribute.of(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                            AttributeKind.fromJson(s[0]), false, ""));
                }
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(0, "attribute " + e.getKey() + ": " + ex.getMessage()));
            }
        }
        List<Label> labels = new ArrayList<>();
        for (String t : labelTypes) {
            String color = colors.get(t);
            int n = labels.size();
            try {
                // a colour and underline each, so that the labels are told apart as the UI needs
                labels.add(new Label(labelIds.get(t), names.getOrDefault(t, t.replace('_', ' ')),
                        color != null && color.matches("#[0-9a-fA-F]{6}") ? color.toLowerCase(java.util.Locale.ROOT)
                                : SchemeImport.PALETTE.get(n % SchemeImport.PALETTE.size()), null,
                        SchemeImport.MARKS.get(n % SchemeImport.MARKS.size()), "", attributesOf.getOrDefault(t, List.of())));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(0, "type " + t + ": " + ex.getMessage()));
            }
        }
        Map<String, LinkType> linkTypes = new LinkedHashMap<>();
        Map<String, Set<String>> relations = new LinkedHashMap<>();
        for (var e : relationArgs.entrySet()) {
            List<String>[] args = e.getValue();
            relations.put(e.getKey(), Set.of());
            String id = SchemeImport.freshId(DocumentId.slugOf(e.getKey()), List.copyOf(linkTypes.keySet()));
            linkTypes.put(id, LinkType.relation(id, names.getOrDefault(e.getKey(), e.getKey().replace('_', ' ')),
                    any.apply(args[0]) ? List.of() : toLabels.apply(args[0]), any.apply(args[1]) ? List.of() : toLabels.apply(args[1]),
                    ""));
        }
        Map<String, Set<String>> eventRoles = new LinkedHashMap<>();
        for (var e : eventArgs.entrySet()) {
            eventRoles.put(e.getKey(), e.getValue().keySet());
            String anchor = labelIds.get(e.getKey());
            for (var role : e.getValue().entrySet()) {
                String id = DocumentId.slugOf(role.getKey());
                String cardinality = role.getValue()[0];
                boolean required = cardinality.isEmpty() || cardinality.equals("+");
                boolean multiple = cardinality.equals("*") || cardinality.equals("+");
                List<String> fillers = typeList(role.getValue()[1]);
                List<String> to = any.apply(fillers) ? List.of() : toLabels.apply(fillers);
                LinkType before = linkTypes.get(id);
                if (before != null && before.role()) {
                    // one role name in several events: one role of all of them
                    Set<String> from = new LinkedHashSet<>(before.from());
                    from.add(anchor);
                    Set<String> into = new LinkedHashSet<>(before.to());
                    into.addAll(to);
                    linkTypes.put(id, new LinkType(id, before.name(), List.copyOf(from),
                            before.to().isEmpty() || to.isEmpty() ? List.of() : List.copyOf(into),
                            true, before.required() && required, before.multiple() || multiple, ""));
                } else {
                    String unique = before == null ? id : SchemeImport.freshId(id, List.copyOf(linkTypes.keySet()));
                    linkTypes.put(unique, new LinkType(unique, names.getOrDefault(role.getKey(), role.getKey().replace('_', ' ')),
                            List.of(anchor), to, true, required, multiple, ""));
                }
            }
        }
        Scheme scheme = null;
        if (!labels.isEmpty()) {
            try {
                scheme = new Scheme(labels, List.copyOf(linkTypes.values()), List.of(), List.of());
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(0, ex.getMessage()));
            }
        }
        return new Read(scheme, relations, eventRoles, allowedValues, choiceTypes, textAttributes, problems);
    }

    private static void addTo(Map<String, List<Attribute>> attributesOf, List<String> on, List<String> labelTypes,
                              Attribute a) {
        List<String> types = on.isEmpty() || on.stream().anyMatch(t -> t.startsWith("<")) ? labelTypes : on;
        for (String t : types) {
            List<Attribute> list = attributesOf.computeIfAbsent(t, k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.id().equals(a.id()))) {
                list.add(a);
            }
        }
    }

    /** A brat attribute as a Slant one: binary is yes/no, values a choice, unless the Slant comment says more. */
    private static Attribute attribute(String type, String name, List<String> values, String[] slant) {
        String id = DocumentId.isValid(type) ? type : DocumentId.slugOf(type);
        String kind = slant == null ? null : slant[0];
        if ("scale".equals(kind)) {
            String[] range = slant[2].split("\\s+");
            return Attribute.scale(id, name, Integer.parseInt(range[0]), Integer.parseInt(range[1]), false, "");
        }
        if ("yes-no".equals(kind) || values == null) {
            return Attribute.of(id, name, AttributeKind.FLAG, false, "");
        }
        List<Choice> choices = new ArrayList<>();
        for (String v : values) {
            choices.add(new Choice(DocumentId.isValid(v) ? v : SchemeImport.freshId(v,
                    choices.stream().map(Choice::id).toList()), v));
        }
        return new Attribute(id, name, AttributeKind.CHOICE, choices, false, null, null, false, "");
    }

    /** "Arg1:A|B, Arg2:C" as {name, cardinality, glyph, types}. */
    private static List<String[]> args(String rest) {
        List<String[]> args = new ArrayList<>();
        Matcher m = ARG.matcher(rest);
        while (m.find()) {
            args.add(new String[] {m.group(1).strip(), m.group(2), m.group(3), m.group(4).strip()});
        }
        return args;
    }

    private static List<String> typeList(String types) {
        List<String> list = new ArrayList<>();
        for (String t : types.split("\\|")) {
            if (!t.isBlank()) {
                list.add(t.strip());
            }
        }
        return list;
    }

    /** visual.conf's [labels] ("Type | Full name | Abbr") and [drawing] ("Type bgColor:#hex"). */
    private static void readVisual(String visual, Map<String, String> names, Map<String, String> colors) {
        String section = null;
        for (String raw : ImportText.lines(visual)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            if ("labels".equals(section)) {
                String[] parts = line.split("\\|");
                if (parts.length >= 2 && !parts[1].isBlank()) {
                    names.putIfAbsent(parts[0].strip(), parts[1].strip());
                }
            } else if ("drawing".equals(section)) {
                String[] parts = line.split("\\s+", 2);
                if (parts.length == 2) {
                    Matcher m = Pattern.compile("bgColor:(#[0-9a-fA-F]{6})").matcher(parts[1]);
                    if (m.find()) {
                        colors.putIfAbsent(parts[0], m.group(1));
                    }
                }
            }
        }
    }

    /** The conf's declared roles of an event type, if the conf declares the event. */
    static Optional<Set<String>> rolesOf(Read conf, String eventType) {
        return Optional.ofNullable(conf.eventRoles().get(eventType));
    }
}
