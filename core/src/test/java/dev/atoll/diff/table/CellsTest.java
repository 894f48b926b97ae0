package dev.atoll.diff.table;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell's boolean test on its bytes and on its short-key word agree. */
class CellsTest {
    @Test
    void booleanWordOnBytesAndOnTheWordAgree() {
        List<String> values = List.of("true", "TRUE", "tRuE", "false", "FALSE", "False", "tru", "fals", "truee", "falsey",
                "t rue", "1", "yes", "", "TRUe ", "0true", "false\u00e9", "\u00f4rue", "tr\u00dc");
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            long word = 0;
            for (int i = Math.min(bytes.length, Long.BYTES) - 1; i >= 0; i--) {
                word = word << 8 | (bytes[i] & 0xFF);
            }
            boolean expected = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            assertThat(Cells.booleanWord(bytes, 0, bytes.length)).as(value).isEqualTo(expected);
            assertThat(Cells.booleanWord(bytes.length, word)).as(value).isEqualTo(expected);
        }
    }
}
