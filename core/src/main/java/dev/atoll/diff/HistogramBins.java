package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.Arrays;

/** Fills a {@link Histogram}: equal-width bins over the range both sides span, values outside clamped to the end bins. */
final class HistogramBins {
    static final int BINS = 20;

    private final double min;
    private final double max;
    private final double width;
    private final long[] before = new long[BINS];
    private final long[] after = new long[BINS];

    HistogramBins(ColumnStats was, ColumnStats is) {
        this.min = Math.min(was.min(), is.min());
        this.max = Math.max(was.max(), is.max());
        this.width = (max - min) / BINS;
    }

    void addBefore(double value) {
        add(before, value);
    }

    void addAfter(double value) {
        add(after, value);
    }

    /** Every row's value in a column of the old table. */
    void addBefore(Table table, int col) {
        add(before, table, col);
    }

    void addAfter(Table table, int col) {
        add(after, table, col);
    }

    private void add(long[] counts, Table table, int col) {
        for (int r = 0; r < table.rowCount(); r++) {
            add(counts, table.number(r, col));
        }
    }

    private void add(long[] counts, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int bin = width == 0 ? 0 : (int) ((value - min) / width);
        counts[Math.min(BINS - 1, Math.max(0, bin))]++;
    }

    Histogram histogram() {
        return new Histogram(min, max, Arrays.stream(before).boxed().toList(), Arrays.stream(after).boxed().toList());
    }
}
