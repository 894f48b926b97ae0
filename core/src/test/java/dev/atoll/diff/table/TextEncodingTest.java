package dev.atoll.diff.table;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-at-a-time scans agree with byte-by-byte references wherever a non-ASCII byte or a line feed falls. */
class TextEncodingTest {
    private static final String[] PIECES = {"a", "bcdefgh", "12345678,", "\n", "é", "€", "😀", "\r\n"};

    @Test
    void utf8CheckAgreesWithTheJdkDecoder() {
        Random random = new Random(11);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = text(random);
            if (round % 2 == 1 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // often makes it invalid
            }
            assertThat(TextEncoding.isUtf8(bytes)).as("round %d", round).isEqualTo(decodes(bytes));
            // The one-pass check and count: -1 exactly when the text is not UTF-8, else its line feeds.
            int lineFeeds = 0;
            for (byte b : bytes) {
                lineFeeds += b == '\n' ? 1 : 0;
            }
            assertThat(TextEncoding.utf8LineFeeds(bytes, 0, bytes.length)).as("round %d", round)
                    .isEqualTo(decodes(bytes) ? lineFeeds : -1);
        }
    }

    @Test
    void aCharacterCutByTheEndIsLeftForTheNextChunk() {
        byte[] euro = "abcdefgh€".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.validPrefix(euro, 0, euro.length - 1)).isEqualTo(8);
        assertThat(TextEncoding.validPrefix(euro, 0, euro.length)).isEqualTo(euro.length);
    }

    @Test
    void lineFeedCountAgreesWithAByteLoop() {
        Random random = new Random(5);
        for (int round = 0; round < 1000; round++) {
            byte[] bytes = text(random);
            int offset = bytes.length == 0 ? 0 : random.nextInt(Math.min(bytes.length, 9));
            int expected = 0;
            for (int i = offset; i < bytes.length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertThat(TextEncoding.lineFeeds(bytes, offset)).isEqualTo(expected);
        }
    }

    /** Long texts: the counts summed over many words (the lanes are summed every 255 words) stay exact. */
    @Test
    void lineFeedCountsOfLongTextsAgreeWithAByteLoop() {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1000 + random.nextInt(20_000);
            for (int i = 0; i < pieces; i++) {
                text.append(round % 2 == 0 ? "\n" : PIECES[random.nextInt(PIECES.length)]); // even rounds: all line feeds
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int expected = 0;
            for (byte b : bytes) {
                expected += b == '\n' ? 1 : 0;
            }
            assertThat(TextEncoding.lineFeeds(bytes, 0)).as("round %d", round).isEqualTo(expected);
            assertThat(TextEncoding.utf8LineFeeds(bytes, 0, bytes.length)).as("round %d", round).isEqualTo(expected);
        }
    }

    private static byte[] text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
