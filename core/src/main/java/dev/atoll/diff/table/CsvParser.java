package dev.atoll.diff.table;

import java.util.Arrays;

/**
 * An RFC 4180 parser over a byte buffer: quoted fields may hold delimiters, doubled quotes and
 * newlines; records end with LF, CRLF or CR; blank lines are skipped. Doubled quotes are undone in
 * place once a record is complete (the field only shrinks), so every field ends up as a plain byte
 * range of the buffer. Bytes are compared, not decoded: the delimiter, quote and line ends are
 * ASCII, which UTF-8 never uses inside a multi-byte character.
 *
 * <p>The input may come in chunks: {@link #parse} then stops before a record the chunk cuts, leaves
 * its bytes untouched, and returns where it starts, so the caller can carry them into the next chunk.
 */
final class CsvParser {
    private static final byte QUOTE = '"';

    interface RecordSink {
        /** Returns false to stop parsing. */
        boolean record(int[] starts, int[] ends, int count, int line);
    }

    private final byte delimiter;
    private final RecordSink sink;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** Per field: the end of its raw bytes when they hold doubled quotes or text after the closing quote, else -1. */
    private int[] rawEnds = new int[64];
    private int line = 1;
    private int unterminated;
    private boolean stopped;

    CsvParser(byte delimiter, RecordSink sink) {
        this.delimiter = delimiter;
        this.sink = sink;
    }

    /** Parses a whole buffer range; returns the number of unterminated quoted fields (at most one, at the end). */
    static int parse(byte[] data, int from, int to, byte delimiter, RecordSink sink) {
        CsvParser parser = new CsvParser(delimiter, sink);
        parser.parse(data, from, to, true);
        return parser.unterminated();
    }

    int unterminated() {
        return unterminated;
    }

    /** True once the sink asked to stop. */
    boolean stopped() {
        return stopped;
    }

    /**
     * Parses the records of {@code data[from, to)}. With {@code endOfInput} false, a record that
     * reaches {@code to} may go on in the next chunk: it is left as it is and its start returned.
     *
     * @return the offset of the first byte not consumed ({@code to} when everything was)
     */
    int parse(byte[] data, int from, int to, boolean endOfInput) {
        int pos = from;
        while (pos < to && !stopped) {
            int next = record(data, pos, to, endOfInput);
            if (next < 0) {
                return pos;
            }
            pos = next;
        }
        return stopped ? to : pos;
    }

    /** One record from {@code pos}; returns the offset after it, or -1 when the chunk ends inside it. */
    private int record(byte[] data, int pos, int to, boolean endOfInput) {
        boolean more = !endOfInput;
        int newlines = 0;
        int count = 0;
        boolean blank = true;
        boolean escaped = false;
        while (true) {
            int start;
            int end;
            int rawEnd = -1;
            if (pos < to && data[pos] == QUOTE) {
                blank = false;
                pos++;
                start = pos;
                boolean closed = false;
                while (pos < to) {
                    byte b = data[pos];
                    if (b == QUOTE) {
                        if (pos + 1 >= to) {
                            if (more) {
                                return -1;
                            }
                            pos++;
                            closed = true;
                            break;
                        }
                        if (data[pos + 1] == QUOTE) {
                            rawEnd = 0; // doubled quote: undo when the record is complete
                            pos += 2;
                            continue;
                        }
                        pos++;
                        closed = true;
                        break;
                    }
                    if (b == '\n') {
                        newlines++;
                    } else if (b == '\r') {
                        if (pos + 1 >= to) {
                            if (more) {
                                return -1;
                            }
                            newlines++;
                        } else if (data[pos + 1] != '\n') {
                            newlines++;
                        }
                    }
                    pos++;
                }
                if (!closed) {
                    if (more) {
                        return -1;
                    }
                    unterminated++;
                }
                end = closed ? pos - 1 : pos;
                // Text after the closing quote ("a"b) is kept as part of the field, as most readers do.
                int trailing = pos;
                while (pos < to) {
                    byte b = data[pos];
                    if (b == delimiter || b == '\n' || b == '\r') {
                        break;
                    }
                    pos++;
                }
                if (pos >= to && more) {
                    return -1;
                }
                if (pos > trailing) {
                    rawEnd = 0;
                }
                if (rawEnd == 0) {
                    rawEnd = pos;
                    escaped = true;
                }
            } else {
                start = pos;
                while (pos < to) {
                    byte b = data[pos];
                    if (b == delimiter || b == '\n' || b == '\r') {
                        break;
                    }
                    pos++;
                }
                if (pos >= to && more) {
                    return -1;
                }
                end = pos;
                if (end > start) {
                    blank = false;
                }
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                rawEnds = Arrays.copyOf(rawEnds, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            rawEnds[count] = rawEnd;
            count++;
            if (pos >= to) {
                break; // end of input without a line end
            }
            byte b = data[pos];
            if (b == delimiter) {
                blank = false;
                pos++;
                continue; // at the very end this reads one more, empty, field
            }
            pos++;
            if (b == '\r') {
                if (pos >= to && more) {
                    return -1; // an LF may follow in the next chunk
                }
                if (pos < to && data[pos] == '\n') {
                    pos++;
                }
            }
            newlines++;
            break;
        }
        if (escaped) {
            for (int i = 0; i < count; i++) {
                if (rawEnds[i] >= 0) {
                    ends[i] = unescape(data, starts[i], rawEnds[i]);
                }
            }
        }
        int recordLine = line;
        line += newlines;
        if (!blank && !sink.record(starts, ends, count, recordLine)) {
            stopped = true;
        }
        return pos;
    }

    /** Undoes doubled quotes and drops the closing quote of a quoted field's raw bytes, in place; returns the new end. */
    private static int unescape(byte[] data, int start, int rawEnd) {
        int w = start;
        boolean quoted = true;
        for (int i = start; i < rawEnd; i++) {
            byte b = data[i];
            if (quoted && b == QUOTE) {
                if (i + 1 < rawEnd && data[i + 1] == QUOTE) {
                    data[w++] = QUOTE;
                    i++;
                    continue;
                }
                quoted = false; // the closing quote; what follows is kept as it is
                continue;
            }
            data[w++] = b;
        }
        return w;
    }
}
