package dev.atoll.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The column half of a table diff: pairs old and new columns (by name, then an old-only and a
 * new-only column holding the same values as a rename), lists the schema changes, and puts each
 * column's statistics side by side. It sees only names, statistics and a same-values test, so the
 * in-memory and the spilled diff share it.
 */
final class ColumnMatcher {
    private ColumnMatcher() {
    }

    /** Whether old column {@code o} and new column {@code n} hold the same values (asked only of unpaired columns). */
    interface SameValues {
        boolean test(int oldCol, int newCol);
    }

    /**
     * {@code newToOld[n]} is the old column paired with new column n, or -1; {@code oldCols[i]} and
     * {@code newCols[i]} list the pairs in new-column order.
     */
    record Pairing(int[] newToOld, boolean[] oldMatched, List<SchemaChange> schemaChanges, int[] oldCols, int[] newCols) {
    }

    /** For each new column, the old column of the same name, or -1. */
    static int[] byName(List<String> oldNames, List<String> newNames) {
        int[] newToOld = new int[newNames.size()];
        for (int n = 0; n < newToOld.length; n++) {
            newToOld[n] = oldNames.indexOf(newNames.get(n));
        }
        return newToOld;
    }

    static Pairing pair(List<String> oldNames, List<String> newNames, ColumnStats[] oldStats, ColumnStats[] newStats,
                        SameValues same) {
        int oldWidth = oldNames.size();
        int newWidth = newNames.size();
        int[] newToOld = byName(oldNames, newNames);
        boolean[] oldMatched = new boolean[oldWidth];
        for (int o : newToOld) {
            if (o >= 0) {
                oldMatched[o] = true;
            }
        }
        List<SchemaChange> schema = new ArrayList<>();
        for (int n = 0; n < newWidth; n++) {
            if (newToOld[n] >= 0) {
                continue;
            }
            for (int o = 0; o < oldWidth; o++) {
                if (!oldMatched[o] && same.test(o, n)) {
                    newToOld[n] = o;
                    oldMatched[o] = true;
                    schema.add(new SchemaChange(SchemaChange.Kind.RENAMED, oldNames.get(o), newNames.get(n),
                            oldStats[o].type(), newStats[n].type()));
                    break;
                }
            }
        }
        for (int o = 0; o < oldWidth; o++) {
            if (!oldMatched[o]) {
                schema.add(new SchemaChange(SchemaChange.Kind.REMOVED, oldNames.get(o), null, oldStats[o].type(), null));
            }
        }
        for (int n = 0; n < newWidth; n++) {
            if (newToOld[n] < 0) {
                schema.add(new SchemaChange(SchemaChange.Kind.ADDED, newNames.get(n), null, null, newStats[n].type()));
            } else {
                ColumnType was = oldStats[newToOld[n]].type();
                ColumnType is = newStats[n].type();
                if (was != is && was != ColumnType.EMPTY && is != ColumnType.EMPTY) {
                    schema.add(new SchemaChange(SchemaChange.Kind.RETYPED, oldNames.get(newToOld[n]), newNames.get(n), was, is));
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
        return new Pairing(newToOld, oldMatched, schema, oldCols, newCols);
    }

    /** The keyless rename test: the same non-zero count of values and the same order-free fingerprint of them. */
    static boolean sameMultiset(ColumnStats oldStats, long oldFingerprint, ColumnStats newStats, long newFingerprint) {
        return oldStats.count() > 0 && oldStats.count() == newStats.count() && oldFingerprint == newFingerprint;
    }

    /** The new columns in order, then the removed ones; {@code histograms} is indexed by new column (null entries allowed). */
    static List<ColumnComparison> comparisons(List<String> oldNames, List<String> newNames, Pairing pairing,
                                              ColumnStats[] oldStats, ColumnStats[] newStats, long[] modifiedCells,
                                              Histogram[] histograms) {
        List<ColumnComparison> columns = new ArrayList<>();
        for (int n = 0; n < newNames.size(); n++) {
            int o = pairing.newToOld()[n];
            ColumnStats was = o >= 0 ? oldStats[o] : null;
            ColumnStats is = newStats[n];
            String reason = DistributionShift.reason(was, is);
            columns.add(new ColumnComparison(newNames.get(n), o >= 0 ? oldNames.get(o) : null, was, is, modifiedCells[n],
                    reason != null, reason, histograms[n]));
        }
        for (int o = 0; o < oldNames.size(); o++) {
            if (!pairing.oldMatched()[o]) {
                columns.add(new ColumnComparison(oldNames.get(o), oldNames.get(o), oldStats[o], null, 0, false, null, null));
            }
        }
        return columns;
    }

    /** Whether a paired column gets a histogram: numeric on both sides. */
    static boolean histogrammed(ColumnStats was, ColumnStats is) {
        return was != null && was.type().numeric() && is.type().numeric();
    }
}
