package dev.atoll.diff.table;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells read back the same whether a row's starts are worked out (all fields unquoted) or kept (quoted, ragged). */
class TableStorageTest {

    private static Table csv(String text) {
        return TableReader.readDelimited("t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfRowReadsBackItsCells() {
        Table table = csv("a,b,c\n"
                + "1,xy,z\n"            // regular: starts worked out
                + "\"2\",\"x,y\",z\n"   // quoted fields: starts kept
                + "3,\"say \"\"hi\"\"\",\n" // doubled quotes, then an empty last field
                + "4\n"                 // short: padded with empty cells
                + "5,p,q,extra\n"       // long: cut
                + ",,\n"                // all empty
                + "6,é,ü\n");           // multi-byte, regular
        String[][] expected = {
                {"1", "xy", "z"}, {"2", "x,y", "z"}, {"3", "say \"hi\"", null}, {"4", null, null}, {"5", "p", "q"},
                {null, null, null}, {"6", "é", "ü"}};
        assertThat(table.rowCount()).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(table.row(r)).as("row %d", r).containsExactly(expected[r]);
            for (int c = 0; c < 3; c++) {
                assertThat(table.isNull(r, c)).isEqualTo(expected[r][c] == null);
                int length = expected[r][c] == null ? 0 : expected[r][c].getBytes(StandardCharsets.UTF_8).length;
                assertThat(table.shortKey(r, c, new long[2])).isEqualTo(length);
            }
        }
        assertThat(table.number(0, 0)).isEqualTo(1.0);
        assertThat(table.number(1, 0)).isEqualTo(2.0);
        long[] words = new long[2];
        assertThat(table.shortKey(1, 1, words)).isEqualTo(3);
        assertThat(words).containsExactly('x' | ',' << 8 | 'y' << 16, 0);
        assertThat(table.shortKey(2, 1, words)).isEqualTo(8);
        assertThat(words[0]).isEqualTo(0x2269682220796173L); // "say \"hi\"" little-endian
    }

    /** A short value's words hold its bytes wherever it sits: the first cell, the last bytes of the file, a file under eight bytes. */
    @Test
    void shortKeyWordsHoldTheCellsBytesWhereverItSits() {
        String sixteen = "abcdefghijklmnop";
        for (int length = 1; length <= 16; length++) {
            String value = sixteen.substring(0, length);
            for (String text : new String[]{"v\n" + value, "v\n" + value + "\n", "v\n" + value + "\nzz\n"}) {
                Table table = csv(text);
                long[] words = {-1, -1};
                assertThat(table.shortKey(0, 0, words)).as(text).isEqualTo(length);
                assertThat(words).as(text).containsExactly(littleEndian(value, 0), littleEndian(value, 8));
            }
        }
    }

    private static long littleEndian(String value, int from) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long word = 0;
        for (int i = Math.min(bytes.length, from + 8) - 1; i >= from; i--) {
            word = word << 8 | (bytes[i] & 0xFF);
        }
        return word;
    }

    /** Equal rows with the same layout compare as equal bytes; a quoted copy of a row is a different layout, not a different row. */
    @Test
    void rowsCompareByBytesOnlyWhenLaidOutAlike() {
        Table before = csv("a,b\n1,xy\n2,zz\n");
        Table after = csv("a,b\n\"1\",xy\n2,zz\n");
        assertThat(after.sameRowBytes(1, before, 1)).isTrue();
        assertThat(after.sameRowBytes(0, before, 0)).isFalse();
        assertThat(after.sameValue(0, 0, before, 0, 0)).isTrue();
        assertThat(Arrays.asList(after.row(0))).isEqualTo(Arrays.asList(before.row(0)));
    }

    /** Rows of every length up to 24 bytes: equal bytes are the same row; a change in any byte, or in the length, is not. */
    @Test
    void rowsOfAnyLengthCompareByEveryByte() {
        String letters = "abcdefghijklmnopqrstuvwx";
        for (int length = 1; length <= letters.length(); length++) {
            String row = letters.substring(0, length);
            Table table = csv("v\n" + row + "\n" + row + "\n" + row + "z\n");
            assertThat(table.sameRowBytes(0, table, 1)).as(row).isTrue();
            assertThat(table.sameRowBytes(0, table, 2)).as(row).isFalse();
            for (int at = 0; at < length; at++) {
                String changed = row.substring(0, at) + "_" + row.substring(at + 1);
                Table other = csv("v\n" + changed + "\n");
                assertThat(table.sameRowBytes(0, other, 0)).as("%s vs %s", row, changed).isFalse();
            }
        }
    }

    /** The same bytes split at another delimiter are other cells: rows compare by bytes only within one delimiter. */
    @Test
    void equalBytesSplitAtAnotherDelimiterAreNotTheSameRow() {
        Table commas = csv("x,y\na,b;c\nd,e;f\n");
        Table semicolons = csv("x;y\na,b;c\nd,e;f\n");
        assertThat(commas.row(0)).containsExactly("a", "b;c");
        assertThat(semicolons.row(0)).containsExactly("a,b", "c");
        assertThat(commas.sameRowBytes(0, semicolons, 0)).isFalse();
        assertThat(commas.sameRowBytes(0, commas, 0)).isTrue();
    }
}
