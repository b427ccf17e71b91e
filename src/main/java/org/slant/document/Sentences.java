package org.slant.document;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a text's sentences begin and end: the one source of sentence boundaries, used by sentence labels,
 * their agreement and the browser (which is sent these ranges rather than finding its own). ICU4J's
 * sentence rules (Unicode UAX #29, with ICU's suppressions of abbreviations such as "Mr." for English),
 * so "Mr. Merz met U.S. envoys." stays one sentence. Paragraph breaks end a sentence too.
 *
 * <p>Offsets are code points, end exclusive; white space around a sentence is not part of it.
 */
public final class Sentences {

    /** One sentence: {@code text[start:end]} in code points. */
    public record Sentence(int start, int end) {

        public Sentence {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("A sentence needs 0 <= start < end, got " + start + "-" + end);
            }
        }

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** "ss=standard" turns on ICU's list of abbreviations that do not end a sentence ("Mr.", "Dr.", "p.m."). */
    private static final com.ibm.icu.util.ULocale WITH_ABBREVIATIONS = new com.ibm.icu.util.ULocale("en@ss=standard");

    private Sentences() {
    }

    /** The sentences of {@code text}, in order; none for a text of white space only. */
    public static List<Sentence> of(String text) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(WITH_ABBREVIATIONS);
        breaks.setText(text);
        CodePointIndex index = new CodePointIndex(text);
        List<Sentence> sentences = new ArrayList<>();
        int from = breaks.first();
        for (int to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
            addTrimmed(text, from, to, index, sentences);
        }
        return List.copyOf(sentences);
    }

    /** The sentence holding code point {@code offset}, or null when it falls between sentences. */
    public static Sentence at(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    private static void addTrimmed(String text, int from, int to, CodePointIndex index, List<Sentence> out) {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(text.codePointAt(a))) {
            a += Character.charCount(text.codePointAt(a));
        }
        while (b > a && Character.isWhitespace(text.codePointBefore(b))) {
            b -= Character.charCount(text.codePointBefore(b));
        }
        if (a < b) {
            out.add(new Sentence(index.toCodePoint(a), index.toCodePoint(b)));
        }
    }
}
