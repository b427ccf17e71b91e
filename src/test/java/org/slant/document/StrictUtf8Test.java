package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void validTextIsReturnedWithEmojiAndByteOrderMark() {
        assertThat(StrictUtf8.decode("\uFEFFZoë 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("\uFEFFZoë 😀");
        assertThat(StrictUtf8.decode(new byte[0])).isEmpty();
    }

    @Test
    void theFirstBadByteIsNamedWithItsPositionAndLineEvenAfterMultiByteCharacters() {
        // "é" is two bytes; the bad 0xFF comes after it on line 2 (a prefix search would blame the é)
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 'b'};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes)).isInstanceOfSatisfying(StrictUtf8.Malformed.class, e -> {
            assertThat(e.offset()).isEqualTo(4);
            assertThat(e.value()).isEqualTo(0xFF);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).isEqualTo("not valid UTF-8: bad byte 0xFF at byte 4 (line 2)");
        });
    }

    @Test
    void aSequenceCutShortAtTheEndIsBadToo() {
        byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes)).isInstanceOfSatisfying(StrictUtf8.Malformed.class,
                e -> assertThat(e.offset()).isEqualTo(2));
    }

    @Test
    void zeroBytesMarkABinaryFileWithinTheProbe() {
        assertThat(StrictUtf8.zeroByte(new byte[] {'a', 0}, 10)).isEqualTo(1);
        assertThat(StrictUtf8.zeroByte(new byte[] {'a', 'b', 0}, 2)).isEqualTo(-1);
    }
}
