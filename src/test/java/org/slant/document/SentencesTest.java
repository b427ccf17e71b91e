package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> texts(String text) {
        return Sentences.of(text).stream().map(s -> new CodePointIndex(text).slice(text, s.start(), s.end())).toList();
    }

    @Test
    void splitsAtSentenceEndsAndTrimsSpace() {
        assertThat(texts("Trump HUMILIATED the nation! Officials said so.  Really?\n"))
                .containsExactly("Trump HUMILIATED the nation!", "Officials said so.", "Really?");
    }

    @Test
    void keepsAbbreviationsAndNumbersInsideOneSentence() {
        assertThat(texts("Mr. Merz met U.S. envoys at 3.5 p.m. on Friday. Then he left."))
                .hasSize(2).first().isEqualTo("Mr. Merz met U.S. envoys at 3.5 p.m. on Friday.");
    }

    @Test
    void aParagraphBreakEndsASentence() {
        assertThat(texts("Headline without a full stop\n\nThe body starts here.")).containsExactly(
                "Headline without a full stop", "The body starts here.");
    }

    @Test
    void offsetsAreCodePoints() {
        String text = "😀 Emoji first. Second one.";
        List<Sentences.Sentence> s = Sentences.of(text);
        assertThat(s).containsExactly(new Sentences.Sentence(0, 14), new Sentences.Sentence(15, 26));
        assertThat(text.codePointCount(0, text.length())).isEqualTo(26);
    }

    @Test
    void emptyAndBlankTextsHaveNoSentences() {
        assertThat(Sentences.of("")).isEmpty();
        assertThat(Sentences.of(" \n\t ")).isEmpty();
    }

    @Test
    void findsTheSentenceAtAnOffset() {
        List<Sentences.Sentence> s = Sentences.of("One. Two. Three.");
        assertThat(Sentences.at(s, 0)).isEqualTo(s.get(0));
        assertThat(Sentences.at(s, 6)).isEqualTo(s.get(1));
        assertThat(Sentences.at(s, 4)).isNull(); // the space between
        assertThat(Sentences.at(s, 99)).isNull();
    }
}
