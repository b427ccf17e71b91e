package org.slant.exchange;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import org.slant.document.Sentences;

/**
 * Splits a text into sentences of tokens for the CoNLL export, with Unicode's rules rather than
 * hand-written ones: ICU4J's word boundaries (UAX #29, with dictionaries for Thai, Chinese and Japanese)
 * and the workspace's one sentence splitter, {@link Sentences}.
 *
 * <ul>
 *   <li>A token is a stretch between two word boundaries that is not white space. So a word keeps an
 *       apostrophe inside it ("Russia’s", "don't"), a number keeps its decimal point or thousands
 *       separator ("3.5", "1,000"), and punctuation, symbols and emoji stand alone.</li>
 *   <li>One addition to UAX #29: a hyphen (-, U+2010, U+2011) between two words joins them
 *       ("high-stakes"), as the CoNLL and Penn Treebank corpora write hyphenated words.</li>
 *   <li>Grapheme clusters are never cut: an emoji with a skin-tone modifier or a ZWJ sequence, a letter
 *       with combining accents, an Arabic or Hebrew letter with its vowel marks.</li>
 *   <li>Sentences are {@link Sentences#of}'s: a line break ends one, and so does a full stop, question or
 *       exclamation mark before the next sentence, but not after an abbreviation ICU knows ("Mr.").</li>
 * </ul>
 *
 * Offsets are code points, end exclusive, like every offset Slant stores.
 */
public final class Tokenizer {

    /** One token: its text and code point offsets into the document text. */
    public record Token(String text, int start, int end) {
    }

    private Tokenizer() {
    }

    public static List<Token> tokens(String text) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(text);
        List<Token> tokens = new ArrayList<>();
        int codePoint = 0; // code point offset of from
        boolean afterWord = false; // the last token is a word, right before this segment
        boolean afterJoiner = false; // the last two tokens are a word and a hyphen, right before this segment
        int wordFrom = 0; // UTF-16 start of the last word token
        for (int from = words.first(), to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
            int length = text.codePointCount(from, to);
            boolean word = words.getRuleStatus() >= BreakIterator.WORD_NUMBER;
            if (isSpace(text, from, to)) {
                afterWord = false;
                afterJoiner = false;
            } else if (word && afterJoiner) {
                // word, hyphen, word with nothing between them: one token
                tokens.removeLast();
                Token first = tokens.removeLast();
                tokens.add(new Token(text.substring(wordFrom, to), first.start(), codePoint + length));
                afterWord = true;
                afterJoiner = false;
            } else {
                tokens.add(new Token(text.substring(from, to), codePoint, codePoint + length));
                afterJoiner = afterWord && isHyphen(text, from, to);
                afterWord = word;
                if (word) {
                    wordFrom = from;
                }
            }
            codePoint += length;
        }
        return tokens;
    }

    /** The tokens of each sentence of {@link Sentences#of}, in order; a token belongs to the sentence it starts in. */
    public static List<List<Token>> sentences(String text) {
        List<Token> tokens = tokens(text);
        List<Sentences.Sentence> bounds = Sentences.of(text);
        List<List<Token>> sentences = new ArrayList<>(bounds.size());
        List<Token> sentence = new ArrayList<>();
        int s = 0;
        for (Token token : tokens) {
            while (s < bounds.size() - 1 && token.start() >= bounds.get(s).end()) {
                s++;
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
            }
            sentence.add(token);
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        return sentences;
    }

    private static boolean isHyphen(String text, int from, int to) {
        char c = text.charAt(from);
        return to - from == 1 && (c == '-' || c == '\u2010' || c == '\u2011');
    }

    private static boolean isSpace(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
