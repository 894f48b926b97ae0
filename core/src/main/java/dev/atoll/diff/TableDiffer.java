package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.errors.AtollException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Compares two tables held in memory: schema first (columns matched by name, then renamed columns
 * by their values), then rows, keyed when a key is given or can be inferred, else as a multiset.
 * {@link TableFileDiffer} picks this or the spilled diff for files.
 */
public final class TableDiffer {
    private TableDiffer() {
    }

    /** @param key the key column, or null to infer one (and fall back to a keyless diff) */
    public static TableDiff diff(Table before, Table after, String key) {
        return diff(before, TableProfiler.of(before), after, TableProfiler.of(after), key);
    }

    /** The same with the tables' column profiles already made (while reading them). */
    static TableDiff diff(Table before, ColumnProfile[] oldProfiles, Table after, ColumnProfile[] newProfiles, String key) {
        ColumnStats[] oldStats = stats(oldProfiles);
        ColumnStats[] newStats = stats(newProfiles);
        if (key != null) {
            requireKey(before.columns(), before.source(), key);
            requireKey(after.columns(), after.source(), key);
        }
        // Histograms need only the column pairs: those by name fill on another core from here, while
        // the key merge (one core) runs; a renamed pair, found later, gets its histogram after.
        int[] byName = ColumnMatcher.byName(before.columns(), after.columns());
        CompletableFuture<Histogram[]> namedHistograms = CompletableFuture.supplyAsync(
                () -> histograms(byName, new Histogram[byName.length], oldStats, oldProfiles, newStats, newProfiles));
        try {
            return diff(before, oldProfiles, oldStats, after, newProfiles, newStats, key, byName, namedHistograms);
        } catch (RuntimeException failure) {
            namedHistograms.exceptionally(ignored -> null);
            throw failure;
        }
    }

    private static TableDiff diff(Table before, ColumnProfile[] oldProfiles, ColumnStats[] oldStats, Table after,
                                  ColumnProfile[] newProfiles, ColumnStats[] newStats, String key, int[] byName,
                                  CompletableFuture<Histogram[]> namedHistograms) {
        String keyNote;
        String chosen;
        if (key != null) {
            chosen = key; // in both tables (checked above); unique on both sides: checked while matching
            keyNote = givenKeyNote(key);
        } else {
            chosen = inferKey(before, after, byName);
            keyNote = chosen != null ? inferredKeyNote(chosen, "") : NO_KEY_NOTE;
        }
        int[] match = null;
        if (chosen != null) {
            int oldKey = before.columnIndex(chosen);
            int newKey = after.columnIndex(chosen);
            int[] merged = SortedKeys.merge(before, oldKey, oldProfiles[oldKey].numbers, after, newKey, newProfiles[newKey].numbers);
            RowComparer.KeyMatch keyMatch = RowComparer.matchByKey(before, after, oldKey, newKey, merged);
            if (keyMatch.duplicate() != null) {
                Table in = keyMatch.duplicateIn();
                throw notUnique(in, in.columnIndex(chosen), keyMatch.duplicate());
            }
            match = keyMatch.match();
        }

        int[] matched = match;
        ColumnMatcher.Pairing pairing = ColumnMatcher.pair(before.columns(), after.columns(), oldStats, newStats,
                matched != null
                        ? (o, n) -> RowComparer.sameOnMatchedRows(before, o, after, n, matched)
                        : (o, n) -> ColumnMatcher.sameMultiset(oldStats[o], ColumnProfile.fingerprint(before, o),
                                newStats[n], ColumnProfile.fingerprint(after, n)));

        RowComparer.Outcome outcome = match != null
                ? RowComparer.keyed(before, after, after.columnIndex(chosen), match, pairing.oldCols(), pairing.newCols())
                : RowComparer.keyless(before, after, pairing.oldCols(), pairing.newCols());
        Histogram[] histograms = histograms(pairing.newToOld(), namedHistograms.join(), oldStats, oldProfiles, newStats, newProfiles);
        List<ColumnComparison> columns = ColumnMatcher.comparisons(before.columns(), after.columns(), pairing, oldStats, newStats,
                outcome.modifiedCells(), histograms);
        return new TableDiff(source(before), source(after), chosen, keyNote, pairing.schemaChanges(), outcome.counts(), columns,
                outcome.added(), outcome.removed(), outcome.modified(), topCaveats(oldProfiles, newProfiles));
    }

    /**
     * Fills {@code histograms} (indexed by new column, null where none is made yet) for each new column
     * paired in {@code newToOld} and numeric on both sides, over the range both sides span; returns it.
     */
    private static Histogram[] histograms(int[] newToOld, Histogram[] histograms, ColumnStats[] oldStats, ColumnProfile[] oldProfiles,
                                          ColumnStats[] newStats, ColumnProfile[] newProfiles) {
        for (int n = 0; n < histograms.length; n++) {
            int o = newToOld[n];
            if (histograms[n] == null && o >= 0 && ColumnMatcher.histogrammed(oldStats[o], newStats[n])) {
                HistogramBins bins = new HistogramBins(oldStats[o], newStats[n]);
                bins.addBefore(oldProfiles[o].numbers);
                bins.addAfter(newProfiles[n].numbers);
                histograms[n] = bins.histogram();
            }
        }
        return histograms;
    }

    private static ColumnStats[] stats(ColumnProfile[] profiles) {
        ColumnStats[] stats = new ColumnStats[profiles.length];
        for (int c = 0; c < profiles.length; c++) {
            stats[c] = profiles[c].stats;
        }
        return stats;
    }

    private static List<String> topCaveats(ColumnProfile[] before, ColumnProfile[] after) {
        List<String> notes = new ArrayList<>();
        for (ColumnProfile[] side : List.of(before, after)) {
            for (ColumnProfile profile : side) {
                if (profile.topCaveat != null) {
                    notes.add(profile.topCaveat);
                }
            }
        }
        return notes;
    }

    static final String NO_KEY_NOTE = "no key: no single column is unique on both sides — rows compared as a multiset";

    static String givenKeyNote(String key) {
        return "key column '" + key + "' (given)";
    }

    static String inferredKeyNote(String key, String scope) {
        return "key column '" + key + "' (inferred: the " + (idLike(key) ? "id-like " : "only ") + "column unique on both sides"
                + scope + ")";
    }

    /** The only column (paired by name) unique and never empty on both sides, else the only id-like one of those, else null. */
    static String inferKey(Table before, Table after, int[] newToOld) {
        List<String> unique = new ArrayList<>();
        for (int n = 0; n < newToOld.length; n++) {
            if (newToOld[n] >= 0 && RowComparer.firstDuplicate(before, newToOld[n]) == null
                    && RowComparer.firstDuplicate(after, n) == null) {
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

    static void requireKey(List<String> columns, String source, String key) {
        if (!columns.contains(key)) {
            throw AtollException.invalidParameter("key column '" + key + "' is not in " + source + " (columns: "
                    + String.join(", ", columns) + ") — pass --key with one of these, or omit --key to infer one");
        }
    }

    static AtollException notUnique(Table table, int col, int[] dup) {
        String key = table.columns().get(col);
        if (dup[1] < 0) {
            return AtollException.invalidParameter("key column '" + key + "' is empty in " + table.source() + " line "
                    + table.line(dup[0]) + " — a key needs a value in every row; choose another --key or omit --key for a keyless diff");
        }
        return AtollException.invalidParameter("key column '" + key + "' is not unique in " + table.source() + ": value '"
                + table.value(dup[0], col) + "' on lines " + table.line(dup[1]) + " and " + table.line(dup[0])
                + " — choose a unique --key, or omit --key for a keyless diff");
    }

    private static SourceInfo source(Table table) {
        return new SourceInfo(table.source(), table.format(), table.rowCount(), table.columns(), table.problems());
    }
}
