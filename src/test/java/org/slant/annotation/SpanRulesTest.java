package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.Scheme;

class SpanRulesTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    /** Offsets of {@code part} in {@code text}, in code points, as {start, end}. */
    private static int[] find(String text, String part) {
        int utf16 = text.indexOf(part);
        assertThat(utf16).as("%s in %s", part, text).isNotNegative();
        int start = text.codePointCount(0, utf16);
        return new int[] {start, start + part.codePointCount(0, part.length())};
    }

    /** Tidies the selection of {@code part} and returns the text it covers afterwards. */
    private static String tidy(String text, String part, boolean snap) {
        int[] sel = find(text, part);
        CodePointIndex index = new CodePointIndex(text);
        int[] range = SpanRules.tidySelection(text, index, sel[0], sel[1], snap);
        return index.slice(text, range[0], range[1]);
    }

    // ---- tidySelection ----

    @Test
    void trimsSpacesAndNewlinesAtBothEnds() {
        String text = "Trump\n HUMILIATED the nation \nyesterday";

        assertThat(tidy(text, "\n HUMILIATED the nation \n", false)).isEqualTo("HUMILIATED the nation");
        assertThat(tidy(text, "\n HUMILIATED the nation \n", true)).isEqualTo("HUMILIATED the nation");
    }

    @Test
    void trimsNoBreakSpaces() {
        assertThat(tidy("a\u00a0word\u00a0b", "\u00a0word\u00a0", false)).isEqualTo("word");
    }

    @Test
    void whitespaceOnlySelectionGivesAnEmptyRange() {
        String text = "Trump  \n\t HUMILIATED";
        int[] sel = find(text, "  \n\t ");

        int[] range = SpanRules.tidySelection(text, new CodePointIndex(text), sel[0], sel[1], true);

        assertThat(range[0]).isEqualTo(range[1]);
    }

    @Test
    void snappingWidensCutsThroughWordsAtBothEnds() {
        String text = "Trump HUMILIATED the nation";

        assertThat(tidy(text, "UMILIATED the nat", true)).isEqualTo("HUMILIATED the nation");
        assertThat(tidy(text, "UMILIATED the nat", false)).isEqualTo("UMILIATED the nat");
        assertThat(tidy(text, "rump HUMILIATED", true)).isEqualTo("Trump HUMILIATED");
        assertThat(tidy(text, "atio", true)).isEqualTo("nation");
    }

    @Test
    void snappingDoesNotWidenACutAtAWordBoundary() {
        String text = "Trump HUMILIATED the nation, again.";

        assertThat(tidy(text, "HUMILIATED the", true)).isEqualTo("HUMILIATED the");
        assertThat(tidy(text, "nation", true)).isEqualTo("nation");
        assertThat(tidy(text, "Trump", true)).isEqualTo("Trump");
        assertThat(tidy(text, "again", true)).isEqualTo("again");
    }

    @Test
    void snappingKeepsInWordApostrophes() {
        String text = "Russia’s unwavering demand and Ukraine's refusal";

        assertThat(tidy(text, "Russia", true)).isEqualTo("Russia’s");
        assertThat(tidy(text, "s unwavering", true)).isEqualTo("Russia’s unwavering");
        assertThat(tidy(text, "Ukrain", true)).isEqualTo("Ukraine's");
    }

    @Test
    void snappingDoesNotTakeQuotesAroundAWord() {
        String text = "talk of 'peace' and ‘war’ now";

        assertThat(tidy(text, "peace", true)).isEqualTo("peace");
        assertThat(tidy(text, "war", true)).isEqualTo("war");
        assertThat(tidy(text, "eac", true)).isEqualTo("peace");
    }

    @Test
    void snappingKeepsCombiningMarksWithTheirLetter() {
        String text = "un cafe\u0301 noir";
        int[] sel = find(text, "caf");
        CodePointIndex index = new CodePointIndex(text);

        int[] range = SpanRules.tidySelection(text, index, sel[0], sel[1] + 1, true); // ends between "e" and U+0301

        assertThat(index.slice(text, range[0], range[1])).isEqualTo("cafe\u0301");
    }

    @Test
    void snappingWorksWithEmojiBeforeTheSelection() {
        String text = "👍🏽🔥 𝔘𝔫𝔦 Trump HUMILIATED the nation";
        int[] sel = find(text, "UMILIATED the nat");
        CodePointIndex index = new CodePointIndex(text);

        int[] range = SpanRules.tidySelection(text, index, sel[0], sel[1], true);

        assertThat(range).containsExactly(find(text, "HUMILIATED the nation"));
        assertThat(index.slice(text, range[0], range[1])).isEqualTo("HUMILIATED the nation");
    }

    @Test
    void snappingWidensThroughNonBmpLetters() {
        String text = "the 𝔘𝔫𝔦 summit";

        assertThat(tidy(text, "𝔫", true)).isEqualTo("𝔘𝔫𝔦");
    }

    @Test
    void selectionOutsideTheTextIsRefused() {
        String text = "👍🏽 ok";
        CodePointIndex index = new CodePointIndex(text);

        assertThatThrownBy(() -> SpanRules.tidySelection(text, index, 0, 6, true)).isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("0-6").hasMessageContaining("(0-5)");
        assertThatThrownBy(() -> SpanRules.tidySelection(text, index, -1, 2, true)).isInstanceOf(SpanRejectedException.class);
        assertThatThrownBy(() -> SpanRules.tidySelection(text, index, 3, 2, true)).isInstanceOf(SpanRejectedException.class);
    }

    // ---- check ----

    private static final String TEXT = "🔥 Trump HUMILIATED the nation";
    private static final Document DOC = new Document("talks", "Peace talks", TEXT, null, T0);
    private static final CodePointIndex INDEX = new CodePointIndex(TEXT);

    private static Span span(int start, int end, String label, String text) {
        return new Span("s1", start, end, label, text, null, "ana", T0, T0);
    }

    @Test
    void checkAcceptsASpanMatchingTheDocument() {
        int[] r = find(TEXT, "HUMILIATED");

        SpanRules.check(span(r[0], r[1], "sensational", "HUMILIATED"), DOC, INDEX, Scheme.defaults());
        SpanRules.check(span(0, 1, "fact", "🔥"), DOC, INDEX, Scheme.defaults());
    }

    @Test
    void checkRefusesASpanEndingPastTheText() {
        assertThatThrownBy(() -> SpanRules.check(span(25, 30, "fact", "whatever!"), DOC, INDEX, Scheme.defaults()))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("ends at 30").hasMessageContaining("Peace talks").hasMessageContaining("29 characters");
    }

    @Test
    void checkRefusesAnUnknownLabelListingTheKnownOnes() {
        int[] r = find(TEXT, "Trump");

        assertThatThrownBy(() -> SpanRules.check(span(r[0], r[1], "propaganda", "Trump"), DOC, INDEX, Scheme.defaults()))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("\"propaganda\"")
                .hasMessageContaining("sensational").hasMessageContaining("attribution")
                .hasMessageContaining("opinion").hasMessageContaining("fact");
    }

    @Test
    void checkRefusesCoveredTextThatDiffersShowingBoth() {
        // offsets counted in UTF-16 units instead of code points: off by one because of the emoji
        int[] r = find(TEXT, "Trump");

        assertThatThrownBy(() -> SpanRules.check(span(r[0] + 1, r[1] + 1, "fact", "Trump"), DOC, INDEX, Scheme.defaults()))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("\"Trump\"").hasMessageContaining("\"rump \"");
    }
}
