package dev.atoll.diff.table;

import java.nio.charset.StandardCharsets;

/**
 * One row of a {@link TableStream}, valid only during the call that receives it: the cells are byte
 * ranges of the stream's buffer, exactly as wide as the header (a ragged row is padded with empty
 * cells or cut). An empty cell is a null.
 */
public final class StreamRow {
    private final int width;
    private final int[] starts;
    private final int[] ends;
    private byte[] data;
    private int line;

    StreamRow(int width) {
        this.width = width;
        this.starts = new int[width];
        this.ends = new int[width];
    }

    /** Points this row at a parsed record; fields beyond the width are ignored, missing ones are empty. */
    void set(byte[] data, int[] fieldStarts, int[] fieldEnds, int count, int line) {
        this.data = data;
        this.line = line;
        int n = Math.min(count, width);
        System.arraycopy(fieldStarts, 0, starts, 0, n);
        System.arraycopy(fieldEnds, 0, ends, 0, n);
        for (int col = n; col < width; col++) {
            starts[col] = 0;
            ends[col] = 0;
        }
    }

    public int width() {
        return width;
    }

    /** 1-based line of the file where the row starts. */
    public int line() {
        return line;
    }

    public boolean isNull(int col) {
        return starts[col] == ends[col];
    }

    /** The same hash {@link Table#hash} gives an equal value. */
    public int hash(int col) {
        return Cells.hash(data, starts[col], ends[col]);
    }

    /** The number in the cell, NaN when it is not one; as {@link Table#number}. */
    public double number(int col) {
        return Numbers.parse(data, starts[col], ends[col]);
    }

    public boolean booleanWord(int col) {
        return Cells.booleanWord(data, starts[col], ends[col]);
    }

    public String value(int col) {
        return isNull(col) ? null : new String(data, starts[col], ends[col] - starts[col], StandardCharsets.UTF_8);
    }

    /** Whether the cell holds exactly {@code bytes[from, to)}. */
    public boolean sameBytes(int col, byte[] bytes, int from, int to) {
        int length = ends[col] - starts[col];
        return to - from == length && java.util.Arrays.equals(data, starts[col], ends[col], bytes, from, to);
    }

    /** The cell's bytes as a new array. */
    public byte[] bytes(int col) {
        return java.util.Arrays.copyOfRange(data, starts[col], ends[col]);
    }

    byte[] data() {
        return data;
    }

    int start(int col) {
        return starts[col];
    }

    int end(int col) {
        return ends[col];
    }
}
