package org.slant.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import org.slant.annotation.Span;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * One way to link two picked spans: a link type, in the direction it fits. The reader may pick the two spans
 * in either order (the Source first, then its Attribution, or the other way round); the link always goes the
 * way its type says.
 */
public record LinkChoice(LinkType type, Span from, Span to) {

    /** The link types that fit the two spans' labels, the picked direction first, then the reverse. */
    public static List<LinkChoice> fitting(Scheme scheme, Span first, Span second) {
        List<LinkChoice> choices = new ArrayList<>();
        for (LinkType t : scheme.linkTypes()) {
            if (t.fits(first.label(), second.label())) {
                choices.add(new LinkChoice(t, first, second));
            }
        }
        for (LinkType t : scheme.linkTypes()) {
            if (t.fits(second.label(), first.label()) && choices.stream().noneMatch(c -> c.type().equals(t))) {
                choices.add(new LinkChoice(t, second, first));
            }
        }
        return choices;
    }

    /** Why nothing fits, naming the two labels and the links the scheme has. */
    public static String nothingFits(Scheme scheme, Span first, Span second) {
        String types = scheme.linkTypes().isEmpty() ? "this project's scheme has no links at all"
                : "its links join " + String.join("; ", scheme.linkTypes().stream().map(t -> t.name() + " ("
                + ends(scheme, t.from()) + " → " + ends(scheme, t.to()) + ")").toList());
        return "No link joins " + labelName(scheme, first.label()) + " “" + ValueText.abbreviate(first.text(), 30) + "” and "
                + labelName(scheme, second.label()) + " “" + ValueText.abbreviate(second.text(), 30) + "”: " + types + ".";
    }

    /** "Source: Attribution “officials said” → Source “Merz”". */
    public String describe(Scheme scheme) {
        return type.name() + ": " + labelName(scheme, from.label()) + " “" + ValueText.abbreviate(from.text(), 30) + "” → "
                + labelName(scheme, to.label()) + " “" + ValueText.abbreviate(to.text(), 30) + "”";
    }

    private static String ends(Scheme scheme, List<String> labels) {
        return labels.isEmpty() ? "any label" : String.join(" or ", labels.stream().map(l -> labelName(scheme, l)).toList());
    }

    static String labelName(Scheme scheme, String labelId) {
        return scheme.find(labelId).map(Label::name).orElse(labelId);
    }
}
