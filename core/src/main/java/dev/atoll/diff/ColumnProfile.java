package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a column for its type and numeric stats (keeping the numbers, which histograms and
 * the key merge read again), a second for value counts only when it is not numeric; and, on demand,
 * an order-free fingerprint of its values, which finds renamed columns in keyless diffs.
 */
final class ColumnProfile {
    static final int TOP = 5;
    /**
     * A text column counts at most this many distinct values exactly: past it, it is no category
     * (ids, names, free text), and a counter per value would cost a cache miss per row for a top 5
     * that says nothing. Values already counted go on being counted, so their counts stay exact.
     */
    static final int CATEGORY_LIMIT = 10_000;
    /** The value counter starts with room for this many distinct values and grows past it. */
    private static final int DISTINCT_GUESS = 512;

    final ColumnStats stats;
    /** A numeric column's values by row (NaN for an empty cell); null for other columns. */
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

    static ColumnProfile of(Table table, int col) {
        ColumnProfile numeric = numeric(table, col);
        return numeric != null ? numeric : text(table, col);
    }

    /*
     * One small method a loop: the JIT compiles each on its own and neither sees the other's branches
     * (one method with both loops was compiled seven times in a 1M-row diff, 0.6 s of compiler time).
     */

    /** The profile of an empty or numeric column; null at the first value that is not a number. */
    private static ColumnProfile numeric(Table table, int col) {
        int rows = table.rowCount();
        int first = 0;
        while (first < rows && table.isNull(first, col)) {
            first++;
        }
        if (first < rows && Double.isNaN(table.number(first, col))) {
            return null; // most text columns say so at once: no array for their numbers
        }
        double[] numbers = new double[rows];
        Arrays.fill(numbers, 0, first, Double.NaN);
        long nulls = first;
        NumericMoments moments = new NumericMoments();
        for (int r = first; r < rows; r++) {
            if (table.isNull(r, col)) {
                nulls++;
                numbers[r] = Double.NaN;
                continue;
            }
            double v = table.number(r, col);
            numbers[r] = v;
            if (Double.isNaN(v)) {
                return null;
            }
            moments.add(v);
        }
        ColumnStats stats = moments.count() == 0 ? new ColumnStats(0, nulls, ColumnType.EMPTY, null, null, null, null, List.of())
                : moments.stats(nulls);
        return new ColumnProfile(stats, numbers, null);
    }

    /** The statistics of a column with some value that is not a number: boolean or text, and its most frequent values. */
    private static ColumnProfile text(Table table, int col) {
        int rows = table.rowCount();
        long nulls = 0;
        boolean bool = true;
        // Count distinct values on their bytes (no String per row), then keep the 5 largest.
        RowIndex values = new RowIndex(table, new int[]{col}, DISTINCT_GUESS);
        int r = 0;
        for (; r < rows && values.distinct() < CATEGORY_LIMIT; r++) {
            if (table.isNull(r, col)) {
                nulls++;
                continue;
            }
            bool = bool && table.booleanWord(r, col);
            values.add(r);
        }
        long untracked = 0;
        for (; r < rows; r++) {
            if (table.isNull(r, col)) {
                nulls++;
            } else if (!values.addIfPresent(r)) {
                untracked++;
            }
        }
        // Past the limit bool is already false: "true" and "false" in any letter case are far fewer values.
        ColumnType type = bool ? ColumnType.BOOLEAN : ColumnType.TEXT;
        List<ValueCount> top = top(table, col, values);
        ColumnStats stats = new ColumnStats(rows - nulls, nulls, type, null, null, null, null, top);
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

    /** The {@value #TOP} most frequent values of the counter. */
    private static List<ValueCount> top(Table table, int col, RowIndex values) {
        int[] best = new int[TOP];
        int kept = 0;
        for (int slot = 0; slot < values.slots(); slot++) {
            int c = values.count(slot);
            if (c == 0) {
                continue;
            }
            int pos = kept < TOP ? kept++ : TOP;
            if (pos == TOP && !ranksBefore(table, col, values, slot, best[TOP - 1])) {
                continue;
            }
            if (pos == TOP) {
                pos = TOP - 1;
            }
            while (pos > 0 && ranksBefore(table, col, values, slot, best[pos - 1])) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = slot;
        }
        List<ValueCount> top = new ArrayList<>(TOP);
        for (int i = 0; i < kept; i++) {
            top.add(new ValueCount(table.value(values.rowAt(best[i]), col), values.count(best[i])));
        }
        return top;
    }

    /** More frequent first; ties by first appearance in the file, so the ranking does not depend on hash order. */
    private static boolean ranksBefore(Table table, int col, RowIndex values, int slot, int other) {
        int a = values.count(slot);
        int b = values.count(other);
        if (a != b) {
            return a > b;
        }
        return values.rowAt(slot) < values.rowAt(other);
    }

    /** Spreads a 32-bit hash over 64 bits so that sums of many of them rarely collide (splitmix64 finaliser). */
    static long mix(int hash) {
        long z = hash * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
