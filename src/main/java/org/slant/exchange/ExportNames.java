package org.slant.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slant.document.Document;

/**
 * The names one export gives its documents. A document imported from a dataset is written under that
 * dataset's name for it (its {@link org.slant.document.Source#id()}, or for file-based formats its
 * {@link org.slant.document.Source#file()}), so an unchanged corpus goes back out as it came in; any
 * other document under its workspace id. Each name is given once per export: a second document with the
 * same dataset name (two corpora both with an article 1) gets its workspace id instead, so no file or
 * line of the export names two documents. One instance per export; it remembers the names it gave.
 */
final class ExportNames {

    private final Set<String> used = new HashSet<>();

    /** The dataset id when {@code fits} takes it and it is free, else the workspace id (made free with -2, -3 ...). */
    String of(Document d, Predicate<String> fits) {
        List<String> candidates = new ArrayList<>(1);
        if (d.source().id() != null && fits.test(d.source().id())) {
            candidates.add(d.source().id());
        }
        return claim(candidates, d.id(), name -> List.of(name));
    }

    /**
     * The first of {@code candidates} whose {@code keys} (the paths it would take up) are all free, else
     * {@code workspaceId} or {@code workspaceId-2}, {@code -3} ... All its keys are then taken.
     */
    String claim(List<String> candidates, String workspaceId, Function<String, List<String>> keys) {
        for (String name : candidates) {
            if (take(keys.apply(name))) {
                return name;
            }
        }
        String name = workspaceId;
        for (int n = 2; !take(keys.apply(name)); n++) {
            name = workspaceId + "-" + n;
        }
        return name;
    }

    private boolean take(List<String> keys) {
        if (keys.stream().anyMatch(used::contains) || keys.stream().distinct().count() < keys.size()) {
            return false;
        }
        used.addAll(keys);
        return true;
    }

    /** Whether the document goes out under the dataset id it was imported with (so it keeps that id's JSON type). */
    static boolean isDatasetId(Document d, String name) {
        return name.equals(d.source().id());
    }

    /** A name that fits on one line and survives the stripping readers do: no line break, no white space at the ends. */
    static boolean isOneLine(String name) {
        return !name.isBlank() && name.strip().equals(name) && name.codePoints().noneMatch(BratWriter::isLineBreak)
                && name.indexOf('\t') < 0;
    }

    /**
     * A relative path a zip can hold and every unzip tool writes inside its target folder: segments
     * separated by '/', none empty, "." or "..", no backslash, colon or control character.
     */
    static boolean isSafePath(String path) {
        if (path.isEmpty() || path.length() > 200 || path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !segment.strip().equals(segment)) {
                return false;
            }
        }
        return path.chars().noneMatch(c -> c == '\\' || c == ':' || c < 0x20 || c == 0x7f) && isOneLine(path);
    }
}
