package dev.atoll.diff;

import dev.atoll.diff.table.RowSpill;
import dev.atoll.diff.table.StreamRow;
import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableStream;
import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The diff of two files larger than memory (a Grace hash join). Pass 1 streams each file once,
 * gathering column statistics and writing every row to one of {@code partitions} spill files chosen
 * by a hash of the key (keyless: of every column both files name), so rows that can match always
 * land in the same partition. Pass 2 loads one partition pair at a time and runs the in-memory
 * {@link RowComparer} on it; outcomes, histograms and exact top-value counts add up.
 *
 * <p>What differs from the in-memory diff: a key is inferred from the first {@value #KEY_SAMPLE_ROWS}
 * rows and then verified on all rows (when it repeats, the diff falls back to keyless), top values
 * come from {@link TopValues} (exact counts; a note says when the ranking is not provably exact), and
 * a duplicate key is reported where its partition finds it rather than at its first line.
 */
final class SpillingTableDiffer {
    static final int KEY_SAMPLE_ROWS = 100_000;

    private final TableStream beforeStream;
    private final TableStream afterStream;
    private final int partitions;
    private final int keySampleRows;
    private final DiffProgress progress;
    private final List<String> notes = new ArrayList<>();

    private SpillingTableDiffer(TableStream before, TableStream after, int partitions, int keySampleRows, DiffProgress progress) {
        this.beforeStream = before;
        this.afterStream = after;
        this.partitions = partitions;
        this.keySampleRows = keySampleRows;
        this.progress = progress;
    }

    /**
     * @param why       a sentence for the report on why the diff spilled
     * @param spillRoot where the partition files go (a folder of their own, deleted at the end)
     */
    static TableDiff diff(TableStream before, TableStream after, String key, int partitions, Path spillRoot, String why,
                          DiffProgress progress) {
        return diff(before, after, key, partitions, KEY_SAMPLE_ROWS, spillRoot, why, progress);
    }

    /** @param keySampleRows rows of each file a key is inferred from */
    static TableDiff diff(TableStream before, TableStream after, String key, int partitions, int keySampleRows, Path spillRoot,
                          String why, DiffProgress progress) {
        return new SpillingTableDiffer(before, after, partitions, keySampleRows, progress).run(key, spillRoot, why);
    }

    private TableDiff run(String key, Path spillRoot, String why) {
        List<String> oldNames = beforeStream.columns();
        List<String> newNames = afterStream.columns();
        int[] byName = ColumnMatcher.byName(oldNames, newNames);
        String chosen;
        String keyNote;
        boolean inferred = false;
        if (key != null) {
            TableDiffer.requireKey(oldNames, beforeStream.source(), key);
            TableDiffer.requireKey(newNames, afterStream.source(), key);
            chosen = key;
            keyNote = TableDiffer.givenKeyNote(key);
        } else {
            progress.update("looking for a key in the first rows", 0, 0);
            chosen = TableDiffer.inferKey(beforeStream.head(keySampleRows), afterStream.head(keySampleRows), byName);
            inferred = chosen != null;
            keyNote = inferred ? TableDiffer.inferredKeyNote(chosen, " in the first " + String.format("%,d", keySampleRows)
                    + " rows, then checked on all rows") : TableDiffer.NO_KEY_NOTE;
        }
        int[][] partitionCols = partitionColumns(chosen, oldNames, newNames, byName);
        String by = chosen != null ? "the key '" + chosen + "'"
                : partitionCols[0].length == 0 ? "nothing (the files share no column name, so all rows stay in one partition)"
                : "the " + partitionCols[0].length + " columns both files name";
        notes.add("Spilled to disk: " + why + "; both files were split into " + partitions + " partitions by a hash of " + by
                + " and compared one partition at a time.");

        Path dir = createDirectory(spillRoot);
        try {
            Side before = new Side(beforeStream, partitionCols[0], partitions, dir, "old");
            Side after = new Side(afterStream, partitionCols[1], partitions, dir, "new");
            both(() -> before.spill(progress), () -> after.spill(progress));
            ColumnStats[] oldPre = before.stats();
            ColumnStats[] newPre = after.stats();

            Duplicate duplicate = null;
            ColumnMatcher.Pairing pairing = null;
            Compared compared = null;
            if (chosen != null) {
                Renames renames = keyedRenames(before, after, chosen, oldNames, newNames, byName);
                duplicate = renames.duplicate;
                if (duplicate == null) {
                    pairing = ColumnMatcher.pair(oldNames, newNames, oldPre, newPre, renames::same);
                    compared = compare(before, after, chosen, pairing);
                    duplicate = compared.duplicate;
                }
                if (duplicate != null) {
                    AtollException problem = TableDiffer.notUnique(duplicate.table, duplicate.table.columnIndex(chosen), duplicate.rows);
                    if (!inferred) {
                        throw problem;
                    }
                    keyNote = "no key: '" + chosen + "' was unique in the first " + String.format("%,d", keySampleRows)
                            + " rows of both files but not in all (" + duplicate.describe(chosen) + ") — rows compared as a multiset";
                    chosen = null;
                }
            }
            if (chosen == null) {
                pairing = ColumnMatcher.pair(oldNames, newNames, oldPre, newPre, (o, n) -> ColumnMatcher.sameMultiset(
                        oldPre[o], before.columns[o].fingerprint(), newPre[n], after.columns[n].fingerprint()));
                compared = compare(before, after, null, pairing);
            }

            ColumnStats[] oldStats = before.stats();
            ColumnStats[] newStats = after.stats();
            noteApproximateTops(before, oldStats);
            noteApproximateTops(after, newStats);
            List<ColumnComparison> columns = ColumnMatcher.comparisons(oldNames, newNames, pairing, oldStats, newStats,
                    compared.outcome.modifiedCells(), compared.histograms);
            RowComparer.Outcome outcome = compared.outcome;
            return new TableDiff(before.source(), after.source(), chosen, keyNote, pairing.schemaChanges(), outcome.counts(), columns,
                    outcome.added(), outcome.removed(), outcome.modified(), notes);
        } finally {
            delete(dir);
        }
    }

    /** Keyed: the key on each side. Keyless: every column both files name, so that equal rows hash alike. */
    private static int[][] partitionColumns(String key, List<String> oldNames, List<String> newNames, int[] byName) {
        if (key != null) {
            return new int[][]{{oldNames.indexOf(key)}, {newNames.indexOf(key)}};
        }
        List<int[]> shared = new ArrayList<>();
        for (int n = 0; n < byName.length; n++) {
            if (byName[n] >= 0) {
                shared.add(new int[]{byName[n], n});
            }
        }
        return new int[][]{shared.stream().mapToInt(p -> p[0]).toArray(), shared.stream().mapToInt(p -> p[1]).toArray()};
    }

    /** A partition's rows by the hash of some cells; the same cells give the same partition whichever file they are in. */
    static int partition(StreamRow row, int[] cols, int partitions) {
        int h = 0x5BD1E995;
        for (int col : cols) {
            h = (h ^ row.hash(col)) * 0x9E3779B1;
        }
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        h *= 0x297A2D39;
        h ^= h >>> 15;
        return (int) (((h & 0xFFFFFFFFL) * partitions) >>> 32); // the high bits; RowIndex slots take the low ones
    }

    /** A repeated or empty key: the partition's table and {row, earlierRow} as {@link RowComparer#firstDuplicate}. */
    private record Duplicate(Table table, int[] rows) {
        String describe(String key) {
            int col = table.columnIndex(key);
            return rows[1] < 0 ? "empty on line " + table.line(rows[0]) + " of " + table.source()
                    : "'" + table.value(rows[0], col) + "' on lines " + table.line(rows[1]) + " and " + table.line(rows[0]) + " of " + table.source();
        }
    }

    /** Keyed rename candidates (an old-only and a new-only column equal on every matched row), found in a pass over the partitions. */
    private static final class Renames {
        private final boolean[][] differ;
        private final boolean[][] anyValue;
        private Duplicate duplicate;

        Renames(int oldWidth, int newWidth) {
            differ = new boolean[oldWidth][newWidth];
            anyValue = new boolean[oldWidth][newWidth];
        }

        boolean same(int oldCol, int newCol) {
            return !differ[oldCol][newCol] && anyValue[oldCol][newCol];
        }

        void setDuplicate(Duplicate found) {
            duplicate = found;
        }
    }

    private Renames keyedRenames(Side before, Side after, String key, List<String> oldNames, List<String> newNames, int[] byName) {
        Renames renames = new Renames(oldNames.size(), newNames.size());
        List<Integer> oldOnly = new ArrayList<>();
        for (int o = 0; o < oldNames.size(); o++) {
            if (!newNames.contains(oldNames.get(o))) {
                oldOnly.add(o);
            }
        }
        List<Integer> newOnly = new ArrayList<>();
        for (int n = 0; n < byName.length; n++) {
            if (byName[n] < 0) {
                newOnly.add(n);
            }
        }
        if (oldOnly.isEmpty() || newOnly.isEmpty()) {
            return renames;
        }
        int oldKey = oldNames.indexOf(key);
        int newKey = newNames.indexOf(key);
        for (int p = 0; p < partitions; p++) {
            progress.update("matching renamed columns", p, partitions);
            Table a = before.load(p);
            Table b = after.load(p);
            int[] match = match(a, b, oldKey, newKey, renames::setDuplicate);
            if (match == null) {
                return renames;
            }
            for (int o : oldOnly) {
                for (int n : newOnly) {
                    if (!renames.differ[o][n]) {
                        Boolean same = RowComparer.sameOnMatchedRows(a, o, b, n, match, renames.anyValue[o][n]);
                        if (same == null) {
                            renames.differ[o][n] = true;
                        } else {
                            renames.anyValue[o][n] = same;
                        }
                    }
                }
            }
        }
        return renames;
    }

    /** Matches a partition's rows by key; null (and the duplicate handed over) when a key repeats or is empty. */
    private static int[] match(Table a, Table b, int oldKey, int newKey, java.util.function.Consumer<Duplicate> duplicate) {
        RowComparer.KeyMatch match = RowComparer.matchByKey(a, b, oldKey, newKey);
        if (match.duplicate() != null) {
            duplicate.accept(new Duplicate(match.duplicateIn(), match.duplicate()));
            return null;
        }
        return match.match();
    }

    private static final class Compared {
        RowComparer.Outcome outcome;
        Histogram[] histograms;
        Duplicate duplicate;
    }

    /** Pass 2: every partition pair through the row comparer, with histograms and exact top-value counts on the way. */
    private Compared compare(Side before, Side after, String key, ColumnMatcher.Pairing pairing) {
        int newWidth = after.columns.length;
        Compared result = new Compared();
        result.outcome = RowComparer.Outcome.empty(newWidth);
        ColumnStats[] oldPre = before.stats();
        ColumnStats[] newPre = after.stats();
        HistogramBins[] bins = new HistogramBins[newWidth];
        for (int n = 0; n < newWidth; n++) {
            int o = pairing.newToOld()[n];
            if (o >= 0 && ColumnMatcher.histogrammed(oldPre[o], newPre[n])) {
                bins[n] = new HistogramBins(oldPre[o], newPre[n]);
            }
        }
        before.resetTopCounts();
        after.resetTopCounts();
        int oldKey = key == null ? -1 : before.stream.columns().indexOf(key);
        int newKey = key == null ? -1 : after.stream.columns().indexOf(key);
        for (int p = 0; p < partitions; p++) {
            progress.update("comparing partitions", p, partitions);
            Table a = before.load(p);
            Table b = after.load(p);
            RowComparer.Outcome part;
            if (key != null) {
                int[] match = match(a, b, oldKey, newKey, found -> result.duplicate = found);
                if (match == null) {
                    return result;
                }
                part = RowComparer.keyed(a, b, newKey, match, pairing.oldCols(), pairing.newCols());
            } else {
                part = RowComparer.keyless(a, b, pairing.oldCols(), pairing.newCols());
            }
            result.outcome = result.outcome.plus(part);
            for (int n = 0; n < newWidth; n++) {
                if (bins[n] != null) {
                    int o = pairing.newToOld()[n];
                    for (int r = 0; r < a.rowCount(); r++) {
                        bins[n].addBefore(a.number(r, o));
                    }
                    for (int r = 0; r < b.rowCount(); r++) {
                        bins[n].addAfter(b.number(r, n));
                    }
                }
            }
            before.countTops(a);
            after.countTops(b);
        }
        progress.update("comparing partitions", partitions, partitions);
        result.histograms = new Histogram[newWidth];
        for (int n = 0; n < newWidth; n++) {
            result.histograms[n] = bins[n] == null ? null : bins[n].histogram();
        }
        return result;
    }

    private void noteApproximateTops(Side side, ColumnStats[] stats) {
        for (int c = 0; c < stats.length; c++) {
            TopValues top = side.columns[c].topValues();
            if (top != null && !top.exact(stats[c].top(), ColumnProfile.TOP)) {
                notes.add("Top values of '" + side.stream.columns().get(c) + "' in " + side.stream.source() + " are the most frequent of "
                        + String.format("%,d", ColumnAccumulator.TRACKED_VALUES) + " values tracked while streaming (counts exact): a value with up to "
                        + String.format("%,d", top.untrackedBound()) + " occurrences may be missing from them.");
            }
        }
    }

    /** One file: its stream, its statistics and its partition files. */
    private static final class Side {
        private final TableStream stream;
        private final int[] partitionCols;
        private final Path dir;
        private final String prefix;
        private final RowSpill[] parts;
        private final ColumnAccumulator[] columns;
        private long rows;

        Side(TableStream stream, int[] partitionCols, int partitions, Path dir, String prefix) {
            this.stream = stream;
            this.partitionCols = partitionCols;
            this.dir = dir;
            this.prefix = prefix;
            this.parts = new RowSpill[partitions];
            this.columns = new ColumnAccumulator[stream.columns().size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new ColumnAccumulator();
            }
        }

        private Path file(int partition) {
            return dir.resolve(prefix + "-" + partition + ".rows");
        }

        void spill(DiffProgress progress) {
            int bufferSize = Math.max(8 << 10, Math.min(64 << 10, (int) (Runtime.getRuntime().maxMemory() / 16 / (2L * parts.length))));
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new RowSpill(file(p), bufferSize);
            }
            String phase = "reading " + stream.source();
            long size = stream.size();
            try {
                rows = stream.forEach(row -> {
                    for (int c = 0; c < columns.length; c++) {
                        columns[c].add(row, c);
                    }
                    parts[partition(row, partitionCols, parts.length)].write(row);
                    return true;
                }, bytes -> progress.update(phase, bytes, size));
            } finally {
                for (RowSpill part : parts) {
                    part.close();
                }
            }
        }

        Table load(int partition) {
            return RowSpill.load(file(partition), parts[partition].rows(), stream.source(), stream.format(), stream.columns());
        }

        ColumnStats[] stats() {
            ColumnStats[] stats = new ColumnStats[columns.length];
            for (int c = 0; c < columns.length; c++) {
                stats[c] = columns[c].stats();
            }
            return stats;
        }

        void resetTopCounts() {
            for (ColumnAccumulator column : columns) {
                if (column.topValues() != null) {
                    column.topValues().resetCounts();
                }
            }
        }

        void countTops(Table table) {
            for (int c = 0; c < columns.length; c++) {
                TopValues top = columns[c].topValues();
                if (top == null) {
                    continue;
                }
                for (int r = 0; r < table.rowCount(); r++) {
                    if (!table.isNull(r, c)) {
                        top.count(table, r, c);
                    }
                }
            }
        }

        SourceInfo source() {
            return new SourceInfo(stream.source(), stream.format(), rows, stream.columns(), stream.problems());
        }
    }

    private static void both(Runnable first, Runnable second) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(second);
        try {
            first.run();
        } catch (RuntimeException failure) {
            other.exceptionally(ignored -> null).join();
            throw failure;
        }
        try {
            other.join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    private static Path createDirectory(Path root) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "atoll-diff-");
        } catch (IOException failure) {
            throw AtollException.invalidParameter("cannot create a folder for spill files in " + root + " (" + failure.getMessage()
                    + ") — set java.io.tmpdir to a writable folder with free space about the size of both inputs");
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Temporary files only; a leftover does no harm beyond its space.
        }
    }
}
