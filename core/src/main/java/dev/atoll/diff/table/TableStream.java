package dev.atoll.diff.table;

import dev.atoll.errors.AtollException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A CSV/TSV or JSON Lines file read row by row in bounded memory, for files too large to hold: the
 * same sniffing, encoding rules, columns and problems as {@link TableReader}, but each row is
 * handed over while it is in a 1 MiB buffer. Opening reads the file once (encoding; for JSON Lines
 * also the keys); {@link #forEach} reads it again.
 */
public final class TableStream {
    private static final int CHUNK = 1 << 20;
    private static final int SNIFF_BYTES = 64 * 1024;

    /** Receives rows; returns false to stop. */
    public interface RowSink {
        boolean row(StreamRow row);
    }

    private final Path file;
    private final String source;
    private final boolean jsonLines;
    private final TextEncoding.Scan encoding;
    private final Dialect dialect;
    private final List<String> columns;
    private List<String> problems = List.of();
    private int chunk = CHUNK;

    private TableStream(Path file, String source, boolean jsonLines, TextEncoding.Scan encoding, Dialect dialect, List<String> columns) {
        this.file = file;
        this.source = source;
        this.jsonLines = jsonLines;
        this.encoding = encoding;
        this.dialect = dialect;
        this.columns = List.copyOf(columns);
    }

    /** Reads the file once for its encoding and columns; {@code progress} gets the bytes read so far. */
    public static TableStream open(Path file, LongConsumer progress) {
        return open(file, file.toString(), progress);
    }

    /** As {@link #open(Path, LongConsumer)} for a file that reports call {@code name}; JSON Lines by the name's extension. */
    public static TableStream open(Path file, String name, LongConsumer progress) {
        try {
            TextEncoding.Scan encoding;
            try (InputStream in = Files.newInputStream(file)) {
                encoding = TextEncoding.scan(in, progress);
            }
            if (TableReader.isJsonLines(name)) {
                Map<String, Integer> keys = new LinkedHashMap<>();
                try (BufferedReader lines = lines(file, encoding)) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        JsonLines.keys(line, keys);
                    }
                }
                return new TableStream(file, name, true, encoding, null, new ArrayList<>(keys.keySet()));
            }
            byte[] head = new byte[SNIFF_BYTES];
            int length;
            try (InputStream in = utf8(file, encoding, bytes -> { })) {
                length = in.readNBytes(head, 0, head.length);
            }
            Dialect dialect = DialectSniffer.sniff(Arrays.copyOf(head, length), 0, encoding.label());
            List<String> first = new ArrayList<>();
            TableStream headless = new TableStream(file, name, false, encoding, dialect, List.of());
            headless.records((data, starts, ends, count, line) -> {
                for (int i = 0; i < count; i++) {
                    first.add(new String(data, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8));
                }
                return false;
            });
            List<String> columns = dialect.header() ? TableReader.headerNames(first) : TableReader.positionalNames(first.size());
            return new TableStream(file, name, false, encoding, dialect, columns);
        } catch (NoSuchFileException missing) {
            throw AtollException.notFound("file " + name + " does not exist — check the path");
        } catch (IOException | UncheckedIOException failure) {
            throw unreadable(name, failure);
        }
    }

    public String source() {
        return source;
    }

    /** Reads in chunks of this many bytes (tests use tiny ones to cut records everywhere). */
    TableStream chunkSize(int bytes) {
        this.chunk = bytes;
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    /** Bytes in the file. */
    public long size() {
        return encoding.size();
    }

    /** As {@link Table#format()}. */
    public String format() {
        return jsonLines ? "JSON Lines (" + encoding.label() + ")" : "delimited text (" + dialect.describe() + ")";
    }

    /** Problems met by the last {@link #forEach} (ragged rows, skipped lines, an unclosed quote). */
    public List<String> problems() {
        return problems;
    }

    /**
     * Hands every data row to {@code sink}, in file order, until it returns false.
     *
     * @param progress gets the bytes of the file read so far
     * @return the rows handed over
     */
    public long forEach(RowSink sink, LongConsumer progress) {
        ReadProblems found = new ReadProblems(source);
        StreamRow row = new StreamRow(columns.size());
        long[] rows = {0};
        try {
            if (jsonLines) {
                jsonRows(row, sink, found, rows, progress);
            } else {
                boolean[] header = {dialect.header()};
                int width = columns.size();
                int unterminated = records((data, starts, ends, count, line) -> {
                    if (header[0]) {
                        header[0] = false;
                        return true;
                    }
                    if (count != width) {
                        found.ragged(line, count, width);
                    }
                    row.set(data, starts, ends, count, line);
                    rows[0]++;
                    return sink.row(row);
                }, progress);
                if (unterminated > 0) {
                    found.add(source + ": a quoted field is not closed before the end of the file — its text runs to the end");
                }
            }
        } catch (IOException | UncheckedIOException failure) {
            throw unreadable(source, failure);
        }
        problems = found.list();
        return rows[0];
    }

    /** The first {@code maxRows} rows as a table in memory. */
    public Table head(int maxRows) {
        int width = columns.size();
        TableBuilder builder = new TableBuilder(source, columns, new byte[1 << 16], 0, Math.min(maxRows, 1 << 16));
        int[] starts = new int[width];
        int[] ends = new int[width];
        if (maxRows > 0) {
            forEach(row -> {
                for (int c = 0; c < width; c++) {
                    starts[c] = builder.append(row.data(), row.start(c), row.end(c));
                    ends[c] = starts[c] + row.end(c) - row.start(c);
                }
                builder.add(starts, ends, width, row.line());
                return builder.rows() < maxRows;
            }, bytes -> { });
        }
        return builder.build(format());
    }

    private interface RecordSink {
        boolean record(byte[] data, int[] starts, int[] ends, int count, int line);
    }

    private int records(RecordSink sink) throws IOException {
        return records(sink, bytes -> { });
    }

    /** Parses the file chunk by chunk; a record longer than the buffer grows it. Returns the unterminated quoted fields. */
    private int records(RecordSink sink, LongConsumer progress) throws IOException {
        byte[][] buffer = {new byte[chunk]};
        CsvParser parser = new CsvParser(dialect.delimiter(), (starts, ends, count, line) -> sink.record(buffer[0], starts, ends, count, line));
        try (InputStream in = utf8(file, encoding, progress)) {
            int filled = 0;
            boolean eof = false;
            while (true) {
                while (!eof && filled < buffer[0].length) {
                    int n = in.read(buffer[0], filled, buffer[0].length - filled);
                    if (n < 0) {
                        eof = true;
                    } else if (n == 0) {
                        break;
                    } else {
                        filled += n;
                    }
                }
                int resume = parser.parse(buffer[0], 0, filled, eof);
                if (eof || parser.stopped()) {
                    return parser.unterminated();
                }
                if (resume == 0) {
                    buffer[0] = Arrays.copyOf(buffer[0], buffer[0].length * 2);
                    continue;
                }
                System.arraycopy(buffer[0], resume, buffer[0], 0, filled - resume);
                filled -= resume;
            }
        }
    }

    private void jsonRows(StreamRow row, RowSink sink, ReadProblems found, long[] rows, LongConsumer progress) throws IOException {
        int width = columns.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String column : columns) {
            index.put(column, index.size());
        }
        int[] starts = new int[width];
        int[] ends = new int[width];
        byte[] data = new byte[1024];
        long read = 0;
        try (BufferedReader lines = lines(file, encoding)) {
            int lineNumber = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                lineNumber++;
                read += line.length() + 1;
                if ((lineNumber & 0x3FF) == 0) {
                    progress.accept(Math.min(read, size()));
                }
                Map<String, String> record = JsonLines.record(source, lineNumber, line, found);
                if (record == null) {
                    continue;
                }
                Arrays.fill(starts, 0);
                Arrays.fill(ends, 0);
                int used = 0;
                for (Map.Entry<String, String> field : record.entrySet()) {
                    if (field.getValue() == null) {
                        continue;
                    }
                    byte[] bytes = field.getValue().getBytes(StandardCharsets.UTF_8);
                    if (used + bytes.length > data.length) {
                        data = Arrays.copyOf(data, Math.max(data.length * 2, used + bytes.length));
                    }
                    System.arraycopy(bytes, 0, data, used, bytes.length);
                    int col = index.get(field.getKey());
                    starts[col] = used;
                    ends[col] = used + bytes.length;
                    used += bytes.length;
                }
                row.set(data, starts, ends, width, lineNumber);
                rows[0]++;
                if (!sink.row(row)) {
                    break;
                }
            }
        }
        progress.accept(size());
    }

    private static BufferedReader lines(Path file, TextEncoding.Scan encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (encoding.bom()) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, encoding.utf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), 1 << 16);
    }

    /** The file's text as UTF-8 bytes: the BOM skipped, ISO-8859-1 re-encoded; {@code progress} gets the file bytes read. */
    private static InputStream utf8(Path file, TextEncoding.Scan encoding, LongConsumer progress) throws IOException {
        InputStream in = new CountingStream(Files.newInputStream(file), progress);
        if (encoding.bom()) {
            in.skipNBytes(3);
        }
        return encoding.utf8() ? in : new Latin1ToUtf8(in);
    }

    private static AtollException unreadable(String file, Exception failure) {
        return AtollException.invalidParameter("file " + file + " cannot be read (" + failure.getMessage() + ") — check its permissions");
    }

    /** Reports the bytes read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final LongConsumer progress;
        private long count;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }

    /** ISO-8859-1 bytes re-encoded as UTF-8: bytes from 0x80 become two. */
    private static final class Latin1ToUtf8 extends java.io.FilterInputStream {
        private byte[] raw = new byte[0];

        Latin1ToUtf8(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int want = len / 2;
            if (want == 0) {
                return 0;
            }
            if (raw.length < want) {
                raw = new byte[want];
            }
            int n = in.read(raw, 0, want);
            if (n < 0) {
                return -1;
            }
            int w = off;
            for (int i = 0; i < n; i++) {
                int c = raw[i] & 0xFF;
                if (c < 0x80) {
                    b[w++] = (byte) c;
                } else {
                    b[w++] = (byte) (0xC0 | (c >> 6));
                    b[w++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return w - off;
        }
    }
}
