package org.slant.exchange;

import java.util.Map;
import org.slant.label.AttributeValue;

/**
 * One span as a file states it, before it is checked against the workspace. Offsets are code points,
 * end exclusive. {@code id} is the file's own id for it (brat {@code T1}, a doccano entity id, a W3C
 * annotation id), kept as the span's id when the target layer has no span of that id; null when the
 * format has none. {@code label} is the file's own name for the label; {@code text} is the text the
 * file says the span covers, null when the format does not carry it (SemEval). {@code attributes} are
 * the file's attribute names with the values as the file writes them (a choice by id or name), matched
 * against the label's attributes by the import. {@code file}/{@code line} say where it came from, so
 * every problem can point there.
 */
public record ImportedSpan(String id, int start, int end, String label, String text, String note, String file, int line,
                           Map<String, AttributeValue> attributes) {

    public ImportedSpan {
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    public ImportedSpan(String id, int start, int end, String label, String text, String note, String file, int line) {
        this(id, start, end, label, text, note, file, line, Map.of());
    }

    public ImportedSpan(int start, int end, String label, String text, String note, String file, int line) {
        this(null, start, end, label, text, note, file, line);
    }

    public ImportedSpan withNote(String newNote) {
        return new ImportedSpan(id, start, end, label, text, newNote, file, line, attributes);
    }

    public ImportedSpan withAttributes(Map<String, AttributeValue> newAttributes) {
        return new ImportedSpan(id, start, end, label, text, note, file, line, newAttributes);
    }
}
