package dev.atoll.diff.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A table held as one UTF-8 byte buffer plus field offsets, so that a million rows cost about one int
 * per cell instead of a {@code String} each; values are decoded only when a report needs them.
 * An empty field is a null.
 *
 * <p>Each cell's end is kept. Its start is kept too only where it cannot be worked out: in a row of
 * a delimited file whose fields are all unquoted, each field starts one byte (the delimiter) after
 * the one before ends, so such a row keeps just where it starts ({@code rowStarts}); a row with a
 * quoted or a missing field keeps its starts in {@code explicitStarts}, found through a negative
 * {@code rowStarts} entry. A table built from other buffers (spilled partitions) keeps every start.
 */
public final class Table {
    private final String source;
    private final String format;
    private final List<String> columns;
    private final byte[] data;
    /** Every cell's start, or null when they are kept compactly ({@link #rowStarts}, {@link #explicitStarts}). */
    private final int[] starts;
    /** Per row: where its first field starts, when every later field starts right after the previous one's end and a delimiter; else {@code -(k + 1)}, k the row's block in {@link #explicitStarts}. */
    private final int[] rowStarts;
    private final int[] explicitStarts;
    /** The delimiter a delimited file's rows were split at; 0 for other tables. */
    private final byte delimiter;
    private final int width;
    private final int[] ends;
    private final int[] lines;
    private final int rows;
    private final List<String> problems;

    /** A table that keeps every cell's start. */
    Table(String source, String format, List<String> columns, byte[] data, int[] starts, int[] ends,
          int[] lines, int rows, List<String> problems) {
        this(source, format, columns, data, starts, null, null, (byte) 0, ends, lines, rows, problems);
    }

    /** A table that keeps starts compactly: see the class comment. */
    static Table compact(String source, String format, List<String> columns, byte[] data, int[] rowStarts, int[] explicitStarts,
                         byte delimiter, int[] ends, int[] lines, int rows, List<String> problems) {
        return new Table(source, format, columns, data, null, rowStarts, explicitStarts, delimiter, ends, lines, rows, problems);
    }

    private Table(String source, String format, List<String> columns, byte[] data, int[] starts, int[] rowStarts,
                  int[] explicitStarts, byte delimiter, int[] ends, int[] lines, int rows, List<String> problems) {
        this.source = source;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.data = data;
        this.starts = starts;
        this.rowStarts = rowStarts;
        this.explicitStarts = explicitStarts;
        this.delimiter = delimiter;
        this.width = this.columns.size();
        this.ends = ends;
        this.lines = lines;
        this.rows = rows;
        this.problems = List.copyOf(problems);
    }

    /** Where cell {@code cell} (row {@code row}, column {@code col}) starts in {@link #data}. */
    private int start(int row, int col, int cell) {
        if (starts != null) {
            return starts[cell];
        }
        int rowStart = rowStarts[row];
        if (rowStart < 0) {
            return explicitStarts[(-rowStart - 1) * width + col];
        }
        return col == 0 ? rowStart : ends[cell - 1] + 1;
    }

    public String source() {
        return source;
    }

    /** How the file was read, e.g. {@code csv (delimiter ';', header, UTF-8 with BOM)}. */
    public String format() {
        return format;
    }

    public List<String> columns() {
        return columns;
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    public int rowCount() {
        return rows;
    }

    /** Problems met while reading (ragged rows with their line numbers); the rows are kept, padded or cut. */
    public List<String> problems() {
        return problems;
    }

    /** 1-based line of the file where the row starts. */
    public int line(int row) {
        return lines[row];
    }

    public boolean isNull(int row, int col) {
        int cell = row * width + col;
        return start(row, col, cell) == ends[cell];
    }

    public String value(int row, int col) {
        int cell = row * width + col;
        int start = start(row, col, cell);
        int end = ends[cell];
        return start == end ? null : new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    public String[] row(int row) {
        String[] values = new String[columns.size()];
        for (int col = 0; col < values.length; col++) {
            values[col] = value(row, col);
        }
        return values;
    }

    public int hash(int row, int col) {
        int cell = row * width + col;
        return Cells.hash(data, start(row, col, cell), ends[cell]);
    }

    /**
     * The cell's length in bytes (0 for a null); when it is at most 16, also its bytes as two
     * little-endian words in {@code words} (zero past the cell's end), so that short values hash and
     * compare as two words instead of byte by byte. One lookup of the cell for all of it.
     */
    public int shortKey(int row, int col, long[] words) {
        int cell = row * width + col;
        int start = start(row, col, cell);
        int length = ends[cell] - start;
        if (length <= 2 * Long.BYTES) {
            // No branch on the length: a branch that a column's first rows never take makes the
            // compiler drop its code, and compile the loop again when a later column takes it.
            words[0] = word(start, Math.min(Long.BYTES, length));
            words[1] = word(start + Long.BYTES, Math.max(0, length - Long.BYTES));
        }
        return length;
    }

    /** {@code n} (0 to 8) bytes from {@code start} as a little-endian long; {@code start} may lie past the data when n is 0. */
    private long word(int start, int n) {
        if (data.length < Long.BYTES) {
            long word = 0;
            for (int i = n - 1; i >= 0; i--) {
                word = word << 8 | (data[start + i] & 0xFF);
            }
            return word;
        }
        // One load of the eight bytes from start, or, near the end of the data, of the last eight
        // bytes shifted down to start (no branch: the end comes once per file, and a branch taken
        // only there would also cost a compilation); then the bytes past the cell masked off.
        int at = Math.min(start, data.length - Long.BYTES);
        long word = (long) TextEncoding.LONGS.get(data, at) >>> ((start - at) << 3);
        int half = n << 2; // two shifts by 4n bytes' bits: one by 64 would be no shift at all
        return word & ~((-1L << half) << half);
    }

    /** Whether a cell of {@code length} bytes whose {@link #shortKey} words are {@code words} is {@code true} or {@code false} in any letter case. */
    public static boolean booleanWord(int length, long[] words) {
        return Cells.booleanWord(length, words[0]);
    }

    /** Byte-wise equality of a cell here and a cell in {@code other}; both are UTF-8, so this is value equality. */
    public boolean sameValue(int row, int col, Table other, int otherRow, int otherCol) {
        int a = row * width + col;
        int b = otherRow * other.width + otherCol;
        int from = start(row, col, a);
        int length = ends[a] - from;
        int otherFrom = other.start(otherRow, otherCol, b);
        if (other.ends[b] - otherFrom != length) {
            return false;
        }
        if (length > 32) {
            return Arrays.equals(data, from, from + length, other.data, otherFrom, otherFrom + length);
        }
        // Most cells are short: a plain loop beats the vectorised stub's set-up.
        byte[] mine = data;
        byte[] theirs = other.data;
        for (int i = 0; i < length; i++) {
            if (mine[from + i] != theirs[otherFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a row here and a row of {@code other} with as many columns hold the same bytes with
     * their cells laid out alike: then each cell equals the other's; false only says that the cells
     * must be compared one by one.
     */
    public boolean sameRowBytes(int row, Table other, int otherRow) {
        if (other.width != width || width == 0) {
            return false;
        }
        int a = row * width;
        int b = otherRow * width;
        int base = start(row, 0, a);
        int end = ends[a + width - 1];
        int otherBase = other.start(otherRow, 0, b);
        if (delimiter != 0 && delimiter == other.delimiter && rowStarts[row] >= 0 && other.rowStarts[otherRow] >= 0) {
            // Two rows of unquoted fields split at the same delimiter: equal bytes split into equal cells.
            return other.ends[b + width - 1] - otherBase == end - base && sameBytes(data, base, other.data, otherBase, end - base);
        }
        int[] otherEnds = other.ends;
        for (int c = 0; c < width; c++) {
            int start = start(row, c, a + c);
            int cellEnd = ends[a + c];
            if (start < base || cellEnd > end || start - base != other.start(otherRow, c, b + c) - otherBase
                    || cellEnd - base != otherEnds[b + c] - otherBase) {
                return false;
            }
        }
        return Arrays.equals(data, base, end, other.data, otherBase, otherBase + (end - base));
    }

    /**
     * Whether {@code length} bytes from {@code from} in {@code a} equal those from {@code otherFrom} in
     * {@code b}, compared eight at a time: Arrays.equals reaches its vectorised loop through three
     * calls, which the JIT's first tier (the CLI's) does not inline, for rows of some sixty bytes.
     */
    private static boolean sameBytes(byte[] a, int from, byte[] b, int otherFrom, int length) {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            if ((long) TextEncoding.LONGS.get(a, from + i) != (long) TextEncoding.LONGS.get(b, otherFrom + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (a[from + i] != b[otherFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** Unsigned byte order of a cell here and a cell in {@code other} (code point order, as both are UTF-8); 0 only for equal values. */
    public int compareBytes(int row, int col, Table other, int otherRow, int otherCol) {
        int a = row * width + col;
        int b = otherRow * other.width + otherCol;
        return Arrays.compareUnsigned(data, start(row, col, a), ends[a], other.data, other.start(otherRow, otherCol, b), other.ends[b]);
    }

    /** Whether the cell holds exactly these bytes. */
    public boolean sameBytes(int row, int col, byte[] bytes) {
        int cell = row * width + col;
        return Arrays.equals(data, start(row, col, cell), ends[cell], bytes, 0, bytes.length);
    }

    /** Parses the cell as a number without allocating for plain decimals; NaN when it is not a number. */
    public double number(int row, int col) {
        int cell = row * width + col;
        return Numbers.parse(data, start(row, col, cell), ends[cell]);
    }
}
