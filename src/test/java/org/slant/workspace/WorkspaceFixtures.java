package org.slant.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.Source;

/** Test data shared by the workspace tests (and the crash test's child process). */
final class WorkspaceFixtures {

    static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    /** Emoji (with a skin-tone modifier), a math letter outside the BMP, CRLF, Cyrillic and Hebrew (RTL). */
    static final String TRICKY_TEXT = "Breaking 🔥 news!\r\nПутин сказал «нет». שלום עולם 𝕏 end 👍🏽.\r\n";

    private WorkspaceFixtures() {
    }

    static Document document(String id, String title, String text) {
        return new Document(id, title, text, new Source("Daily Planet", "https://example.org/a?b=1", LocalDate.of(2025, 8, 16)), T0);
    }

    /** A span over code points [start, end) whose text is the real slice, as the service would build it. */
    static Span span(String id, String text, int start, int end, String label, String note, String author) {
        String covered = new CodePointIndex(text).slice(text, start, end);
        return new Span(id, start, end, label, covered, note, author, T0, T0.plusSeconds(start));
    }

    /** {@code count} spans spread over the text (overlapping is allowed, as in real layers). */
    static Layer layerWith(String documentId, String annotator, String text, int count, long revision) {
        int length = text.codePointCount(0, text.length());
        List<Span> spans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = (i * 7) % (length - 10);
            spans.add(span("s" + i, text, start, start + 1 + i % 9, i % 2 == 0 ? "opinion" : "fact",
                    i % 3 == 0 ? "note " + i : null, annotator));
        }
        return new Layer(documentId, annotator, revision, spans);
    }

    static String longText(int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            sb.append("Sentence ").append(i).append(" says 🔥 something «важное» here. ");
        }
        return sb.toString();
    }
}
