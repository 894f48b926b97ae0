package dev.atoll.diff;

import java.util.List;

/**
 * One column on one side. Numeric columns fill {@code min..stddev} (population stddev) and leave
 * {@code top} empty; other columns fill {@code top} (the 5 most frequent values, exact counts, ties
 * by first appearance) and leave the numbers null.
 */
public record ColumnStats(long count, long nulls, ColumnType type, Double min, Double max, Double mean, Double stddev,
                          List<ValueCount> top) {
    public ColumnStats {
        top = List.copyOf(top);
    }

    public long rows() {
        return count + nulls;
    }
}
