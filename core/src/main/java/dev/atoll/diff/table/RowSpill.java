package dev.atoll.diff.table;

import dev.atoll.errors.AtollException;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a {@link TableStream} written to a file, to be read back as a {@link Table} later: per row
 * its line, then per cell its length and bytes (lengths as unsigned LEB128 varints). Reading back
 * keeps the file's bytes as the table's buffer, so a loaded part costs its file size plus the offsets.
 */
public final class RowSpill implements Closeable {
    private final Path file;
    private final OutputStream out;
    private byte[] record = new byte[4096];
    private int rows;
    private long bytes;

    /** @param bufferSize bytes buffered before a write; many partitions open at once want a smaller one */
    public RowSpill(Path file, int bufferSize) {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), bufferSize);
        } catch (IOException failure) {
            throw unwritable(file, failure);
        }
    }

    public void write(StreamRow row) {
        int width = row.width();
        int need = 5;
        for (int c = 0; c < width; c++) {
            need += 5 + row.end(c) - row.start(c);
        }
        if (need > record.length) {
            record = new byte[Math.max(need, record.length * 2)];
        }
        int w = varint(record, 0, row.line());
        byte[] data = row.data();
        for (int c = 0; c < width; c++) {
            int start = row.start(c);
            int length = row.end(c) - start;
            w = varint(record, w, length);
            System.arraycopy(data, start, record, w, length);
            w += length;
        }
        try {
            out.write(record, 0, w);
        } catch (IOException failure) {
            throw unwritable(file, failure);
        }
        rows++;
        bytes += w;
    }

    public int rows() {
        return rows;
    }

    /** Bytes written so far. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException failure) {
            throw unwritable(file, failure);
        }
    }

    /** Reads a spilled file back as a table of {@code columns}; its rows keep the lines they had in {@code source}. */
    public static Table load(Path file, int rows, String source, String format, List<String> columns) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException failure) {
            throw new UncheckedIOException("spill file " + file + " cannot be read back", failure);
        }
        int width = columns.size();
        int[] starts = new int[Math.max(1, rows * width)];
        int[] ends = new int[starts.length];
        int[] lines = new int[Math.max(1, rows)];
        int pos = 0;
        for (int r = 0; r < rows; r++) {
            long read = readVarint(data, pos);
            lines[r] = (int) (read >>> 32);
            pos = (int) read;
            for (int c = 0, cell = r * width; c < width; c++, cell++) {
                read = readVarint(data, pos);
                starts[cell] = (int) read;
                ends[cell] = (int) read + (int) (read >>> 32);
                pos = ends[cell];
            }
        }
        if (pos != data.length) {
            throw new IllegalStateException("spill file " + file + " holds " + data.length + " bytes, its " + rows + " rows end at " + pos);
        }
        return new Table(source, format, columns, data, starts, ends, Arrays.copyOf(lines, rows), rows, List.of());
    }

    private static int varint(byte[] into, int at, int value) {
        while ((value & ~0x7F) != 0) {
            into[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        into[at++] = (byte) value;
        return at;
    }

    /** The value in the high 32 bits, the position after it in the low 32. */
    private static long readVarint(byte[] data, int at) {
        int value = 0;
        int shift = 0;
        while (true) {
            byte b = data[at++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return ((long) value << 32) | at;
            }
            shift += 7;
        }
    }

    private static AtollException unwritable(Path file, IOException failure) {
        return AtollException.invalidParameter("spill file " + file + " cannot be written (" + failure.getMessage()
                + ") — the diff needs free disk space about the size of both inputs in the temporary directory (java.io.tmpdir)");
    }
}
