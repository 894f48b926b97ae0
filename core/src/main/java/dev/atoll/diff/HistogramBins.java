package dev.atoll.diff;

import java.util.Arrays;

/** Fills a {@link Histogram}: equal-width bins over the range both sides span, values outside clamped to the end bins. */
final class HistogramBins {
    static final int BINS = 20;

    private final double min;
    private final double max;
    /** Bins per unit of value: one multiplication a value instead of a division (0 when all values are equal). */
    private final double scale;
    private final long[] before = new long[BINS];
    private final long[] after = new long[BINS];

    HistogramBins(ColumnStats was, ColumnStats is) {
        this.min = Math.min(was.min(), is.min());
        this.max = Math.max(was.max(), is.max());
        this.scale = max == min ? 0 : BINS / (max - min);
    }

    void addBefore(double value) {
        add(before, value);
    }

    void addAfter(double value) {
        add(after, value);
    }

    /** A column's numbers on the old side (NaN, for an empty cell, is left out). */
    void addBefore(double[] values) {
        add(before, values);
    }

    void addAfter(double[] values) {
        add(after, values);
    }

    private void add(long[] counts, double[] values) {
        // add(counts, value) written out over locals: a call and field loads a value otherwise, for millions of values.
        double min = this.min;
        double scale = this.scale;
        for (double value : values) {
            if (value == value) { // not NaN
                int bin = (int) ((value - min) * scale);
                counts[bin < 0 ? 0 : bin >= BINS ? BINS - 1 : bin]++;
            }
        }
    }

    private void add(long[] counts, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int bin = (int) ((value - min) * scale);
        counts[Math.min(BINS - 1, Math.max(0, bin))]++;
    }

    Histogram histogram() {
        return new Histogram(min, max, Arrays.stream(before).boxed().toList(), Arrays.stream(after).boxed().toList());
    }
}
