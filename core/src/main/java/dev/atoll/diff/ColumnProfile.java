package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.List;

/**
 * A column's statistics (built by {@link ColumnProfiler}), with the numbers of a numeric column,
 * which histograms and the key merge read again; and, on demand, an order-free fingerprint of its
 * values, which finds renamed columns in keyless diffs.
 */
final class ColumnProfile {
    static final int TOP = 5;
    /**
     * A text column counts at most this many distinct values exactly: past it, it is no category
     * (ids, names, free text), and a counter per value would cost a cache miss per row for a top 5
     * that says nothing. Values already counted go on being counted, so their counts stay exact.
     */
    static final int CATEGORY_LIMIT = 10_000;

    final ColumnStats stats;
    /** A numeric column's values by row (NaN for an empty cell, and past the last row when the array is longer); null for other columns. */
    final double[] numbers;
    /** Why the top values may not be the true top, or null when they are. */
    final String topCaveat;

    private ColumnProfile(ColumnStats stats, double[] numbers, String topCaveat) {
        this.stats = stats;
        this.numbers = numbers;
        this.topCaveat = topCaveat;
    }

    /** The same for any order of the same values: the sum of mixed value hashes. Only keyless rename detection needs it. */
    static long fingerprint(Table table, int col) {
        long sum = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (!table.isNull(r, col)) {
                sum += mix(table.hash(r, col));
            }
        }
        return sum;
    }

    /** The profile of a whole column at once; {@link ColumnProfiler} builds it as rows arrive. */
    static ColumnProfile of(Table table, int col) {
        ColumnProfiler profiler = new ColumnProfiler(col, table.rowCount());
        profiler.add(table, 0, table.rowCount());
        return profiler.finish(table);
    }

    static ColumnProfile numeric(ColumnStats stats, double[] numbers) {
        return new ColumnProfile(stats, numbers, null);
    }

    static ColumnProfile text(Table table, int col, long nulls, boolean bool, ValueCounter values, long untracked) {
        // Past the limit bool is already false: "true" and "false" in any letter case are far fewer values.
        ColumnType type = bool ? ColumnType.BOOLEAN : ColumnType.TEXT;
        List<ValueCount> top = values.top(table, TOP);
        ColumnStats stats = new ColumnStats(table.rowCount() - nulls, nulls, type, null, null, null, null, top);
        return new ColumnProfile(stats, null, topCaveat(table.columns().get(col), table.source(), top, untracked));
    }

    /**
     * Null when {@code top} is provably the true top {@value #TOP}: nothing went uncounted, or no
     * uncounted value (at most {@code untracked} occurrences) can reach its last count.
     */
    static String topCaveat(String column, String source, List<ValueCount> top, long untracked) {
        if (untracked == 0 || top.size() == TOP && top.get(TOP - 1).count() > untracked) {
            return null;
        }
        return String.format("Top values of '%s' in %s: it has more than %,d distinct values, so only the first %,d were counted"
                + " (their counts are exact); a value first seen after them, with up to %,d occurrences, may be missing from its top %d.",
                column, source, CATEGORY_LIMIT, CATEGORY_LIMIT, untracked, TOP);
    }

    /** Spreads a 32-bit hash over 64 bits so that sums of many of them rarely collide (splitmix64 finaliser). */
    static long mix(int hash) {
        long z = hash * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
