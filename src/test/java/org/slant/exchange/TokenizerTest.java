package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.exchange.Tokenizer.Token;

class TokenizerTest {

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    @Test
    void wordsKeepInWordApostrophesAndHyphensAndPunctuationStandsAlone() {
        assertThat(texts(Tokenizer.tokens("Russia’s high-stakes talks (don't) -- end.")))
                .containsExactly("Russia’s", "high-stakes", "talks", "(", "don't", ")", "-", "-", "end", ".");
    }

    @Test
    void clustersAreNeverCut() {
        // emoji with skin tone, decomposed é, Hebrew with points, Arabic with harakat, a ZWJ family
        String text = "👍🏽 Cafe\u0301 שָׁלוֹם مَرْحَبًا 👨‍👩‍👧!";

        List<Token> tokens = Tokenizer.tokens(text);

        assertThat(texts(tokens)).containsExactly("👍🏽", "Cafe\u0301", "שָׁלוֹם", "مَرْحَبًا", "👨‍👩‍👧", "!");
        for (Token t : tokens) {
            assertThat(ExportFixtures.slice(text, t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(tokens.get(0).end()).as("code points").isEqualTo(2);
        assertThat(tokens.get(1).start()).isEqualTo(3);
    }

    /**
     * Sentences come from {@link org.slant.document.Sentences}; tokens from ICU's word rules, which keep a
     * decimal number whole ("3.5", where the hand-written tokenizer gave "3" "." "5"), as CoNLL corpora do.
     */
    @Test
    void sentencesEndAtLineBreaksAndAtFinalPunctuationBeforeSpace() {
        List<List<Token>> sentences = Tokenizer.sentences("One. Two?! Three 3.5 km\r\nFour\n\nFive");

        assertThat(sentences).extracting(TokenizerTest::texts).containsExactly(
                List.of("One", "."), List.of("Two", "?", "!"), List.of("Three", "3.5", "km"),
                List.of("Four"), List.of("Five"));
    }

    /** What ICU's rules and sentence abbreviations add: numbers with separators, "Mr." not ending a sentence. */
    @Test
    void numbersStayWholeAndAbbreviationsDoNotEndASentence() {
        List<List<Token>> sentences = Tokenizer.sentences("Mr. Merz paid 1,000.50 euros. Putin's aide-de-camp left.");

        assertThat(sentences).extracting(TokenizerTest::texts).containsExactly(
                List.of("Mr", ".", "Merz", "paid", "1,000.50", "euros", "."),
                List.of("Putin's", "aide-de-camp", "left", "."));
    }

    @Test
    void aHyphenJoinsOnlyWordsItTouches() {
        assertThat(texts(Tokenizer.tokens("-a b- c-d-e -- f - g"))).containsExactly(
                "-", "a", "b", "-", "c-d-e", "-", "-", "f", "-", "g");
    }

    @Test
    void offsetsAreCodePointsAcrossAstralCharacters() {
        String text = "𝔘𝔫𝔦 well-𝔨𝔫𝔬𝔴𝔫 🔥 end";

        for (Token t : Tokenizer.tokens(text)) {
            assertThat(ExportFixtures.slice(text, t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(texts(Tokenizer.tokens(text))).containsExactly("𝔘𝔫𝔦", "well-𝔨𝔫𝔬𝔴𝔫", "🔥", "end");
    }

    @Test
    void whiteSpaceOnlyHasNoTokens() {
        assertThat(Tokenizer.sentences(" \r\n\t\u00A0")).isEmpty();
    }
}
