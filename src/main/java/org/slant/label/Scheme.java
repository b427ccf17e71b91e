package org.slant.label;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The labels of a workspace, in display order. Ids and hotkeys are unique. */
public record Scheme(List<Label> labels) {

    public Scheme {
        labels = List.copyOf(labels);
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
    }

    public Optional<Label> find(String id) {
        return labels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return find(id).isPresent();
    }

    /** The default media-bias set, with definitions a student can act on. */
    public static Scheme defaults() {
        return new Scheme(List.of(
                new Label("sensational", "Sensational framing", "#d9480f", "1", "wavy",
                        "Wording chosen to provoke alarm, outrage or excitement rather than to inform: loaded verbs "
                                + "(\"slams\", \"HUMILIATED\"), capitals, exclamation marks, catastrophic headlines. "
                                + "Ask: would a neutral reporter describe the same event this way?"),
                new Label("attribution", "Attribution", "#1971c2", "2", "double",
                        "A claim explicitly tied to a named or described source: \"X said\", \"according to\", "
                                + "\"officials confirmed\". Mark the source and the reporting verb, and check whether "
                                + "the verb itself takes sides (\"admitted\", \"claimed\")."),
                new Label("opinion", "Opinion", "#9c36b5", "3", "dashed",
                        "The writer's own judgement, prediction or evaluation presented without a source: "
                                + "\"seems highly unlikely\", \"a profound clash\". Ask: could this be checked, "
                                + "or is it someone's view?"),
                new Label("fact", "Reported fact", "#2b8a3e", "4", "solid",
                        "A verifiable statement about an event, number, date or action that could be checked "
                                + "against a record: \"the summit in Alaska\", \"79,000 Shahed-type drones\". "
                                + "Mark it even if you doubt it; doubt is a note.")));
    }
}
