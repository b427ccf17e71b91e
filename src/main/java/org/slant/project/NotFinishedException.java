package org.slant.project;

import java.util.List;

/**
 * "Done" refused: the layer still lacks required attributes, roles, sentence labels or answers. The message
 * lists them; the caller may mark the document done anyway once the user has seen the list and confirmed.
 */
public class NotFinishedException extends IllegalArgumentException {

    private final List<String> missing;

    public NotFinishedException(String documentTitle, List<String> missing) {
        super("\"" + documentTitle + "\" is not finished; " + missing.size() + (missing.size() == 1 ? " thing is" : " things are")
                + " missing: " + String.join("; ", missing.stream().limit(10).toList())
                + (missing.size() > 10 ? "; and " + (missing.size() - 10) + " more" : ""));
        this.missing = List.copyOf(missing);
    }

    /** Each missing item, naming it and what it lacks. */
    public List<String> missing() {
        return missing;
    }
}
