package org.slant.exchange;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers shared by the import readers. */
final class ImportText {

    private ImportText() {
    }

    /**
     * Strict UTF-8 (a wrong byte would shift every offset after it). On failure adds a problem naming
     * the byte and line and returns null.
     */
    static String utf8(byte[] bytes, String file, List<ImportProblem> problems) {
        try {
            return org.slant.document.StrictUtf8.decode(bytes);
        } catch (org.slant.document.StrictUtf8.Malformed e) {
            problems.add(new ImportProblem(file, e.line(), "not valid UTF-8: bad byte 0x"
                    + String.format("%02X", e.value()) + " at byte " + e.offset()));
            return null;
        }
    }

    /** Drops a leading byte order mark: it is not part of a line-oriented file's first field. */
    static String withoutBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Lines without their "\n" or "\r\n"; line i of the list is line i + 1 of the file. */
    static List<String> lines(String s) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from <= s.length()) {
            int nl = s.indexOf('\n', from);
            if (nl < 0) {
                if (from < s.length()) {
                    lines.add(s.substring(from));
                }
                break;
            }
            int end = nl > from && s.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            lines.add(s.substring(from, end));
            from = nl + 1;
        }
        return lines;
    }

    /** The first non-blank line, shortened: formats without a title field get their title this way. */
    static String titleOf(String text, String fallback) {
        if (text != null) {
            for (String line : lines(text)) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    return t.length() <= 120 ? t : t.substring(0, 117) + "...";
                }
            }
        }
        return fallback;
    }

    /** The file name without folders and extension: "data/Article 12.txt" gives "Article 12". */
    static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    /**
     * The dataset's name for a document (see {@link org.slant.document.Source}); nothing when the name is
     * not one (a control character, over a thousand characters): the document is imported all the same.
     */
    static org.slant.document.Source datasetName(String id, boolean idIsNumber, String file) {
        try {
            return org.slant.document.Source.inDataset(id, idIsNumber, file);
        } catch (IllegalArgumentException e) {
            return org.slant.document.Source.UNKNOWN;
        }
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }
}
