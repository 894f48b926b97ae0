package dev.atoll.diff;

import dev.atoll.diff.dir.DirectoryDiff;

import java.util.List;

/**
 * What {@link DataDiffer} found: a table diff (two table files), or a directory diff (two trees)
 * with the table diffs of its modified table files in {@code tables}.
 */
public record DataDiff(TableDiff table, DirectoryDiff directory, List<TableDiff> tables) {
    public DataDiff {
        if ((table == null) == (directory == null)) {
            throw new IllegalArgumentException("a data diff is a table diff or a directory diff, not " + (table == null ? "neither" : "both"));
        }
        tables = List.copyOf(tables);
    }

    public static DataDiff of(TableDiff table) {
        return new DataDiff(table, null, List.of());
    }

    public static DataDiff of(DirectoryDiff directory, List<TableDiff> tables) {
        return new DataDiff(null, directory, tables);
    }
}
