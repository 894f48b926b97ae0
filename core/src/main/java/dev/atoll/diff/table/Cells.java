package dev.atoll.diff.table;

/** What is computed on a cell's UTF-8 bytes, the same for a {@link Table} cell and a {@link StreamRow} cell. */
final class Cells {
    private Cells() {
    }

    /** A hash of the bytes; equal values hash equally whichever file or row they come from. */
    static int hash(byte[] data, int start, int end) {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    /** "true" and "false" as little-endian words, and the bits that make an ASCII letter lower case. */
    private static final long TRUE = 0x65757274L;
    private static final long FALSE = 0x65736c6166L;
    private static final long LOWER_CASE = 0x2020202020L;

    /** The same for a value of {@code length} bytes held in {@code word} (little-endian, zero past its end). */
    static boolean booleanWord(int length, long word) {
        long lower = word | (LOWER_CASE >>> ((5 - length) << 3));
        return (length == 4 && lower == TRUE) | (length == 5 && lower == FALSE);
    }

    /** {@code true} or {@code false} in any letter case. */
    static boolean booleanWord(byte[] data, int start, int end) {
        int length = end - start;
        if (length != 4 && length != 5) {
            return false;
        }
        String word = length == 4 ? "true" : "false";
        for (int i = 0; i < length; i++) {
            if ((data[start + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
