package dev.atoll.diff.table;

import java.nio.charset.StandardCharsets;

/**
 * Brings file bytes to UTF-8: a UTF-8 BOM is skipped, valid UTF-8 is used as is, anything else is
 * read as ISO-8859-1 (every byte is a character there, so nothing is lost or rejected) and re-encoded.
 */
final class TextEncoding {
    record Decoded(byte[] data, int offset, String label) {
    }

    private TextEncoding() {
    }

    static Decoded toUtf8(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new Decoded(raw, 3, "UTF-8 with BOM");
        }
        if (isUtf8(raw)) {
            return new Decoded(raw, 0, "UTF-8");
        }
        return new Decoded(new String(raw, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8), 0,
                "ISO-8859-1 (not valid UTF-8)");
    }

    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
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
                return false;
            }
            if (i + extra >= n) {
                return false;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
