package org.slant.label;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project's annotation scheme: its span labels (each with its attributes), the link types between spans
 * (plain relations and roles of n-ary structures), the labels a sentence can carry, and the questions asked
 * of a whole document. Ids are unique within their kind; label hotkeys are unique; a link type names only
 * labels of the scheme.
 */
public record Scheme(List<Label> labels, List<LinkType> linkTypes, List<Attribute> sentenceLabels,
                     List<Attribute> documentQuestions) {

    public Scheme {
        labels = List.copyOf(labels);
        linkTypes = linkTypes == null ? List.of() : List.copyOf(linkTypes);
        sentenceLabels = sentenceLabels == null ? List.of() : List.copyOf(sentenceLabels);
        documentQuestions = documentQuestions == null ? List.of() : List.copyOf(documentQuestions);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("A label set needs at least one label");
        }
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Label label : labels) {
            if (!ids.add(label.id())) {
                throw new IllegalArgumentException("Label id " + label.id() + " is used twice");
            }
            if (label.hotkey() != null && !keys.add(label.hotkey())) {
                throw new IllegalArgumentException("Hotkey " + label.hotkey() + " is used by two labels");
            }
        }
        Set<String> typeIds = new HashSet<>();
        for (LinkType type : linkTypes) {
            if (!typeIds.add(type.id())) {
                throw new IllegalArgumentException("Link type id " + type.id() + " is used twice");
            }
            for (String end : type.from()) {
                requireLabel(ids, end, "Link type " + type.id() + " starts at");
            }
            for (String end : type.to()) {
                requireLabel(ids, end, "Link type " + type.id() + " ends at");
            }
        }
        unique(sentenceLabels, "Sentence label");
        unique(documentQuestions, "Document question");
    }

    /** A scheme of span labels only. */
    public Scheme(List<Label> labels) {
        this(labels, List.of(), List.of(), List.of());
    }

    private static void requireLabel(Set<String> labelIds, String id, String what) {
        if (!labelIds.contains(id)) {
            throw new IllegalArgumentException(what + " label \"" + id + "\", which the scheme does not have");
        }
    }

    private static void unique(List<Attribute> attributes, String what) {
        Set<String> ids = new HashSet<>();
        for (Attribute a : attributes) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException(what + " id " + a.id() + " is used twice");
            }
        }
    }

    public Optional<Label> find(String id) {
        return labels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return find(id).isPresent();
    }

    public Optional<LinkType> linkType(String id) {
        return linkTypes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The link types that may start at a span with this label, roles first. */
    public List<LinkType> linkTypesFrom(String labelId) {
        return linkTypes.stream().filter(t -> t.allowsFrom(labelId))
                .sorted(java.util.Comparator.comparing(t -> !t.role())).toList();
    }

    /** The roles a span with this label anchors (its slots). */
    public List<LinkType> rolesOf(String labelId) {
        return linkTypes.stream().filter(t -> t.role() && t.allowsFrom(labelId)).toList();
    }

    /** The attribute of a label, empty when the label or its attribute is unknown. */
    public Optional<Attribute> attribute(String labelId, String attributeId) {
        return find(labelId).flatMap(l -> l.attribute(attributeId));
    }

    public Optional<Attribute> sentenceLabel(String id) {
        return sentenceLabels.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Attribute> question(String id) {
        return documentQuestions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Whether the scheme has more than span labels (attributes, links, sentence labels or questions). */
    public boolean isStructured() {
        return !linkTypes.isEmpty() || !sentenceLabels.isEmpty() || !documentQuestions.isEmpty()
                || labels.stream().anyMatch(l -> !l.attributes().isEmpty());
    }

    /**
     * The scheme with only the labels in {@code labelIds} (an exercise's labels in play), in scheme order, and
     * the link types whose ends still name a label of it.
     */
    public Scheme restrictedTo(java.util.Collection<String> labelIds) {
        List<Label> kept = labels.stream().filter(l -> labelIds.contains(l.id())).toList();
        List<LinkType> types = linkTypes.stream()
                .filter(t -> (t.from().isEmpty() || t.from().stream().anyMatch(labelIds::contains))
                        && (t.to().isEmpty() || t.to().stream().anyMatch(labelIds::contains)))
                .map(t -> new LinkType(t.id(), t.name(), t.from().stream().filter(labelIds::contains).toList(),
                        t.to().stream().filter(labelIds::contains).toList(), t.role(), t.required(), t.multiple(),
                        t.definition()))
                .toList();
        return new Scheme(kept, types, sentenceLabels, documentQuestions);
    }

    public Scheme withLabels(List<Label> newLabels) {
        return new Scheme(newLabels, linkTypes, sentenceLabels, documentQuestions);
    }

    public Scheme withLinkTypes(List<LinkType> newTypes) {
        return new Scheme(labels, newTypes, sentenceLabels, documentQuestions);
    }

    public Scheme withSentenceLabels(List<Attribute> newSentenceLabels) {
        return new Scheme(labels, linkTypes, newSentenceLabels, documentQuestions);
    }

    public Scheme withDocumentQuestions(List<Attribute> newQuestions) {
        return new Scheme(labels, linkTypes, sentenceLabels, newQuestions);
    }

    /**
     * The default media-bias scheme, with definitions a student can act on: the four labels, and what makes an
     * attribution complete (who said it, and the words that say it was said, each linked to it).
     */
    public static Scheme defaults() {
        return new Scheme(List.of(
                new Label("sensational", "Sensational framing", "#d9480f", "1", "wavy",
                        "Wording chosen to provoke alarm, outrage or excitement rather than to inform: loaded verbs "
                                + "(\"slams\", \"HUMILIATED\"), capitals, exclamation marks, catastrophic headlines. "
                                + "Ask: would a neutral reporter describe the same event this way?"),
                new Label("attribution", "Attribution", "#1971c2", "2", "double",
                        "A claim explicitly tied to a named or described source: \"X said\", \"according to\", "
                                + "\"officials confirmed\". Mark what is attributed; then mark who said it as Source "
                                + "and the reporting words as Cue, and link both to it (L). Check whether the verb "
                                + "itself takes sides (\"admitted\", \"claimed\")."),
                new Label("opinion", "Opinion", "#9c36b5", "3", "dashed",
                        "The writer's own judgement, prediction or evaluation presented without a source: "
                                + "\"seems highly unlikely\", \"a profound clash\". Ask: could this be checked, "
                                + "or is it someone's view?"),
                new Label("fact", "Reported fact", "#2b8a3e", "4", "solid",
                        "A verifiable statement about an event, number, date or action that could be checked "
                                + "against a record: \"the summit in Alaska\", \"79,000 Shahed-type drones\". "
                                + "Mark it even if you doubt it; doubt is a note."),
                new Label("source", "Source", "#0b7285", "5", "dotted",
                        "Who an attribution says the claim comes from: a person (\"Merz\"), a group "
                                + "(\"officials\", \"the ministry\") or a document (\"a leaked report\"). Mark the "
                                + "shortest words that name them, then link the Attribution to it."),
                new Label("cue", "Cue", "#5f3dc4", "6", "dashed",
                        "The words that tell you something is attributed: a reporting verb (\"said\", "
                                + "\"admitted\", \"warned\") or a phrase (\"according to\", \"in the view of\"). "
                                + "Loaded cues (\"claimed\", \"conceded\") are where framing hides.")),
                List.of(LinkType.role("source", "Source", "attribution", List.of("source"), false,
                                "Who the attributed claim comes from: link the Attribution to its Source span."),
                        LinkType.role("cue", "Cue", "attribution", List.of("cue"), false,
                                "The words that attribute the claim: link the Attribution to its Cue span.")),
                List.of(), List.of());
    }
}
