package dev.atoll.diff.table;

import java.util.Arrays;
import java.util.List;

/** Collects rows as field offsets into one byte buffer; rows with the wrong width are kept (padded or cut) and reported. */
final class TableBuilder {
    private final String source;
    private final List<String> columns;
    private final int width;
    private byte[] data;
    private int dataLength;
    /** See {@link Table}: where each row starts, or -(k + 1) for a row whose starts are block k of {@link #explicitStarts}. */
    private int[] rowStarts;
    private int[] explicitStarts;
    private int explicitRows;
    private int[] ends;
    private int[] lines;
    private int rows;
    private final ReadProblems problems;
    private final RowsObserver observer;
    /** The delimiter the rows come split at, or 0 when they do not come from a delimited file. */
    private byte delimiter;
    private String format = "";
    /** Rows the observer has seen. */
    private int observed;

    TableBuilder(String source, List<String> columns, byte[] data, int used, int expectedRows) {
        this(source, columns, data, used, expectedRows, RowsObserver.NONE);
    }

    TableBuilder(String source, List<String> columns, byte[] data, int used, int expectedRows, RowsObserver observer) {
        this.source = source;
        this.columns = columns;
        this.width = Math.max(1, columns.size());
        this.data = data;
        this.dataLength = used;
        int capacity = Math.max(16, expectedRows);
        this.rowStarts = new int[capacity];
        this.explicitStarts = new int[16 * width];
        this.ends = new int[capacity * width];
        this.lines = new int[capacity];
        this.problems = new ReadProblems(source);
        this.observer = observer;
        observer.start(columns, expectedRows);
    }

    /** Appends bytes to the buffer (for sources that are not one file buffer) and returns their offset. */
    int append(byte[] bytes) {
        return append(bytes, 0, bytes.length);
    }

    int append(byte[] bytes, int from, int to) {
        int length = to - from;
        if (dataLength + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + length + 1024));
        }
        System.arraycopy(bytes, from, data, dataLength, length);
        int offset = dataLength;
        dataLength += length;
        return offset;
    }

    void add(int[] fieldStarts, int[] fieldEnds, int count, int line) {
        if (rows == lines.length) {
            int capacity = rows * 2;
            rowStarts = Arrays.copyOf(rowStarts, capacity);
            ends = Arrays.copyOf(ends, capacity * width);
            lines = Arrays.copyOf(lines, capacity);
        }
        if (count != width) {
            problems.ragged(line, count, width);
        }
        int base = rows * width;
        int n = Math.min(count, width);
        System.arraycopy(fieldEnds, 0, ends, base, n);
        for (int col = n; col < width; col++) {
            ends[base + col] = 0;
        }
        boolean regular = count == width && count > 0;
        for (int col = 1; col < n && regular; col++) {
            regular = fieldStarts[col] == fieldEnds[col - 1] + 1;
        }
        if (regular) {
            rowStarts[rows] = fieldStarts[0];
        } else {
            if ((explicitRows + 1) * width > explicitStarts.length) {
                explicitStarts = Arrays.copyOf(explicitStarts, Math.max(explicitStarts.length * 2, (explicitRows + 1) * width));
            }
            int at = explicitRows * width;
            System.arraycopy(fieldStarts, 0, explicitStarts, at, n);
            for (int col = n; col < width; col++) {
                explicitStarts[at + col] = 0;
            }
            rowStarts[rows] = -(++explicitRows);
        }
        lines[rows++] = line;
        if (rows - observed == RowsObserver.RANGE && observer != RowsObserver.NONE) {
            observe();
        }
    }

    /** Shows the rows not yet seen to the observer, in a table of the rows so far. */
    private void observe() {
        observer.rows(Table.compact(source, format, columns, data, rowStarts, explicitStarts, delimiter, ends, lines, rows, List.of()), observed, rows);
        observed = rows;
    }

    /** Says that the rows come from a delimited file split at {@code delimiter} (rows of unquoted fields then compare by their bytes). */
    TableBuilder delimitedBy(byte delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    void problem(String message) {
        problems.add(message);
    }

    int rows() {
        return rows;
    }

    Table build(String format) {
        this.format = format;
        if (observed < rows) {
            observe();
        }
        return Table.compact(source, format, columns, data, rowStarts, explicitStarts, delimiter, ends, lines, rows, problems.list());
    }
}
