package dev.atoll.artifacts;

import java.io.InputStream;

/**
 * A stream of {@code size} deterministic, non-repeating-looking bytes generated on the fly, so tests
 * can move gigabytes without holding them.
 */
public final class PatternStream extends InputStream {
    private final long size;
    private long position;

    public PatternStream(long size) {
        this.size = size;
    }

    private static byte at(long position) {
        long x = position * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56 ^ position >>> 13);
    }

    @Override
    public int read() {
        return position < size ? at(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = at(position++);
        }
        return n;
    }
}
