package dev.atoll.diff.table;

import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a CSV/TSV (dialect sniffed) or JSON Lines file ({@code .jsonl}, {@code .ndjson}) into a
 * {@link Table}. The whole file is held in memory.
 */
public final class TableReader {
    private TableReader() {
    }

    public static Table read(Path file) {
        return read(file, file.toString());
    }

    /** Reads a file that reports call {@code name} (e.g. {@code main:data/train.csv}); JSON Lines by the name's extension. */
    public static Table read(Path file, String name) {
        return read(file, name, RowsObserver.NONE);
    }

    /** The same, showing the rows to {@code observer} as they are read. */
    public static Table read(Path file, String name, RowsObserver observer) {
        byte[] raw = readBytes(file, name);
        if (isJsonLines(name)) {
            return readJsonLines(name, raw, observer);
        }
        return readDelimited(name, raw, observer);
    }

    /** Reads both files at once (one core each); the first failure is thrown as it is. */
    public static Table[] readPair(Path before, Path after) {
        return readPair(before, before.toString(), after, after.toString());
    }

    public static Table[] readPair(Path before, String beforeName, Path after, String afterName) {
        return readPair(before, beforeName, RowsObserver.NONE, after, afterName, RowsObserver.NONE);
    }

    /** Reads both files at once, each showing its rows to its observer on the thread that reads it. */
    public static Table[] readPair(Path before, String beforeName, RowsObserver beforeObserver, Path after, String afterName,
                                   RowsObserver afterObserver) {
        CompletableFuture<Table> later = CompletableFuture.supplyAsync(() -> read(after, afterName, afterObserver));
        Table first;
        try {
            first = read(before, beforeName, beforeObserver);
        } catch (RuntimeException failure) {
            later.exceptionally(ignored -> null);
            throw failure;
        }
        try {
            return new Table[]{first, later.join()};
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    private static byte[] readBytes(Path file, String name) {
        try {
            return Files.isRegularFile(file) ? readMapped(file) : Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw AtollException.notFound("file " + name + " does not exist — check the path");
        } catch (IOException | OutOfMemoryError failure) {
            throw AtollException.invalidParameter("file " + name + " cannot be read (" + failure.getMessage()
                    + ") — check permissions, or that it fits in memory (raise -Xmx)");
        }
    }

    /**
     * A regular file's bytes through a memory mapping: one copy from the page cache into the array,
     * where {@code readAllBytes} copies twice through a temporary direct buffer the size of the file
     * (about 30 ms less for 60 MB).
     */
    private static byte[] readMapped(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("it has " + size + " bytes, more than an array holds");
            }
            byte[] bytes = new byte[(int) size];
            if (size > 0) {
                channel.map(FileChannel.MapMode.READ_ONLY, 0, size).get(bytes);
            }
            return bytes;
        }
    }

    /** JSON Lines by the file name: {@code .jsonl} or {@code .ndjson}; anything else is delimited text. */
    static boolean isJsonLines(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
    }

    public static Table readDelimited(String source, byte[] raw) {
        return readDelimited(source, raw, RowsObserver.NONE);
    }

    public static Table readDelimited(String source, byte[] raw, RowsObserver observer) {
        TextEncoding.Decoded text = TextEncoding.toUtf8(raw);
        byte[] data = text.data();
        Dialect dialect = DialectSniffer.sniff(data, text.offset(), text.label());
        List<String> columns = new ArrayList<>();
        TableBuilder[] builder = new TableBuilder[1];
        int estimate = text.lineFeeds() + 1; // rows at most (a quoted field's line feeds count too), plus an unterminated last line
        int unterminated = CsvParser.parse(data, text.offset(), data.length, dialect.delimiter(), (starts, ends, count, line) -> {
            if (builder[0] == null) {
                if (dialect.header()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        cells.add(new String(data, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8));
                    }
                    columns.addAll(headerNames(cells));
                    builder[0] = new TableBuilder(source, columns, data, data.length, estimate, observer).delimitedBy(dialect.delimiter());
                    return true;
                }
                columns.addAll(positionalNames(count));
                builder[0] = new TableBuilder(source, columns, data, data.length, estimate, observer).delimitedBy(dialect.delimiter());
            }
            builder[0].add(starts, ends, count, line);
            return true;
        });
        if (builder[0] == null) {
            builder[0] = new TableBuilder(source, columns, data, data.length, 0, observer).delimitedBy(dialect.delimiter());
        }
        if (unterminated > 0) {
            builder[0].problem(source + ": a quoted field is not closed before the end of the file — its text runs to the end");
        }
        return builder[0].build("delimited text (" + dialect.describe() + ")");
    }

    /** Column names from a header record: stripped, an empty one named by its position, a repeated one suffixed {@code _2}, {@code _3}. */
    static List<String> headerNames(List<String> cells) {
        List<String> columns = new ArrayList<>();
        for (String cell : cells) {
            columns.add(uniqueName(columns, cell.strip()));
        }
        return columns;
    }

    /** Column names when there is no header: {@code column1} … */
    static List<String> positionalNames(int count) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add("column" + (i + 1));
        }
        return columns;
    }

    private static String uniqueName(List<String> taken, String name) {
        String base = name.isEmpty() ? "column" + (taken.size() + 1) : name;
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    /** JSON Lines: one object per line; columns are the union of top-level keys, nested values kept as JSON text. */
    public static Table readJsonLines(String source, byte[] raw) {
        return readJsonLines(source, raw, RowsObserver.NONE);
    }

    public static Table readJsonLines(String source, byte[] raw, RowsObserver observer) {
        TextEncoding.Decoded text = TextEncoding.toUtf8(raw);
        String all = new String(text.data(), text.offset(), text.data().length - text.offset(), StandardCharsets.UTF_8);
        List<Map<String, String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        LinkedHashMap<String, Integer> columnIndex = new LinkedHashMap<>();
        ReadProblems problems = new ReadProblems(source);
        int lineNumber = 0;
        for (String line : all.split("\r?\n", -1)) {
            lineNumber++;
            Map<String, String> record = JsonLines.record(source, lineNumber, line, problems);
            if (record != null) {
                record.keySet().forEach(k -> columnIndex.putIfAbsent(k, columnIndex.size()));
                records.add(record);
                lineNumbers.add(lineNumber);
            }
        }
        List<String> columns = new ArrayList<>(columnIndex.keySet());
        TableBuilder builder = new TableBuilder(source, columns, new byte[Math.max(16, raw.length)], 0, records.size(), observer);
        int[] starts = new int[columns.size()];
        int[] ends = new int[columns.size()];
        for (int r = 0; r < records.size(); r++) {
            Map<String, String> record = records.get(r);
            for (int c = 0; c < columns.size(); c++) {
                String value = record.get(columns.get(c));
                byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
                starts[c] = builder.append(bytes);
                ends[c] = starts[c] + bytes.length;
            }
            builder.add(starts, ends, columns.size(), lineNumbers.get(r));
        }
        problems.list().forEach(builder::problem);
        return builder.build("JSON Lines (" + text.label() + ")");
    }
}
