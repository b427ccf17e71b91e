package org.slant.exchange;

/**
 * One span as a file states it, before it is checked against the workspace. Offsets are code points,
 * end exclusive. {@code label} is the file's own name for the label; {@code text} is the text the file
 * says the span covers, null when the format does not carry it (SemEval). {@code file}/{@code line}
 * say where it came from, so every problem can point there.
 */
public record ImportedSpan(int start, int end, String label, String text, String note, String file, int line) {
}
