package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import dev.atoll.diff.table.TableStream;
import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Diffs two table files in bounded memory: in memory ({@link TableDiffer}) when both fit the
 * budget, else spilled to disk in hash partitions ({@link SpillingTableDiffer}), which holds one
 * partition pair at a time. The estimate comes from the file sizes and the cells and rows per byte
 * of their first 64 KiB.
 */
public final class TableFileDiffer {
    /** Share of the memory limit the in-memory diff may plan to use (the rest is for the JVM, the report, and error). */
    static final double IN_MEMORY_SHARE = 0.6;
    /** Share of the memory limit one partition pair may plan to use; small, so the collector finds room for its arrays. */
    static final double PARTITION_SHARE = 0.125;
    /** Per cell, at worst: its end offset, its start (kept for quoted fields) and its parsed number (kept for numeric columns). */
    static final int BYTES_PER_CELL = 16;
    /** Per row: its line number, where it starts, and its share of the hash index (up to 4 slots of 12 bytes at the table's load). */
    static final int BYTES_PER_ROW = 56;
    private static final int SAMPLE_BYTES = 64 * 1024;

    /** How much memory a diff may use and where its spill files go. */
    public record Limits(long memoryBytes, Path spillDirectory) {
        /** This JVM's maximum heap ({@code -Xmx}) and {@code java.io.tmpdir}. */
        public static Limits ofRuntime() {
            return new Limits(Runtime.getRuntime().maxMemory(), Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    private TableFileDiffer() {
    }

    /** @param key the key column, or null to infer one */
    public static TableDiff diff(Path before, Path after, String key, DiffProgress progress) {
        return diff(before, after, key, Limits.ofRuntime(), progress);
    }

    public static TableDiff diff(Path before, Path after, String key, Limits limits, DiffProgress progress) {
        return diff(before, before.toString(), after, after.toString(), key, limits, progress);
    }

    /** Diffs files that reports call by other names ({@code main:data/train.csv}); JSON Lines by the names' extensions. */
    public static TableDiff diff(Path before, String beforeName, Path after, String afterName, String key, Limits limits,
                                 DiffProgress progress) {
        long need = inMemoryBytes(before, beforeName) + inMemoryBytes(after, afterName);
        long budget = (long) (limits.memoryBytes() * IN_MEMORY_SHARE);
        if (need <= budget) {
            progress.update("reading both files", 0, 0);
            // Each file's columns are profiled on the thread that reads it, as its rows are parsed.
            TableProfiler oldProfiler = new TableProfiler();
            TableProfiler newProfiler = new TableProfiler();
            Table[] tables = TableReader.readPair(before, beforeName, oldProfiler, after, afterName, newProfiler);
            progress.update("comparing", 0, 0);
            return TableDiffer.diff(tables[0], oldProfiler.finish(tables[0]), tables[1], newProfiler.finish(tables[1]), key);
        }
        int partitions = (int) Math.min(4096, Math.max(2, Math.ceil(need / (limits.memoryBytes() * PARTITION_SHARE))));
        String why = String.format("the files would need about %,d MiB in memory, more than the %,d MiB of the %,d MiB heap a diff plans to use",
                need >> 20, budget >> 20, limits.memoryBytes() >> 20);
        TableStream[] streams = openBoth(before, beforeName, after, afterName, progress);
        return SpillingTableDiffer.diff(streams[0], streams[1], key, partitions, limits.spillDirectory(), why, progress);
    }

    /** About what a file costs held in memory: its bytes, {@value #BYTES_PER_CELL} per cell, {@value #BYTES_PER_ROW} per row. */
    static long inMemoryBytes(Path file, String name) {
        long size;
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (NoSuchFileException missing) {
            throw AtollException.notFound("file " + name + " does not exist — check the path");
        } catch (IOException failure) {
            throw AtollException.invalidParameter("file " + name + " cannot be read (" + failure.getMessage() + ") — check its permissions");
        }
        if (sample.length == 0) {
            return 0;
        }
        long newlines = 0;
        long[] separators = new long[4]; // , ; TAB | — the delimiter is one of them; JSON's ':' counts as a cell too
        long colons = 0;
        for (byte b : sample) {
            switch (b) {
                case '\n' -> newlines++;
                case ',' -> separators[0]++;
                case ';' -> separators[1]++;
                case '\t' -> separators[2]++;
                case '|' -> separators[3]++;
                case ':' -> colons++;
                default -> { }
            }
        }
        long delimiters = Math.max(colons, Math.max(Math.max(separators[0], separators[1]), Math.max(separators[2], separators[3])));
        double rowsPerByte = (newlines + 1.0) / sample.length;
        double cellsPerByte = (delimiters + newlines + 1.0) / sample.length;
        return (long) (size * (1 + cellsPerByte * BYTES_PER_CELL + rowsPerByte * BYTES_PER_ROW));
    }

    private static TableStream[] openBoth(Path before, String beforeName, Path after, String afterName, DiffProgress progress) {
        long beforeSize = size(before);
        long afterSize = size(after);
        CompletableFuture<TableStream> later = CompletableFuture.supplyAsync(
                () -> TableStream.open(after, afterName, bytes -> progress.update("scanning " + afterName, bytes, afterSize)));
        TableStream first;
        try {
            first = TableStream.open(before, beforeName, bytes -> progress.update("scanning " + beforeName, bytes, beforeSize));
        } catch (RuntimeException failure) {
            later.exceptionally(ignored -> null);
            throw failure;
        }
        try {
            return new TableStream[]{first, later.join()};
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException failure) {
            return 0;
        }
    }
}
