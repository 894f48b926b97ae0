package dev.atoll.diff;

import dev.atoll.diff.table.StreamRow;

import java.util.List;

/**
 * A column's statistics gathered row by row, for a file read as a stream: the same type rule,
 * numbers ({@link NumericMoments}, so the same floating-point results) and fingerprint as
 * {@link ColumnProfile}; top values of a non-numeric column come from {@link TopValues}, whose
 * exact counts need a second pass over the rows.
 */
final class ColumnAccumulator {
    static final int TRACKED_VALUES = 1024;

    private long count;
    private long nulls;
    private boolean numeric = true;
    private final NumericMoments moments = new NumericMoments();
    private boolean bool = true;
    private long fingerprint;
    private TopValues top;

    void add(StreamRow row, int col) {
        if (row.isNull(col)) {
            nulls++;
            return;
        }
        count++;
        int hash = row.hash(col);
        fingerprint += ColumnProfile.mix(hash);
        if (numeric) {
            double v = row.number(col);
            if (Double.isNaN(v)) {
                numeric = false;
                top = new TopValues(TRACKED_VALUES);
                top.skip(count - 1);
            } else {
                moments.add(v);
            }
        }
        if (bool) {
            bool = row.booleanWord(col);
        }
        if (!numeric) {
            top.offer(row, col, hash);
        }
    }

    long fingerprint() {
        return fingerprint;
    }

    ColumnType type() {
        if (count == 0) {
            return ColumnType.EMPTY;
        }
        if (numeric) {
            return moments.type();
        }
        return bool ? ColumnType.BOOLEAN : ColumnType.TEXT;
    }

    /** The tracked values of a non-numeric column, to be counted exactly in the second pass; null for other columns. */
    TopValues topValues() {
        return type() == ColumnType.BOOLEAN || type() == ColumnType.TEXT ? top : null;
    }

    /** The statistics; for a non-numeric column after the second pass has counted {@link #topValues()}. */
    ColumnStats stats() {
        ColumnType type = type();
        return switch (type) {
            case EMPTY -> new ColumnStats(0, nulls, type, null, null, null, null, List.of());
            case INTEGER, DECIMAL -> moments.stats(nulls);
            case BOOLEAN, TEXT -> new ColumnStats(count, nulls, type, null, null, null, null, top.top(ColumnProfile.TOP));
        };
    }
}
