package dev.atoll.diff.table;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Brings file bytes to UTF-8: a UTF-8 BOM is skipped, valid UTF-8 is used as is, anything else is
 * read as ISO-8859-1 (every byte is a character there, so nothing is lost or rejected) and re-encoded.
 */
final class TextEncoding {
    /** The text as UTF-8 from {@code offset} (past a BOM), how it was encoded, and how many line feeds it holds. */
    record Decoded(byte[] data, int offset, String label, int lineFeeds) {
    }

    /** Reads eight bytes of an array as one long (for word-at-a-time scans); the byte order does not matter for them. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;

    private TextEncoding() {
    }

    static Decoded toUtf8(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new Decoded(raw, 3, "UTF-8 with BOM", lineFeeds(raw, 3));
        }
        int lineFeeds = utf8LineFeeds(raw, 0, raw.length);
        if (lineFeeds >= 0) {
            return new Decoded(raw, 0, "UTF-8", lineFeeds);
        }
        byte[] utf8 = new String(raw, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
        return new Decoded(utf8, 0, "ISO-8859-1 (not valid UTF-8)", lineFeeds(utf8, 0));
    }

    static boolean isUtf8(byte[] b) {
        return validPrefix(b, 0, b.length) == b.length;
    }

    /**
     * The line feeds in {@code b[from, to)} when all of it is valid UTF-8, else -1: the check and the
     * count in one pass over the bytes, eight at a time where they are ASCII.
     */
    static int utf8LineFeeds(byte[] b, int from, int to) {
        long lineFeeds = 0;
        int i = from;
        while (i + Long.BYTES <= to) {
            long lanes = 0;
            for (int words = 0; words < MAX_LANE_WORDS && i + Long.BYTES <= to; words++) {
                long word = (long) LONGS.get(b, i);
                lanes += lineFeedLanes(word); // a line feed is never part of a multi-byte character
                if ((word & HIGH_BITS) == 0) {
                    i += Long.BYTES;
                    continue;
                }
                // Characters starting in this word; the last may run past it (its continuation bytes hold no line feed).
                int wordEnd = i + Long.BYTES;
                while (i < wordEnd) {
                    int length = characterLength(b, i, to);
                    if (length <= 0) {
                        return -1;
                    }
                    i += length;
                }
            }
            lineFeeds += sumLanes(lanes);
        }
        while (i < to) {
            int length = characterLength(b, i, to);
            if (length <= 0) {
                return -1;
            }
            lineFeeds += b[i] == '\n' ? 1 : 0;
            i += length;
        }
        return (int) lineFeeds;
    }

    /** The line feeds in {@code data} from {@code offset}, counted a word at a time. */
    static int lineFeeds(byte[] data, int offset) {
        long lineFeeds = 0;
        int i = offset;
        while (i + Long.BYTES <= data.length) {
            long lanes = 0;
            for (int words = 0; words < MAX_LANE_WORDS && i + Long.BYTES <= data.length; words++, i += Long.BYTES) {
                lanes += lineFeedLanes((long) LONGS.get(data, i));
            }
            lineFeeds += sumLanes(lanes);
        }
        for (; i < data.length; i++) {
            lineFeeds += data[i] == '\n' ? 1 : 0;
        }
        return (int) lineFeeds;
    }

    /*
     * Line feeds are counted in the eight byte lanes of a long, a word's count added to the lanes'
     * (at most 255 words, so that no lane overflows), and the lanes summed once per 255 words: the
     * JIT's first tier, which the CLI runs with, makes Long.bitCount a call (three times slower).
     */
    private static final int MAX_LANE_WORDS = 255;

    /** 1 in each byte lane of a word's line feeds, 0 in the others. */
    private static long lineFeedLanes(long word) {
        long x = word ^ LINE_FEEDS; // a line feed becomes a zero byte
        long nonZero = ((x & LOW_BITS) + LOW_BITS) | x; // high bit set in every non-zero byte
        return (~nonZero & HIGH_BITS) >>> 7;
    }

    /** The sum of the eight byte lanes. */
    private static long sumLanes(long lanes) {
        long pairs = (lanes & 0x00FF00FF00FF00FFL) + ((lanes >>> 8) & 0x00FF00FF00FF00FFL);
        return (pairs * 0x0001000100010001L) >>> 48;
    }

    /**
     * How far {@code b[from, to)} is valid UTF-8: {@code to} when all of it is, less when it ends in
     * the first bytes of a character (which the next chunk may complete), -1 when it is not UTF-8.
     */
    static int validPrefix(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += Long.BYTES; // eight ASCII bytes at once: the common case, checked a word at a time
                continue;
            }
            int length = characterLength(b, i, to);
            if (length == 0) {
                return i;
            }
            if (length < 0) {
                return -1;
            }
            i += length;
        }
        return to;
    }

    /**
     * The length of the UTF-8 character starting at {@code b[i]} (1 for ASCII); 0 when {@code to}
     * cuts it but its bytes so far are valid; -1 when it is not valid UTF-8 (a stray continuation
     * byte, an overlong form, a surrogate, past U+10FFFF).
     */
    private static int characterLength(byte[] b, int i, int to) {
        int c = b[i];
        if (c >= 0) {
            return 1;
        }
        c &= 0xFF;
        int extra;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + extra >= to) {
            for (int k = i + 1; k < to; k++) {
                if ((b[k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            return 0;
        }
        int cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return extra + 1;
    }

    /** How a file is encoded, found by reading it once: whether it starts with a UTF-8 BOM and whether it is valid UTF-8. */
    record Scan(boolean bom, boolean utf8, long size) {
        String label() {
            return bom ? "UTF-8 with BOM" : utf8 ? "UTF-8" : "ISO-8859-1 (not valid UTF-8)";
        }
    }

    static Scan scan(InputStream in, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int carried = 0;
        long size = 0;
        boolean first = true;
        boolean bom = false;
        boolean utf8 = true;
        for (int n; (n = in.read(buffer, carried, buffer.length - carried)) > 0; ) {
            size += n;
            progress.accept(size);
            int end = carried + n;
            int from = 0;
            if (first && end >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                bom = true;
                from = 3;
            }
            first = false;
            if (!utf8) {
                continue;
            }
            int valid = validPrefix(buffer, from, end);
            if (valid < 0) {
                utf8 = false;
                carried = 0;
                continue;
            }
            carried = end - valid;
            System.arraycopy(buffer, valid, buffer, 0, carried);
        }
        // A character cut by the end of the file is not UTF-8; a BOM says UTF-8 whatever follows, as toUtf8 reads it.
        return new Scan(bom, bom || (utf8 && carried == 0), size);
    }
}
