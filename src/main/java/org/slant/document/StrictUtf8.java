package org.slant.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for everything people upload (articles, annotation files, class lists): a wrong byte is
 * reported with where it is, instead of silently becoming U+FFFD (which would shift offsets, or turn
 * "Zoë" from a Latin-1 spreadsheet into "Zo�").
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The first byte that is not UTF-8: its position, value and (1-based) line. */
    public static final class Malformed extends IllegalArgumentException {
        private final int offset;
        private final int value;
        private final int line;

        Malformed(int offset, int value, int line) {
            super("not valid UTF-8: bad byte 0x" + String.format("%02X", value) + " at byte " + offset + " (line " + line + ")");
            this.offset = offset;
            this.value = value;
            this.line = line;
        }

        public int offset() {
            return offset;
        }

        public int value() {
            return value;
        }

        public int line() {
            return line;
        }
    }

    /** The text, or {@link Malformed} naming the first bad byte. A byte order mark is kept. */
    public static String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder().decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position(); // the decoder stops at the first byte of the bad sequence
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Malformed(bad, bad < bytes.length ? bytes[bad] & 0xFF : 0, line);
        }
    }

    /** The position of the first zero byte within the first {@code probe} bytes, or -1: text files have none. */
    public static int zeroByte(byte[] bytes, int probe) {
        for (int i = 0; i < Math.min(bytes.length, probe); i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static java.nio.charset.CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
