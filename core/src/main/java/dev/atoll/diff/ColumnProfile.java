package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a column for its type and numeric stats, a second for value counts only when it
 * is not numeric; and, on demand, an order-free fingerprint of its values, which finds renamed
 * columns in keyless diffs.
 */
final class ColumnProfile {
    static final int TOP = 5;
    /** The value counter starts with room for this many distinct values and grows past it. */
    private static final int DISTINCT_GUESS = 512;

    final ColumnStats stats;

    private ColumnProfile(ColumnStats stats) {
        this.stats = stats;
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
        ColumnStats numbers = numeric(table, col);
        return new ColumnProfile(numbers != null ? numbers : text(table, col));
    }

    /*
     * One small method a loop: the JIT compiles each on its own and neither sees the other's branches
     * (one method with both loops was compiled seven times in a 1M-row diff, 0.6 s of compiler time).
     */

    /** The statistics of an empty or numeric column; null at the first value that is not a number. */
    private static ColumnStats numeric(Table table, int col) {
        int rows = table.rowCount();
        long nulls = 0;
        NumericMoments moments = new NumericMoments();
        for (int r = 0; r < rows; r++) {
            if (table.isNull(r, col)) {
                nulls++;
                continue;
            }
            double v = table.number(r, col);
            if (Double.isNaN(v)) {
                return null;
            }
            moments.add(v);
        }
        if (moments.count() == 0) {
            return new ColumnStats(0, nulls, ColumnType.EMPTY, null, null, null, null, List.of());
        }
        return moments.stats(nulls);
    }

    /** The statistics of a column with some value that is not a number: boolean or text, and its most frequent values. */
    private static ColumnStats text(Table table, int col) {
        int rows = table.rowCount();
        long count = 0;
        long nulls = 0;
        boolean bool = true;
        // Count distinct values on their bytes (no String per row), then keep the 5 largest.
        RowIndex values = new RowIndex(table, new int[]{col}, DISTINCT_GUESS);
        for (int r = 0; r < rows; r++) {
            if (table.isNull(r, col)) {
                nulls++;
                continue;
            }
            count++;
            bool = bool && table.booleanWord(r, col);
            values.add(r);
        }
        ColumnType type = bool ? ColumnType.BOOLEAN : ColumnType.TEXT;
        return new ColumnStats(count, nulls, type, null, null, null, null, top(table, col, values));
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
