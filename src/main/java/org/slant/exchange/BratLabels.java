package org.slant.exchange;

import java.util.Optional;
import org.slant.label.Label;
import org.slant.label.Scheme;

/**
 * Label names as brat entity types. brat types cannot hold spaces (an .ann line is split at them)
 * and annotation.conf is picky about punctuation, so "Sensational framing" becomes
 * "Sensational_framing". Shared by the brat writer and the brat importer so the two agree.
 */
public final class BratLabels {

    private BratLabels() {
    }

    /** The brat type of a label: its name with every character outside [A-Za-z0-9_-] replaced by '_'. */
    public static String toBrat(Label label) {
        return toBrat(label.name());
    }

    /** The brat type for a name (also used for a span whose label is missing from the label set). */
    public static String toBrat(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.strip().codePoints().forEach(cp -> sb.append(isSafe(cp) ? (char) cp : '_'));
        return sb.isEmpty() ? "_" : sb.toString();
    }

    /**
     * The label a brat type stands for: the label whose brat type it is, else the label with that id
     * (a hand-written .ann may use ids), compared exactly first and then ignoring case.
     */
    public static Optional<Label> fromBrat(String type, Scheme labels) {
        if (type == null) {
            return Optional.empty();
        }
        for (Label label : labels.labels()) {
            if (toBrat(label).equals(type)) {
                return Optional.of(label);
            }
        }
        Optional<Label> byId = labels.find(type);
        if (byId.isPresent()) {
            return byId;
        }
        return labels.labels().stream()
                .filter(l -> toBrat(l).equalsIgnoreCase(type) || l.id().equalsIgnoreCase(type))
                .findFirst();
    }

    private static boolean isSafe(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-';
    }
}
