package org.slant.annotation;

import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.Scheme;

/** The checks a span must pass against its document and label set, and selection clean-up. */
public final class SpanRules {

    private SpanRules() {
    }

    /** Refuses, with a message saying which and why, a span that does not fit the document or labels. */
    public static void check(Span span, Document document, CodePointIndex index, Scheme labels) {
        int length = index.codePointLength();
        if (span.end() > length) {
            throw new SpanRejectedException("Span " + span.id() + " ends at " + span.end()
                    + ", past the end of \"" + document.title() + "\" (" + length + " characters)");
        }
        if (!labels.contains(span.label())) {
            throw new SpanRejectedException("Span " + span.id() + " has unknown label \"" + span.label()
                    + "\"; known labels: " + labels.labels().stream().map(l -> l.id()).toList());
        }
        String actual = index.slice(document.text(), span.start(), span.end());
        if (!actual.equals(span.text())) {
            throw new SpanRejectedException("Span " + span.id() + " (" + span.start() + "-" + span.end()
                    + ") says it covers \"" + abbreviate(span.text()) + "\" but the document has \""
                    + abbreviate(actual) + "\" there");
        }
    }

    /**
     * Cleans up a raw selection (code point offsets): trims white space at both ends and, when
     * {@code snapToWords} is set, widens each end that cuts through a word to the word's edge.
     *
     * @return {start, end}; start == end when nothing but white space was selected
     */
    public static int[] tidySelection(String text, CodePointIndex index, int start, int end, boolean snapToWords) {
        int length = index.codePointLength();
        if (start < 0 || end > length || start > end) {
            throw new SpanRejectedException("Selection " + start + "-" + end + " is outside the text (0-" + length + ")");
        }
        int[] cps = text.codePoints().skip(start).limit(end - start).toArray();
        int a = 0;
        int b = cps.length;
        while (a < b && isSpace(cps[a])) {
            a++;
        }
        while (b > a && isSpace(cps[b - 1])) {
            b--;
        }
        int s = start + a;
        int e = start + b;
        if (s < e && snapToWords) {
            if (s > 0 && isWordAt(text, index, s) && isWordAt(text, index, s - 1)) {
                while (s > 0 && isWordAt(text, index, s - 1)) {
                    s--;
                }
            }
            if (e < length && isWordAt(text, index, e - 1) && isWordAt(text, index, e)) {
                while (e < length && isWordAt(text, index, e)) {
                    e++;
                }
            }
        }
        return new int[] {s, e};
    }

    private static int codePointAt(String text, CodePointIndex index, int cp) {
        return text.codePointAt(index.toUtf16(cp));
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * Letters, digits, combining marks and in-word apostrophes (Russia’s) are part of a word; an
     * apostrophe next to a space or punctuation is a quote mark ('peace'), not part of the word.
     */
    private static boolean isWordAt(String text, CodePointIndex index, int cp) {
        int c = codePointAt(text, index, cp);
        if (c == '\'' || c == '\u2019') {
            return cp > 0 && cp + 1 < index.codePointLength()
                    && isWordChar(codePointAt(text, index, cp - 1)) && isWordChar(codePointAt(text, index, cp + 1));
        }
        return isWordChar(c);
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
