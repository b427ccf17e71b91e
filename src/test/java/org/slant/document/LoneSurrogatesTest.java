package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Span;

/** A lone surrogate (half a UTF-16 pair) is refused in a document's text and title and in a span's text and note. */
class LoneSurrogatesTest {

    private static final Instant T = Instant.parse("2025-08-16T09:30:00Z");

    @Test
    void aDocumentWithALoneSurrogateIsRefusedNamingOffsetAndLine() {
        // "🙂" is one code point (two UTF-16 units): the offset counts it once
        String text = "First line 🙂\nSecond \uD800 line";
        assertThatThrownBy(() -> new Document("doc", "Doc", text, null, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The text of document doc holds a lone surrogate (U+D800, half of a UTF-16 pair without its"
                        + " other half) at offset 20 (line 2, column 8); it is not a character. Remove it or send the"
                        + " whole character");
        assertThatThrownBy(() -> new Document("doc", "Doc", "ends with a high \uDBFF", null, T))
                .hasMessageContaining("U+DBFF").hasMessageContaining("offset 17");
        assertThatThrownBy(() -> new Document("doc", "Doc", "\uDC00 starts with a low one", null, T))
                .hasMessageContaining("U+DC00").hasMessageContaining("offset 0 (line 1, column 1)");
        assertThatThrownBy(() -> new Document("doc", "Title \uDC00", "Fine text", null, T))
                .hasMessageStartingWith("The title of document doc holds a lone surrogate");
    }

    @Test
    void pairsAreCharactersAndPass() {
        assertThat(new Document("doc", "𝔘𝔫𝔦", "👍🏽🔥 𝔘𝔫𝔦 \uD83D\uDE42", null, T).length()).isEqualTo(9);
        assertThat(LoneSurrogates.first("a\uD83D\uDE42b")).isEqualTo(-1);
        assertThat(LoneSurrogates.first("a\uDE42\uD83Db")).isEqualTo(1); // the wrong order is two lone halves
    }

    @Test
    void pastedTextIsRefusedBeforeItIsCleaned() {
        DocumentImporter importer = new DocumentImporter(64 * 1024);
        assertThatThrownBy(() -> importer.fromText("The pasted text", "Title\n\n\nBody \uD800 here"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("The pasted text holds a lone surrogate (U+D800")
                .hasMessageContaining("(line 4, column 6)");
    }

    @Test
    void aSpanTextOrNoteWithALoneSurrogateIsRefused() {
        assertThatThrownBy(() -> new Span("s1", 0, 2, "fact", "a\uD800", null, "ana", T, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The text of span s1 holds a lone surrogate");
        assertThatThrownBy(() -> new Span("s1", 0, 2, "fact", "ab", "note \uDFFF", "ana", T, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The note of span s1 holds a lone surrogate");
    }
}
