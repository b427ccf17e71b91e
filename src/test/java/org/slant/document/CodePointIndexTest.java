package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CodePointIndexTest {

    @Test
    void asciiOffsetsAreTheSameInBothUnits() {
        String text = "Trump HUMILIATED the nation";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.codePointLength()).isEqualTo(text.length());
        assertThat(index.utf16Length()).isEqualTo(text.length());
        for (int i = 0; i <= text.length(); i++) {
            assertThat(index.toUtf16(i)).isEqualTo(i);
            assertThat(index.toCodePoint(i)).isEqualTo(i);
        }
        assertThat(index.slice(text, 6, 16)).isEqualTo("HUMILIATED");
    }

    @Test
    void emojiWithSkinToneBeforeASpanCountsAsTwoCodePoints() {
        String text = "👍🏽 great deal";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(text.length()).isEqualTo(15);
        assertThat(index.codePointLength()).isEqualTo(13);
        assertThat(index.toUtf16(2)).isEqualTo(4);
        assertThat(index.toCodePoint(4)).isEqualTo(2);
        assertThat(index.slice(text, 3, 8)).isEqualTo("great");
        assertThat(index.slice(text, 0, 2)).isEqualTo("👍🏽");
        assertThat(index.slice(text, 1, 2)).isEqualTo("🏽");
    }

    @Test
    void mathematicalLettersInsideASpanAreSlicedWhole() {
        String text = "the 𝔘𝔫𝔦 summit";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.codePointLength()).isEqualTo(14);
        assertThat(index.slice(text, 4, 7)).isEqualTo("𝔘𝔫𝔦");
        assertThat(index.slice(text, 5, 6)).isEqualTo("𝔫");
        assertThat(index.slice(text, 8, 14)).isEqualTo("summit");
        assertThat(index.toUtf16(8)).isEqualTo(11);
    }

    @Test
    void egyptianHieroglyphIsOneCodePoint() {
        String text = "𓀀x𓀀";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.codePointLength()).isEqualTo(3);
        assertThat(index.toUtf16(1)).isEqualTo(2);
        assertThat(index.toUtf16(2)).isEqualTo(3);
        assertThat(index.toUtf16(3)).isEqualTo(5);
        assertThat(index.slice(text, 1, 2)).isEqualTo("x");
    }

    @Test
    void combiningMarksAreCodePointsOfTheirOwn() {
        String text = "cafe\u0301 ole\u0301";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.codePointLength()).isEqualTo(text.length());
        assertThat(index.slice(text, 0, 5)).isEqualTo("cafe\u0301");
        assertThat(index.slice(text, 6, 10)).isEqualTo("ole\u0301");
    }

    @Test
    void offsetBetweenTheHalvesOfASurrogatePairSnapsToTheEndOfThatCharacter() {
        String text = "a😀b𝔘";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.toCodePoint(1)).isEqualTo(1);
        assertThat(index.toCodePoint(2)).isEqualTo(2); // inside 😀
        assertThat(index.toCodePoint(3)).isEqualTo(2);
        assertThat(index.toCodePoint(4)).isEqualTo(3);
        assertThat(index.toCodePoint(5)).isEqualTo(4); // inside 𝔘, at the end of the text
        assertThat(index.toCodePoint(6)).isEqualTo(4);
    }

    @Test
    void outOfRangeOffsetsThrow() {
        String text = "a😀b";
        CodePointIndex index = new CodePointIndex(text);

        assertThatThrownBy(() -> index.toUtf16(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> index.toUtf16(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4").hasMessageContaining("0..3");
        assertThatThrownBy(() -> index.toCodePoint(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> index.toCodePoint(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> index.slice(text, 0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyTextHasOnlyOffsetZero() {
        CodePointIndex index = new CodePointIndex("");

        assertThat(index.codePointLength()).isZero();
        assertThat(index.toUtf16(0)).isZero();
        assertThat(index.toCodePoint(0)).isZero();
        assertThatThrownBy(() -> index.toUtf16(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void loneSurrogatesCountAsOneCodePointEachLikeJavaDoes() {
        String text = "a\uD800b\uDC00c";
        CodePointIndex index = new CodePointIndex(text);

        assertThat(index.codePointLength()).isEqualTo(text.codePointCount(0, text.length()));
        for (int cp = 0; cp <= index.codePointLength(); cp++) {
            assertThat(index.toUtf16(cp)).isEqualTo(text.offsetByCodePoints(0, cp));
        }
    }

    @Test
    void roundTripsEveryOffsetOfRandomMixedTexts() {
        Random random = new Random(20250816L);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random, random.nextInt(300));
            CodePointIndex index = new CodePointIndex(text);
            int length = text.codePointCount(0, text.length());
            assertThat(index.codePointLength()).as("length of %s", text).isEqualTo(length);

            for (int cp = 0; cp <= length; cp++) {
                int utf16 = index.toUtf16(cp);
                assertThat(utf16).as("toUtf16(%d) of %s", cp, text).isEqualTo(text.offsetByCodePoints(0, cp));
                assertThat(index.toCodePoint(utf16)).isEqualTo(cp);
            }
            for (int utf16 = 0; utf16 <= text.length(); utf16++) {
                boolean insidePair = utf16 > 0 && utf16 < text.length()
                        && Character.isHighSurrogate(text.charAt(utf16 - 1)) && Character.isLowSurrogate(text.charAt(utf16));
                int cp = index.toCodePoint(utf16);
                if (insidePair) {
                    assertThat(cp).isEqualTo(text.codePointCount(0, utf16 + 1));
                    assertThat(index.toUtf16(cp)).isEqualTo(utf16 + 1);
                } else {
                    assertThat(cp).isEqualTo(text.codePointCount(0, utf16));
                    assertThat(index.toUtf16(cp)).isEqualTo(utf16);
                }
            }
            if (length >= 2) {
                int a = random.nextInt(length);
                int b = a + random.nextInt(length - a + 1);
                String expected = new String(text.codePoints().skip(a).limit(b - a).toArray(), 0, b - a);
                assertThat(index.slice(text, a, b)).isEqualTo(expected);
            }
        }
    }

    private static final int[] ALPHABET = {
        'a', 'Z', ' ', '\n', '’', 'é', 0x0301, 'П', 'ש', '中', 0x1F44D, 0x1F3FD, 0x1F525, 0x1D518, 0x1D52B, 0x13000, 0x1F600
    };

    private static String randomText(Random random, int codePoints) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
