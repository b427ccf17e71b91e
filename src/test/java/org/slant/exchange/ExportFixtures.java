package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.Source;
import org.slant.label.Scheme;

/** A document that makes every offset mistake visible, and helpers to read exports back. */
final class ExportFixtures {

    static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    static final Instant T1 = Instant.parse("2025-08-16T10:00:00Z");
    /** The four media-bias labels: the format tests were written for them (the default scheme has six). */
    static final Scheme LABELS = new Scheme(Scheme.defaults().labels().subList(0, 4));

    /**
     * An emoji with a skin-tone modifier first (two code points, four UTF-16 units), a CRLF, Cyrillic,
     * a decomposed é (e + U+0301), Hebrew with points and Arabic with harakat (combining marks).
     */
    static final String TEXT = "👍🏽 Breaking: Trump HUMILIATED the nation, \"officials\" said.\r\nПутин: «нет».\r\n"
            + "Cafe\u0301 שָׁלוֹם and مَرْحَبًا 🔥!\nThe end.";
    static final String NOTE = "loaded, \"very\" loaded\nverb";
    static final Document DOC = new Document("peace", "Peace talks, \"again\"", TEXT,
            new Source("Daily Planet", "https://example.org/peace", LocalDate.of(2025, 8, 16)), T0);

    static Layer alice() {
        return new Layer("peace", "alice", 7, List.of(
                span("a1", "HUMILIATED", "sensational", "alice", NOTE),
                span("a2", "HUMILIATED the nation", "opinion", "alice", null),
                span("a3", "said.\r\nПутин", "attribution", "alice", null),
                span("a4", "שָׁלוֹם", "fact", "alice", null),
                span("a5", "مَرْحَبًا 🔥", "opinion", "alice", null),
                span("a6", "Cafe\u0301", "fact", "alice", null),
                span("a7", "👍🏽", "sensational", "alice", "emoji")));
    }

    static Layer bob() {
        return new Layer("peace", "bob", 2, List.of(span("b1", "Путин", "attribution", "bob", null)));
    }

    /** The texts of alice's spans, the ground truth every format must give back. */
    static List<String> aliceTexts() {
        return alice().spans().stream().map(Span::text).toList();
    }

    static Span span(String id, String part, String label, String author, String note) {
        int[] r = at(TEXT, part);
        return new Span(id, r[0], r[1], label, part, note, author, T0, T1);
    }

    /** Code point offsets {start, end} of the first occurrence of {@code part}. */
    static int[] at(String text, String part) {
        int utf16 = text.indexOf(part);
        assertThat(utf16).as("%s in the text", part).isNotNegative();
        int start = text.codePointCount(0, utf16);
        return new int[] {start, start + part.codePointCount(0, part.length())};
    }

    /** Python's text[start:end]. */
    static String slice(String text, int start, int end) {
        return new String(text.codePoints().skip(start).limit(end - start).toArray(), 0, end - start);
    }

    static byte[] export(DatasetWriter writer, ExportItem... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(LABELS, Stream.of(items), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String exportText(DatasetWriter writer, ExportItem... items) {
        return new String(export(writer, items), StandardCharsets.UTF_8);
    }

    /** Zip entry name to UTF-8 content, in zip order. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Lines without their terminators, split at "\n" only (as the exports write them). */
    static List<String> lines(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private ExportFixtures() {
    }
}
