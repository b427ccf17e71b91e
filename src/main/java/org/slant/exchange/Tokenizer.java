package org.slant.exchange;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into sentences of tokens for the CoNLL export. Works on grapheme clusters, so an
 * emoji with a skin-tone modifier, a letter with combining accents or an Arabic letter with its
 * vowel marks is never cut in two.
 *
 * <ul>
 *   <li>A <em>word</em> is a run of clusters that start with a letter, digit or mark; an apostrophe
 *       (' or ’) or hyphen between two such clusters stays inside the word ("Russia’s", "high-stakes").</li>
 *   <li>Every other cluster that is not white space (punctuation, symbols, emoji) is a token of its own.</li>
 *   <li>White space separates tokens and is never part of one.</li>
 *   <li>A sentence ends at a line break and after a token . ! ? or … followed by white space.
 *       There is no abbreviation list, so "U.S. officials" ends a sentence after "U.S.".</li>
 * </ul>
 *
 * Offsets are code points, end exclusive, like every offset Slant stores.
 */
public final class Tokenizer {

    /** One token: its text and code point offsets into the document text. */
    public record Token(String text, int start, int end) {
    }

    private enum Kind { WORD, JOINER, SPACE, BREAK, OTHER }

    private Tokenizer() {
    }

    public static List<Token> tokens(String text) {
        return sentences(text).stream().flatMap(List::stream).toList();
    }

    public static List<List<Token>> sentences(String text) {
        // 1. grapheme clusters with their kind
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(text);
        List<int[]> bounds = new ArrayList<>(); // utf16 start, utf16 end
        List<Kind> kinds = new ArrayList<>();
        for (int start = clusters.first(), end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            bounds.add(new int[] {start, end});
            kinds.add(kindOf(text, start, end));
        }

        List<List<Token>> sentences = new ArrayList<>();
        List<Token> sentence = new ArrayList<>();
        int codePoint = 0; // code point offset of cluster i
        int i = 0;
        while (i < kinds.size()) {
            Kind kind = kinds.get(i);
            if (kind == Kind.SPACE || kind == Kind.BREAK) {
                boolean lineBreak = false;
                while (i < kinds.size() && (kinds.get(i) == Kind.SPACE || kinds.get(i) == Kind.BREAK)) {
                    lineBreak |= kinds.get(i) == Kind.BREAK;
                    codePoint += codePoints(text, bounds.get(i));
                    i++;
                }
                if (!sentence.isEmpty() && (lineBreak || endsSentence(sentence.getLast()))) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
                continue;
            }
            int first = i;
            int startCodePoint = codePoint;
            if (kind == Kind.WORD) {
                // a word, with joiners only between two word clusters
                do {
                    codePoint += codePoints(text, bounds.get(i));
                    i++;
                } while (i < kinds.size() && (kinds.get(i) == Kind.WORD
                        || (kinds.get(i) == Kind.JOINER && i + 1 < kinds.size() && kinds.get(i + 1) == Kind.WORD)));
            } else {
                codePoint += codePoints(text, bounds.get(i));
                i++;
            }
            sentence.add(new Token(text.substring(bounds.get(first)[0], bounds.get(i - 1)[1]), startCodePoint, codePoint));
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        return sentences;
    }

    private static boolean endsSentence(Token token) {
        return switch (token.text()) {
            case ".", "!", "?", "…" -> true;
            default -> false;
        };
    }

    private static int codePoints(String text, int[] bound) {
        return text.codePointCount(bound[0], bound[1]);
    }

    private static Kind kindOf(String text, int start, int end) {
        int cp = text.codePointAt(start);
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return Kind.BREAK;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return Kind.SPACE;
        }
        if (Character.isLetterOrDigit(cp)) {
            return Kind.WORD;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return Kind.WORD;
        }
        if (end - start == 1 && (cp == '\'' || cp == '’' || cp == '-' || cp == '‐' || cp == '‑')) {
            return Kind.JOINER;
        }
        return Kind.OTHER;
    }
}
