package org.slant.label;

import java.util.List;
import org.slant.document.DocumentId;

/**
 * A kind of directed link from one span to another, with the labels allowed at each end ({@code from},
 * {@code to}; empty means any label).
 *
 * <p>A {@code role} is one slot of an n-ary structure anchored on its {@code from} span, as brat's events and
 * INCEpTION's slot features: an Attribution span with a {@code source} role to a Source span and a
 * {@code cue} role to a Cue span is PARC's (source, cue, content) triple. An anchor fills a role once unless
 * it is {@code multiple}; a {@code required} role left empty is reported like a missing required attribute.
 * A link type that is not a role is a plain binary relation (brat's R, doccano's relations).
 */
public record LinkType(String id, String name, List<String> from, List<String> to, boolean role, boolean required,
                       boolean multiple, String definition) {

    public LinkType {
        DocumentId.require(id, "Link type id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Link type " + id + " has no name");
        }
        name = name.strip();
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        definition = definition == null ? "" : definition.strip();
        if (!role && (required || multiple)) {
            throw new IllegalArgumentException("Link type " + id + ": only a role can be required or taken several times");
        }
    }

    /** A plain directed relation. */
    public static LinkType relation(String id, String name, List<String> from, List<String> to, String definition) {
        return new LinkType(id, name, from, to, false, false, false, definition);
    }

    /** A role of the {@code anchor} label, filled by a span with one of the {@code fillers} labels. */
    public static LinkType role(String id, String name, String anchor, List<String> fillers, boolean required,
                                String definition) {
        return new LinkType(id, name, List.of(anchor), fillers, true, required, false, definition);
    }

    public boolean allowsFrom(String labelId) {
        return from.isEmpty() || from.contains(labelId);
    }

    public boolean allowsTo(String labelId) {
        return to.isEmpty() || to.contains(labelId);
    }

    /** Whether a link of this type may go from a span labelled {@code fromLabel} to one labelled {@code toLabel}. */
    public boolean fits(String fromLabel, String toLabel) {
        return allowsFrom(fromLabel) && allowsTo(toLabel);
    }
}
