package dev.atoll.diff.table;

import java.util.List;

/**
 * Sees a table's rows while it is being read, a range at a time, each range right after it is
 * parsed (its bytes still in the cache): how a diff profiles its columns without a second pass.
 */
public interface RowsObserver {
    /** Rows read in one range; the observer sees ranges of about this many. */
    int RANGE = 8192;

    /** Before the first range: the columns, and about how many rows to expect (an upper estimate). */
    void start(List<String> columns, int expectedRows);

    /**
     * Rows {@code [from, to)} of {@code soFar}, which holds every row read so far. A later range
     * comes in another {@link Table} object that holds the same earlier rows at the same numbers.
     */
    void rows(Table soFar, int from, int to);

    /** Reads nothing: for reads that need no profile. */
    RowsObserver NONE = new RowsObserver() {
        @Override
        public void start(List<String> columns, int expectedRows) {
        }

        @Override
        public void rows(Table soFar, int from, int to) {
        }
    };
}
