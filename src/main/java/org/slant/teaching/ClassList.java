package org.slant.teaching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class list pasted or uploaded as CSV: one student display name per line, an optional header line
 * "name", fields in double quotes when they hold a comma (quotes doubled inside), blank lines ignored.
 * Every problem is reported with its line number, so the teacher can fix the file in one go.
 */
public record ClassList(List<String> names, List<Problem> problems) {

    public record Problem(int line, String message) {

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    public ClassList {
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * An uploaded file: it must be UTF-8 text. A spreadsheet saved in another encoding would otherwise
     * turn "Zoë" into "Zo�", so the first bad byte is reported instead, with its line.
     */
    public static ClassList parse(byte[] file) {
        int zero = org.slant.document.StrictUtf8.zeroByte(file, 8192);
        if (zero >= 0) {
            return new ClassList(List.of(), List.of(new Problem(1, "this looks like a binary file (a zero byte at position "
                    + zero + "), not a CSV; in a spreadsheet, choose Save as → CSV UTF-8")));
        }
        try {
            return parse(org.slant.document.StrictUtf8.decode(file));
        } catch (org.slant.document.StrictUtf8.Malformed e) {
            return new ClassList(List.of(), List.of(new Problem(e.line(), "not valid UTF-8: bad byte 0x"
                    + String.format("%02X", e.value()) + " at byte " + e.offset()
                    + "; save the list as CSV UTF-8 and upload it again")));
        }
    }

    public static ClassList parse(String csv) {
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String text = csv == null ? "" : csv;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // spreadsheet programs put a byte order mark first
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = fields(line);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(lineNumber, e.getMessage()));
                first = false;
                continue;
            }
            while (fields.size() > 1 && fields.getLast().isBlank()) {
                fields.removeLast(); // "Ana," from a one-column spreadsheet export
            }
            if (first && fields.size() == 1 && fields.getFirst().strip().toLowerCase(Locale.ROOT).equals("name")) {
                first = false;
                continue;
            }
            first = false;
            if (fields.size() > 1) {
                problems.add(new Problem(lineNumber, "expected one name, found " + fields.size()
                        + " fields; put a name with a comma in double quotes"));
                continue;
            }
            String name;
            try {
                name = RosterEntry.checkDisplayName(fields.getFirst());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(lineNumber, e.getMessage()));
                continue;
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), lineNumber);
            if (earlier != null) {
                problems.add(new Problem(lineNumber, "\"" + name + "\" is already on line " + earlier
                        + "; add an initial so the two can be told apart"));
                continue;
            }
            names.add(name);
        }
        if (names.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, "the class list holds no names"));
        }
        return new ClassList(names, problems);
    }

    /** RFC 4180 fields of one line; quoted fields may not span lines (a name has no line break). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted name is not closed (a \" is missing)");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("unexpected text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException("a quote inside an unquoted name at column " + i
                                + "; quote the whole name and double the quote");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
