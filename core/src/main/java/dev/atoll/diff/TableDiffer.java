package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.errors.AtollException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Compares two tables: schema first (columns matched by name, then renamed columns by their value
 * fingerprint), then rows, keyed when a key is given or can be inferred, else as a multiset.
 */
public final class TableDiffer {
    private static final int HISTOGRAM_BINS = 20;

    private TableDiffer() {
    }

    /** @param key the key column, or null to infer one (and fall back to a keyless diff) */
    public static TableDiff diff(Table before, Table after, String key) {
        int oldWidth = before.columns().size();
        int newWidth = after.columns().size();
        ColumnProfile[] oldProfiles = new ColumnProfile[oldWidth];
        ColumnProfile[] newProfiles = new ColumnProfile[newWidth];
        // Columns are independent: profile them on all cores.
        IntStream.range(0, oldWidth + newWidth).parallel().forEach(c -> {
            if (c < oldWidth) {
                oldProfiles[c] = ColumnProfile.of(before, c);
            } else {
                newProfiles[c - oldWidth] = ColumnProfile.of(after, c - oldWidth);
            }
        });

        // Column pairs: newToOld[newCol] = oldCol or -1; first by name.
        int[] newToOld = new int[newWidth];
        boolean[] oldMatched = new boolean[oldWidth];
        for (int c = 0; c < newWidth; c++) {
            newToOld[c] = before.columnIndex(after.columns().get(c));
            if (newToOld[c] >= 0) {
                oldMatched[newToOld[c]] = true;
            }
        }

        String keyNote;
        String chosen;
        if (key != null) {
            requireKey(before, key);
            requireKey(after, key);
            requireUnique(after, key); // the old side is checked while it is indexed below
            chosen = key;
            keyNote = "key column '" + key + "' (given)";
        } else {
            chosen = inferKey(before, after, newToOld);
            keyNote = chosen != null ? "key column '" + chosen + "' (inferred: the " + (idLike(chosen) ? "id-like " : "only ")
                    + "column unique on both sides)"
                    : "no key: no single column is unique on both sides — rows compared as a multiset";
        }
        int[] match = chosen != null ? matchByKey(before, after, before.columnIndex(chosen), after.columnIndex(chosen)) : null;

        List<SchemaChange> schema = new ArrayList<>();
        for (int n = 0; n < newWidth; n++) {
            if (newToOld[n] >= 0) {
                continue;
            }
            for (int o = 0; o < oldWidth; o++) {
                if (oldMatched[o]) {
                    continue;
                }
                boolean same = match != null ? sameOnMatchedRows(before, o, after, n, match)
                        : oldProfiles[o].stats.count() > 0 && oldProfiles[o].stats.count() == newProfiles[n].stats.count()
                          && ColumnProfile.fingerprint(before, o) == ColumnProfile.fingerprint(after, n);
                if (same) {
                    newToOld[n] = o;
                    oldMatched[o] = true;
                    schema.add(new SchemaChange(SchemaChange.Kind.RENAMED, before.columns().get(o), after.columns().get(n),
                            oldProfiles[o].stats.type(), newProfiles[n].stats.type()));
                    break;
                }
            }
        }
        for (int o = 0; o < oldWidth; o++) {
            if (!oldMatched[o]) {
                schema.add(new SchemaChange(SchemaChange.Kind.REMOVED, before.columns().get(o), null, oldProfiles[o].stats.type(), null));
            }
        }
        for (int n = 0; n < newWidth; n++) {
            if (newToOld[n] < 0) {
                schema.add(new SchemaChange(SchemaChange.Kind.ADDED, after.columns().get(n), null, null, newProfiles[n].stats.type()));
            } else {
                ColumnType was = oldProfiles[newToOld[n]].stats.type();
                ColumnType is = newProfiles[n].stats.type();
                if (was != is && was != ColumnType.EMPTY && is != ColumnType.EMPTY) {
                    schema.add(new SchemaChange(SchemaChange.Kind.RETYPED, before.columns().get(newToOld[n]), after.columns().get(n), was, is));
                }
            }
        }
        int pairs = (int) Arrays.stream(newToOld).filter(o -> o >= 0).count();
        int[] oldCols = new int[pairs];
        int[] newCols = new int[pairs];
        for (int n = 0, p = 0; n < newWidth; n++) {
            if (newToOld[n] >= 0) {
                oldCols[p] = newToOld[n];
                newCols[p++] = n;
            }
        }

        long[] modifiedCells = new long[newWidth];
        RowOutcome outcome = match != null
                ? keyed(before, after, after.columnIndex(chosen), match, oldCols, newCols, modifiedCells)
                : keyless(before, after, oldCols, newCols);

        List<ColumnComparison> columns = new ArrayList<>();
        for (int n = 0; n < newWidth; n++) {
            ColumnStats was = newToOld[n] >= 0 ? oldProfiles[newToOld[n]].stats : null;
            ColumnStats is = newProfiles[n].stats;
            String reason = DistributionShift.reason(was, is);
            Histogram histogram = was != null && was.type().numeric() && is.type().numeric()
                    ? histogram(before, newToOld[n], was, after, n, is) : null;
            columns.add(new ColumnComparison(after.columns().get(n), newToOld[n] >= 0 ? before.columns().get(newToOld[n]) : null,
                    was, is, modifiedCells[n], reason != null, reason, histogram));
        }
        for (int o = 0; o < oldWidth; o++) {
            if (!oldMatched[o]) {
                columns.add(new ColumnComparison(before.columns().get(o), before.columns().get(o), oldProfiles[o].stats, null,
                        0, false, null, null));
            }
        }
        return new TableDiff(source(before), source(after), chosen, keyNote, schema, outcome.counts(), columns,
                outcome.added(), outcome.removed(), outcome.modified());
    }

    private record RowOutcome(RowCounts counts, List<RowSample> added, List<RowSample> removed, List<ModifiedRow> modified) {
    }

    /** For each new row, the old row with its key, or -1. */
    private static int[] matchByKey(Table before, Table after, int oldKey, int newKey) {
        RowIndex index = new RowIndex(before, new int[]{oldKey});
        for (int r = 0; r < before.rowCount(); r++) {
            int earlier = before.isNull(r, oldKey) ? -1 : index.add(r);
            if (earlier >= 0 || before.isNull(r, oldKey)) {
                throw notUnique(before, oldKey, new int[]{r, earlier});
            }
        }
        int[] match = new int[after.rowCount()];
        int[] newKeyCols = {newKey};
        for (int r = 0; r < match.length; r++) {
            int slot = index.slotOf(after, r, newKeyCols);
            match[r] = slot < 0 ? -1 : index.rowAt(slot);
        }
        return match;
    }

    private static boolean sameOnMatchedRows(Table before, int oldCol, Table after, int newCol, int[] match) {
        boolean anyValue = false;
        for (int r = 0; r < match.length; r++) {
            if (match[r] < 0) {
                continue;
            }
            if (!after.sameValue(r, newCol, before, match[r], oldCol)) {
                return false;
            }
            anyValue |= !after.isNull(r, newCol);
        }
        return anyValue;
    }

    private static RowOutcome keyed(Table before, Table after, int newKey, int[] match, int[] oldCols, int[] newCols,
                                    long[] modifiedCells) {
        boolean[] seen = new boolean[before.rowCount()];
        long unchanged = 0;
        long added = 0;
        long modified = 0;
        List<RowSample> addedSample = new ArrayList<>();
        List<ModifiedRow> modifiedSample = new ArrayList<>();
        for (int r = 0; r < after.rowCount(); r++) {
            if (match[r] < 0) {
                added++;
                sample(addedSample, after, r);
                continue;
            }
            int old = match[r];
            seen[old] = true;
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
        long removed = 0;
        List<RowSample> removedSample = new ArrayList<>();
        for (int r = 0; r < seen.length; r++) {
            if (!seen[r]) {
                removed++;
                sample(removedSample, before, r);
            }
        }
        return new RowOutcome(new RowCounts(unchanged, added, removed, modified), addedSample, removedSample, modifiedSample);
    }

    private static RowOutcome keyless(Table before, Table after, int[] oldCols, int[] newCols) {
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
        return new RowOutcome(new RowCounts(unchanged, added, removed, 0), addedSample, removedSample, List.of());
    }

    private static void sample(List<RowSample> sample, Table table, int row) {
        if (sample.size() < TableDiff.SAMPLE_SIZE) {
            sample.add(new RowSample(table.line(row), Arrays.asList(table.row(row))));
        }
    }

    private static String inferKey(Table before, Table after, int[] newToOld) {
        List<String> unique = new ArrayList<>();
        for (int n = 0; n < newToOld.length; n++) {
            if (newToOld[n] >= 0 && firstDuplicate(before, newToOld[n]) == null && firstDuplicate(after, n) == null) {
                unique.add(after.columns().get(n));
            }
        }
        if (unique.size() == 1) {
            return unique.get(0);
        }
        List<String> idLike = unique.stream().filter(TableDiffer::idLike).toList();
        return idLike.size() == 1 ? idLike.get(0) : null;
    }

    static boolean idLike(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("id") || n.equals("key") || n.endsWith("_id") || n.endsWith("-id") || n.endsWith(" id")
                || (name.endsWith("Id") && name.length() > 2) || n.equals("uuid");
    }

    /** Returns {row, earlierRow} of the first repeated or empty value (earlierRow -1 for empty), or null when unique. */
    private static int[] firstDuplicate(Table table, int col) {
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

    private static void requireKey(Table table, String key) {
        if (table.columnIndex(key) < 0) {
            throw AtollException.invalidParameter("key column '" + key + "' is not in " + table.source() + " (columns: "
                    + String.join(", ", table.columns()) + ") — pass --key with one of these, or omit --key to infer one");
        }
    }

    private static void requireUnique(Table table, String key) {
        int[] dup = firstDuplicate(table, table.columnIndex(key));
        if (dup != null) {
            throw notUnique(table, table.columnIndex(key), dup);
        }
    }

    private static AtollException notUnique(Table table, int col, int[] dup) {
        String key = table.columns().get(col);
        if (dup[1] < 0) {
            return AtollException.invalidParameter("key column '" + key + "' is empty in " + table.source() + " line "
                    + table.line(dup[0]) + " — a key needs a value in every row; choose another --key or omit --key for a keyless diff");
        }
        return AtollException.invalidParameter("key column '" + key + "' is not unique in " + table.source() + ": value '"
                + table.value(dup[0], col) + "' on lines " + table.line(dup[1]) + " and " + table.line(dup[0])
                + " — choose a unique --key, or omit --key for a keyless diff");
    }

    private static Histogram histogram(Table before, int oldCol, ColumnStats was, Table after, int newCol, ColumnStats is) {
        double min = Math.min(was.min(), is.min());
        double max = Math.max(was.max(), is.max());
        return new Histogram(min, max, bins(before, oldCol, min, max), bins(after, newCol, min, max));
    }

    private static List<Long> bins(Table table, int col, double min, double max) {
        long[] counts = new long[HISTOGRAM_BINS];
        double width = (max - min) / HISTOGRAM_BINS;
        for (int r = 0; r < table.rowCount(); r++) {
            double v = table.number(r, col);
            if (Double.isNaN(v)) {
                continue;
            }
            int bin = width == 0 ? 0 : (int) ((v - min) / width);
            counts[Math.min(HISTOGRAM_BINS - 1, Math.max(0, bin))]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }

    private static SourceInfo source(Table table) {
        return new SourceInfo(table.source(), table.format(), table.rowCount(), table.columns(), table.problems());
    }

}
