package dev.atoll.diff;

import dev.atoll.diff.table.RowsObserver;
import dev.atoll.diff.table.Table;

import java.util.List;
import java.util.stream.IntStream;

/** Profiles every column of a table while it is read ({@link RowsObserver}), or afterwards, all at once. */
final class TableProfiler implements RowsObserver {
    private ColumnProfiler[] columns;

    @Override
    public void start(List<String> names, int expectedRows) {
        columns = new ColumnProfiler[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new ColumnProfiler(c, expectedRows);
        }
    }

    @Override
    public void rows(Table soFar, int from, int to) {
        for (ColumnProfiler column : columns) {
            column.add(soFar, from, to);
        }
    }

    /** The profiles, once {@code table} (the table read) is complete. */
    ColumnProfile[] finish(Table table) {
        ColumnProfile[] profiles = new ColumnProfile[columns.length];
        for (int c = 0; c < profiles.length; c++) {
            profiles[c] = columns[c].finish(table);
        }
        return profiles;
    }

    /** The profiles of a table already read, a column per task on all cores. */
    static ColumnProfile[] of(Table table) {
        ColumnProfile[] profiles = new ColumnProfile[table.columns().size()];
        IntStream.range(0, profiles.length).parallel().forEach(c -> profiles[c] = ColumnProfile.of(table, c));
        return profiles;
    }
}
