package org.slant.exchange;

/**
 * Something wrong (or, in {@link ImportReport#warnings()}, worth knowing) about an imported file.
 * {@code file} is the uploaded file or the entry inside a zip; {@code line} is 1-based, 0 when the
 * problem concerns the whole file.
 */
public record ImportProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return (file == null ? "" : file) + (line > 0 ? ", line " + line : "") + ": " + reason;
    }
}
