package org.slant.exchange;

import org.slant.document.DocumentId;

/**
 * Which layers an export takes from each document: every annotator's, one annotator's (for example
 * "gold"), or a majority layer of the spans that more than half of the annotators marked identically.
 */
public record LayerSelection(Mode mode, String annotator) {

    public enum Mode { ALL, ANNOTATOR, MAJORITY }

    public static final LayerSelection ALL = new LayerSelection(Mode.ALL, null);
    public static final LayerSelection MAJORITY = new LayerSelection(Mode.MAJORITY, null);

    public LayerSelection {
        if (mode == Mode.ANNOTATOR) {
            DocumentId.require(annotator, "Annotator");
        } else if (annotator != null) {
            throw new IllegalArgumentException("Only the ANNOTATOR selection names an annotator");
        }
    }

    public static LayerSelection of(String annotator) {
        return new LayerSelection(Mode.ANNOTATOR, annotator);
    }

    /** Parses "all", "majority" or "annotator:NAME" (as used by the API and the command line). */
    public static LayerSelection parse(String text) {
        if (text == null || text.isBlank() || text.equals("all")) {
            return ALL;
        }
        if (text.equals("majority")) {
            return MAJORITY;
        }
        if (text.startsWith("annotator:")) {
            return of(text.substring("annotator:".length()));
        }
        throw new IllegalArgumentException("Layers must be \"all\", \"majority\" or \"annotator:NAME\", got: " + text);
    }
}
