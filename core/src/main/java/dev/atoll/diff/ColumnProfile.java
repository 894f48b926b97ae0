package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a column for its type and numeric stats, a second for value counts only when it
 * is not numeric; plus an order-free fingerprint of its values (sum of mixed value hashes), which
 * finds renamed columns.
 */
final class ColumnProfile {
    static final int TOP = 5;
    static final int MAX_DISTINCT = 100_000;

    final ColumnStats stats;
    final long fingerprint;

    private ColumnProfile(ColumnStats stats, long fingerprint) {
        this.stats = stats;
        this.fingerprint = fingerprint;
    }

    static ColumnProfile of(Table table, int col) {
        int rows = table.rowCount();
        long count = 0;
        long nulls = 0;
        boolean numeric = true;
        boolean integral = true;
        boolean bool = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        long fingerprint = 0;
        for (int r = 0; r < rows; r++) {
            if (table.isNull(r, col)) {
                nulls++;
                continue;
            }
            count++;
            fingerprint += mix(table.hash(r, col));
            if (numeric) {
                double v = table.number(r, col);
                if (Double.isNaN(v)) {
                    numeric = false;
                } else {
                    integral &= v == Math.rint(v);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    double delta = v - mean;
                    mean += delta / count;
                    m2 += delta * (v - mean);
                }
            }
            if (bool && !numeric) {
                String s = table.value(r, col);
                bool = s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
            }
        }
        if (count == 0) {
            return new ColumnProfile(new ColumnStats(0, nulls, ColumnType.EMPTY, null, null, null, null, List.of(), false), 0);
        }
        if (numeric) {
            ColumnType type = integral ? ColumnType.INTEGER : ColumnType.DECIMAL;
            return new ColumnProfile(new ColumnStats(count, nulls, type, min, max, mean, Math.sqrt(m2 / count), List.of(), false),
                    fingerprint);
        }
        Map<String, long[]> counts = new HashMap<>();
        boolean approximate = false;
        for (int r = 0; r < rows; r++) {
            String v = table.value(r, col);
            if (v == null) {
                continue;
            }
            long[] c = counts.get(v);
            if (c != null) {
                c[0]++;
            } else if (counts.size() < MAX_DISTINCT) {
                counts.put(v, new long[]{1});
            } else {
                approximate = true;
            }
        }
        List<ValueCount> top = new ArrayList<>(TOP);
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .forEach(e -> top.add(new ValueCount(e.getKey(), e.getValue()[0])));
        ColumnType type = bool ? ColumnType.BOOLEAN : ColumnType.TEXT;
        return new ColumnProfile(new ColumnStats(count, nulls, type, null, null, null, null, top, approximate), fingerprint);
    }

    /** Spreads a 32-bit hash over 64 bits so that sums of many of them rarely collide (splitmix64 finaliser). */
    static long mix(int hash) {
        long z = hash * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
