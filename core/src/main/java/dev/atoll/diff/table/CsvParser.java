package dev.atoll.diff.table;

import java.util.Arrays;

/**
 * An RFC 4180 parser over a byte buffer: quoted fields may hold delimiters, doubled quotes and
 * newlines; records end with LF, CRLF or CR; blank lines are skipped. Doubled quotes are undone in
 * place (the field only shrinks), so every field ends up as a plain byte range of the buffer.
 * Bytes are compared, not decoded: the delimiter, quote and line ends are ASCII, which UTF-8 never
 * uses inside a multi-byte character.
 */
final class CsvParser {
    private static final byte QUOTE = '"';

    interface RecordSink {
        /** Returns false to stop parsing. */
        boolean record(int[] starts, int[] ends, int count, int line);
    }

    private CsvParser() {
    }

    /** Parses {@code data[from, to)}; returns the number of unterminated quoted fields (at most one, at the end). */
    static int parse(byte[] data, int from, int to, byte delimiter, RecordSink sink) {
        int[] starts = new int[64];
        int[] ends = new int[64];
        int pos = from;
        int line = 1;
        int unterminated = 0;
        while (pos < to) {
            int recordLine = line;
            int count = 0;
            boolean blank = true;
            while (true) {
                int start;
                int end;
                if (pos < to && data[pos] == QUOTE) {
                    blank = false;
                    pos++;
                    start = pos;
                    int w = pos;
                    boolean closed = false;
                    while (pos < to) {
                        byte b = data[pos];
                        if (b == QUOTE) {
                            if (pos + 1 < to && data[pos + 1] == QUOTE) {
                                data[w++] = QUOTE;
                                pos += 2;
                                continue;
                            }
                            pos++;
                            closed = true;
                            break;
                        }
                        if (b == '\n' || (b == '\r' && (pos + 1 >= to || data[pos + 1] != '\n'))) {
                            line++;
                        }
                        data[w++] = b;
                        pos++;
                    }
                    if (!closed) {
                        unterminated++;
                    }
                    // Text after the closing quote ("a"b) is kept as part of the field, as most readers do.
                    while (pos < to) {
                        byte b = data[pos];
                        if (b == delimiter || b == '\n' || b == '\r') {
                            break;
                        }
                        data[w++] = b;
                        pos++;
                    }
                    end = w;
                } else {
                    start = pos;
                    while (pos < to) {
                        byte b = data[pos];
                        if (b == delimiter || b == '\n' || b == '\r') {
                            break;
                        }
                        pos++;
                    }
                    end = pos;
                    if (end > start) {
                        blank = false;
                    }
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = start;
                ends[count] = end;
                count++;
                if (pos >= to) {
                    break;
                }
                byte b = data[pos];
                if (b == delimiter) {
                    blank = false;
                    pos++;
                    continue; // at the very end this reads one more, empty, field

                }
                pos++;
                if (b == '\r' && pos < to && data[pos] == '\n') {
                    pos++;
                }
                line++;
                break;
            }
            if (!blank && !sink.record(starts, ends, count, recordLine)) {
                break;
            }
        }
        return unterminated;
    }
}
