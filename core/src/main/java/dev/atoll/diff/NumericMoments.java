package dev.atoll.diff;

import java.util.List;

/**
 * Count, range, mean and standard deviation of a column's numbers in one pass (Welford's update).
 * The in-memory ({@link ColumnProfile}) and the streamed ({@link ColumnAccumulator}) statistics both
 * use it, so that the same numbers in the same order give the same floating-point results.
 */
final class NumericMoments {
    private long count;
    private boolean integral = true;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    /**
     * Adds a number (never NaN). Plain comparisons rather than Math.rint, min and max, which the JIT's
     * first tier makes calls: so a -0 and a 0 keep whichever came first as the minimum.
     */
    void add(double v) {
        count++;
        integral &= v == (long) v || Math.abs(v) >= 0x1p52; // every double from 2^52 up is whole
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        double delta = v - mean;
        mean += delta / count;
        m2 += delta * (v - mean);
    }

    long count() {
        return count;
    }

    /** INTEGER when every number is whole, else DECIMAL. */
    ColumnType type() {
        return integral ? ColumnType.INTEGER : ColumnType.DECIMAL;
    }

    /** The statistics of a numeric column with at least one number. */
    ColumnStats stats(long nulls) {
        return new ColumnStats(count, nulls, type(), min, max, mean, Math.sqrt(m2 / count), List.of());
    }
}
