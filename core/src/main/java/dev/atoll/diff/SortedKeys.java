package dev.atoll.diff;

import dev.atoll.diff.table.Table;

/**
 * The key match for the common case of two files sorted by their key: when the keys ascend
 * strictly on both sides (as numbers when every key on both sides is one, else as bytes), they are
 * unique and never empty, and one merge pass over both matches the rows with sequential reads and
 * no hash table. Keys are equal only when their bytes are ({@code 1} and {@code 1.0} are different
 * keys, as in the hash match).
 */
final class SortedKeys {
    private SortedKeys() {
    }

    /** For each new row the old row with its key, or -1; null when either side is not sorted so. */
    static int[] merge(Table before, int oldKey, Table after, int newKey) {
        double[] oldNumbers = numbers(before, oldKey);
        return merge(before, oldKey, oldNumbers, after, newKey, oldNumbers == null ? null : numbers(after, newKey));
    }

    /**
     * The same with the key columns' numbers already parsed: {@code oldNumbers} and {@code newNumbers} are the key columns' numbers (NaN when empty), or null
     * when a side's key column is not numeric.
     */
    static int[] merge(Table before, int oldKey, double[] oldNumbers, Table after, int newKey, double[] newNumbers) {
        boolean numeric = oldNumbers != null && newNumbers != null;
        if (!ascending(before, oldKey, numeric ? oldNumbers : null) || !ascending(after, newKey, numeric ? newNumbers : null)) {
            return null;
        }
        int oldRows = before.rowCount();
        int[] match = new int[after.rowCount()];
        int o = 0;
        for (int r = 0; r < match.length; r++) {
            int order = 1;
            // No NaN here (both sides ascend); a -0 and a 0 compare equal, then differ in their bytes.
            while (o < oldRows && (order = numeric ? compare(oldNumbers[o], newNumbers[r])
                    : before.compareBytes(o, oldKey, after, r, newKey)) < 0) {
                o++;
            }
            // Numerically equal keys with different bytes: neither side has the other's key.
            match[r] = o < oldRows && order == 0 && before.sameValue(o, oldKey, after, r, newKey) ? o : -1;
        }
        return match;
    }

    private static int compare(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** The column's values as numbers, or null when one is empty or not a number. */
    private static double[] numbers(Table table, int col) {
        double[] numbers = new double[table.rowCount()];
        for (int r = 0; r < numbers.length; r++) {
            double v = table.number(r, col);
            if (Double.isNaN(v)) {
                return null;
            }
            numbers[r] = v;
        }
        return numbers;
    }

    /** Strictly ascending, as the numbers when given (NaN, an empty cell, never ascends), else as bytes; an empty value is never ascending. */
    private static boolean ascending(Table table, int col, double[] numbers) {
        int rows = table.rowCount();
        if (numbers != null) {
            for (int r = 1; r < rows; r++) {
                if (!(numbers[r - 1] < numbers[r])) {
                    return false;
                }
            }
            return true;
        }
        for (int r = 0; r < rows; r++) {
            if (table.isNull(r, col) || r > 0 && table.compareBytes(r - 1, col, table, r, col) >= 0) {
                return false;
            }
        }
        return true;
    }
}
