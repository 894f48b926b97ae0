package dev.atoll.diff;

import java.util.List;

/**
 * One column on one side. Numeric columns fill {@code min..stddev} (population stddev) and leave
 * {@code top} empty; other columns fill {@code top} (the 5 most frequent values) and leave the
 * numbers null. {@code topApproximate} is set when the column had more distinct values than were
 * counted (100,000), so later values could not enter the ranking.
 */
public record ColumnStats(long count, long nulls, ColumnType type, Double min, Double max, Double mean, Double stddev,
                          List<ValueCount> top, boolean topApproximate) {
    public ColumnStats {
        top = List.copyOf(top);
    }

    public long rows() {
        return count + nulls;
    }
}
