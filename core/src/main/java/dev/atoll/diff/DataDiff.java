package dev.atoll.diff;

import dev.atoll.diff.dir.DirectoryDiff;

/** What {@link DataDiffer} found: a table diff (two table files) or a directory diff (two trees); exactly one is set. */
public record DataDiff(TableDiff table, DirectoryDiff directory) {
    public DataDiff {
        if ((table == null) == (directory == null)) {
            throw new IllegalArgumentException("a data diff is a table diff or a directory diff, not " + (table == null ? "neither" : "both"));
        }
    }

    public static DataDiff of(TableDiff table) {
        return new DataDiff(table, null);
    }

    public static DataDiff of(DirectoryDiff directory) {
        return new DataDiff(null, directory);
    }
}
