package dev.atoll.diff.table;

import java.nio.charset.StandardCharsets;

/** Number recognition over raw bytes: the fast path covers {@code -12.50}; anything else goes to {@link Double#parseDouble}. */
final class Numbers {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private Numbers() {
    }

    static double parse(byte[] data, int start, int end) {
        if (start >= end) {
            return Double.NaN;
        }
        int i = start;
        boolean negative = data[i] == '-';
        if (negative || data[i] == '+') {
            i++;
        }
        // Integer digits, then, after a '.', fraction digits: two tight loops instead of one with a branch per kind of byte.
        long mantissa = 0;
        int digitsFrom = i;
        int d;
        while (i < end && (d = data[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int digits = i - digitsFrom;
        int fraction = 0;
        if (i < end && data[i] == '.') {
            int fractionFrom = ++i;
            while (i < end && (d = data[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            fraction = i - fractionFrom;
            digits += fraction;
        }
        if (i < end || digits > 17) {
            return slow(data, start, end); // an exponent, another character, or more digits than a long holds exactly
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -value : value;
    }

    private static double slow(byte[] data, int start, int end) {
        byte first = data[start];
        // parseDouble accepts "NaN", "Infinity", "1f", "0x1p3": data files mean text by those, except exponents.
        if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
            return Double.NaN;
        }
        byte last = data[end - 1];
        if (!(last >= '0' && last <= '9' || last == '.')) {
            return Double.NaN;
        }
        String text = new String(data, start, end - start, StandardCharsets.ISO_8859_1);
        if (text.indexOf('x') >= 0 || text.indexOf('X') >= 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notNumber) {
            return Double.NaN;
        }
    }
}
