package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The row half of a table diff, over two tables held in memory: keyed (rows matched by a unique key)
 * or keyless (rows as a multiset over the compared columns). A whole file is one such pair; a
 * spilled diff runs it once per partition and {@link Outcome#plus merges} the outcomes.
 */
final class RowComparer {
    private RowComparer() {
    }

    /**
     * What the rows came to. {@code modifiedCells} is indexed by the new table's columns; samples hold
     * the first {@link TableDiff#SAMPLE_SIZE} rows of each kind by line (added and modified by new
     * line, removed by old line).
     */
    record Outcome(RowCounts counts, long[] modifiedCells, List<RowSample> added, List<RowSample> removed,
                   List<ModifiedRow> modified) {

        static Outcome empty(int newWidth) {
            return new Outcome(new RowCounts(0, 0, 0, 0), new long[newWidth], List.of(), List.of(), List.of());
        }

        Outcome plus(Outcome other) {
            long[] cells = modifiedCells.clone();
            for (int i = 0; i < cells.length; i++) {
                cells[i] += other.modifiedCells[i];
            }
            RowCounts a = counts;
            RowCounts b = other.counts;
            return new Outcome(new RowCounts(a.unchanged() + b.unchanged(), a.added() + b.added(), a.removed() + b.removed(),
                    a.modified() + b.modified()), cells,
                    first(added, other.added, Comparator.comparingInt(RowSample::line)),
                    first(removed, other.removed, Comparator.comparingInt(RowSample::line)),
                    first(modified, other.modified, Comparator.comparingInt(ModifiedRow::newLine)));
        }

        private static <T> List<T> first(List<T> a, List<T> b, Comparator<T> order) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            all.sort(order);
            return all.size() <= TableDiff.SAMPLE_SIZE ? all : List.copyOf(all.subList(0, TableDiff.SAMPLE_SIZE));
        }
    }

    /**
     * For each new row the old row with its key, or -1; or, when a key repeats or is empty, the table
     * where it does and {row, earlierRow} as {@link #firstDuplicate} gives them (the new side's first,
     * as that is what a user fixes first).
     */
    record KeyMatch(int[] match, Table duplicateIn, int[] duplicate) {
    }

    /**
     * Matches new rows to old rows by key and checks that the key is unique and never empty on both
     * sides. When both sides are sorted by key, a merge; else one hash index of the old keys, which
     * the new rows probe: a new key found twice is a repeat, and only new keys missing from the old
     * side need an index of their own.
     */
    static KeyMatch matchByKey(Table before, Table after, int oldKey, int newKey) {
        return matchByKey(before, after, oldKey, newKey, SortedKeys.merge(before, oldKey, after, newKey));
    }

    /** The same, with the sorted merge's result already known (null when the sides are not both sorted). */
    static KeyMatch matchByKey(Table before, Table after, int oldKey, int newKey, int[] merged) {
        if (merged != null) {
            return new KeyMatch(merged, null, null);
        }
        int[] oldKeyCols = {oldKey};
        RowIndex index = new RowIndex(before, oldKeyCols);
        for (int r = 0; r < before.rowCount(); r++) {
            int earlier = before.isNull(r, oldKey) ? -2 : index.add(r);
            if (earlier != -1) {
                int[] newDup = firstDuplicate(after, newKey);
                return newDup != null ? new KeyMatch(null, after, newDup)
                        : new KeyMatch(null, before, new int[]{r, Math.max(earlier, -1)});
            }
        }
        int[] match = new int[after.rowCount()];
        int[] newKeyCols = {newKey};
        int[] takenBy = new int[index.slots()]; // new row + 1 that matched the slot's old row
        RowIndex unmatched = null; // new keys the old side does not have
        for (int r = 0; r < match.length; r++) {
            if (after.isNull(r, newKey)) {
                return new KeyMatch(null, after, new int[]{r, -1});
            }
            int slot = index.slotOf(after, r, newKeyCols);
            if (slot >= 0) {
                if (takenBy[slot] != 0) {
                    return new KeyMatch(null, after, new int[]{r, takenBy[slot] - 1});
                }
                takenBy[slot] = r + 1;
                match[r] = index.rowAt(slot);
                continue;
            }
            if (unmatched == null) {
                unmatched = new RowIndex(after, newKeyCols);
            }
            int earlier = unmatched.add(r);
            if (earlier >= 0) {
                return new KeyMatch(null, after, new int[]{r, earlier});
            }
            match[r] = -1;
        }
        return new KeyMatch(match, null, null);
    }

    /** Returns {row, earlierRow} of the first repeated or empty value (earlierRow -1 for empty), or null when unique. */
    static int[] firstDuplicate(Table table, int col) {
        if (table.rowCount() == 0) {
            return null;
        }
        RowIndex index = new RowIndex(table, new int[]{col});
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.isNull(r, col)) {
                return new int[]{r, -1};
            }
            int earlier = index.add(r);
            if (earlier >= 0) {
                return new int[]{r, earlier};
            }
        }
        return null;
    }

    /** Whether an old and a new column hold the same values on every matched row, and at least one value. */
    static boolean sameOnMatchedRows(Table before, int oldCol, Table after, int newCol, int[] match) {
        return sameOnMatchedRows(before, oldCol, after, newCol, match, false) == Boolean.TRUE;
    }

    /**
     * Like {@link #sameOnMatchedRows(Table, int, Table, int, int[])} for one part of the rows:
     * null when some matched cell differs, else whether any matched cell held a value; {@code anyBefore}
     * carries that across parts.
     */
    static Boolean sameOnMatchedRows(Table before, int oldCol, Table after, int newCol, int[] match, boolean anyBefore) {
        boolean anyValue = anyBefore;
        for (int r = 0; r < match.length; r++) {
            if (match[r] < 0) {
                continue;
            }
            if (!after.sameValue(r, newCol, before, match[r], oldCol)) {
                return null;
            }
            anyValue |= !after.isNull(r, newCol);
        }
        return anyValue;
    }

    /** New rows from which the keyed comparison runs in two halves, one per core. */
    private static final int SPLIT_ROWS = 1 << 16;

    static Outcome keyed(Table before, Table after, int newKey, int[] match, int[] oldCols, int[] newCols) {
        boolean[] seen = new boolean[before.rowCount()];
        int rows = after.rowCount();
        Outcome matched;
        if (rows < SPLIT_ROWS) {
            matched = keyedRows(before, after, newKey, match, oldCols, newCols, seen, 0, rows);
        } else {
            // Each half marks the old rows it matched in seen: distinct elements, as the match is one to one.
            int half = rows / 2;
            CompletableFuture<Outcome> second = CompletableFuture.supplyAsync(
                    () -> keyedRows(before, after, newKey, match, oldCols, newCols, seen, half, rows));
            Outcome first;
            try {
                first = keyedRows(before, after, newKey, match, oldCols, newCols, seen, 0, half);
            } catch (RuntimeException failure) {
                second.exceptionally(ignored -> null);
                throw failure;
            }
            matched = first.plus(second.join());
        }
        long removed = 0;
        List<RowSample> removedSample = new ArrayList<>();
        for (int r = 0; r < seen.length; r++) {
            if (!seen[r]) {
                removed++;
                sample(removedSample, before, r);
            }
        }
        RowCounts counts = matched.counts();
        return new Outcome(new RowCounts(counts.unchanged(), counts.added(), removed, counts.modified()), matched.modifiedCells(),
                matched.added(), removedSample, matched.modified());
    }

    /** New rows {@code [from, to)} of a keyed comparison: added, modified and unchanged ones (removed ones are counted from {@code seen}). */
    private static Outcome keyedRows(Table before, Table after, int newKey, int[] match, int[] oldCols, int[] newCols, boolean[] seen,
                                     int from, int to) {
        long[] modifiedCells = new long[after.columns().size()];
        long unchanged = 0;
        long added = 0;
        long modified = 0;
        List<RowSample> addedSample = new ArrayList<>();
        List<ModifiedRow> modifiedSample = new ArrayList<>();
        boolean sameColumns = sameColumns(before, after, oldCols, newCols);
        for (int r = from; r < to; r++) {
            if (match[r] < 0) {
                added++;
                sample(addedSample, after, r);
                continue;
            }
            int old = match[r];
            seen[old] = true;
            if (sameColumns && after.sameRowBytes(r, before, old)) {
                unchanged++;
                continue;
            }
            boolean changed = false;
            for (int p = 0; p < newCols.length; p++) {
                if (!after.sameValue(r, newCols[p], before, old, oldCols[p])) {
                    changed = true;
                    modifiedCells[newCols[p]]++;
                }
            }
            if (!changed) {
                unchanged++;
                continue;
            }
            modified++;
            if (modifiedSample.size() < TableDiff.SAMPLE_SIZE) {
                List<CellChange> cells = new ArrayList<>();
                for (int p = 0; p < newCols.length; p++) {
                    if (!after.sameValue(r, newCols[p], before, old, oldCols[p])) {
                        cells.add(new CellChange(after.columns().get(newCols[p]), before.value(old, oldCols[p]), after.value(r, newCols[p])));
                    }
                }
                modifiedSample.add(new ModifiedRow(after.value(r, newKey), before.line(old), after.line(r), cells));
            }
        }
        return new Outcome(new RowCounts(unchanged, added, 0, modified), modifiedCells, addedSample, List.of(), modifiedSample);
    }

    /** Whether every column is paired with the one at its own position, so that equal rows can be found on their bytes. */
    private static boolean sameColumns(Table before, Table after, int[] oldCols, int[] newCols) {
        int width = after.columns().size();
        if (before.columns().size() != width || newCols.length != width) {
            return false;
        }
        for (int p = 0; p < width; p++) {
            if (oldCols[p] != p || newCols[p] != p) {
                return false;
            }
        }
        return true;
    }

    static Outcome keyless(Table before, Table after, int[] oldCols, int[] newCols) {
        RowIndex index = new RowIndex(before, oldCols);
        for (int r = 0; r < before.rowCount(); r++) {
            index.add(r);
        }
        long unchanged = 0;
        long added = 0;
        List<RowSample> addedSample = new ArrayList<>();
        for (int r = 0; r < after.rowCount(); r++) {
            int slot = index.slotOf(after, r, newCols);
            if (slot >= 0 && index.take(slot)) {
                unchanged++;
            } else {
                added++;
                sample(addedSample, after, r);
            }
        }
        // Of equal old rows the first ones matched; the rest were removed. Walk them to name them in file order.
        long removed = 0;
        List<RowSample> removedSample = new ArrayList<>();
        for (int r = 0; r < before.rowCount(); r++) {
            int slot = index.slotOf(before, r, oldCols);
            if (!index.wasTaken(slot)) {
                removed++;
                sample(removedSample, before, r);
            }
        }
        return new Outcome(new RowCounts(unchanged, added, removed, 0), new long[after.columns().size()], addedSample,
                removedSample, List.of());
    }

    private static void sample(List<RowSample> sample, Table table, int row) {
        if (sample.size() < TableDiff.SAMPLE_SIZE) {
            sample.add(new RowSample(table.line(row), Arrays.asList(table.row(row))));
        }
    }
}
