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
