package dev.atoll.diff;

import dev.atoll.diff.table.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the distinct values of one column. A value of up to 16 bytes (most category values) is
 * its own key, two words and a length, so that hashing and comparing it take a few word operations
 * instead of loops over bytes; a longer value goes to a {@link RowIndex} on its bytes.
 */
final class ValueCounter {
    private static final int SHORT = 2 * Long.BYTES;

    private final int col;
    private long[] low;
    private long[] high;
    /** Per slot: the value's length + 1; 0 for an empty slot. */
    private int[] lengths;
    private int[] counts;
    /** Per slot: the row where the value first appeared (ties in the top go to the earlier). */
    private int[] firstRows;
    private int mask;
    private int used;
    private final RowIndex longer;

    ValueCounter(Table table, int col, int expected) {
        this.col = col;
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
        this.longer = new RowIndex(table, new int[]{col}, 16);
    }

    private void allocate(int capacity) {
        low = new long[capacity];
        high = new long[capacity];
        lengths = new int[capacity];
        counts = new int[capacity];
        firstRows = new int[capacity];
        mask = capacity - 1;
    }

    /** Reads rows from {@code grown}, the same table with rows added since ({@link RowIndex#rebind}). */
    void rebind(Table grown) {
        longer.rebind(grown);
    }

    int distinct() {
        return used + longer.distinct();
    }

    /** Counts a non-empty cell of {@code length} bytes, whose {@link Table#shortKey} words are {@code key} when it is short. */
    void add(int row, int length, long[] key) {
        if (length > SHORT) {
            longer.add(row);
            return;
        }
        long lo = key[0];
        long hi = key[1];
        int slot = find(lo, hi, length);
        if (lengths[slot] != 0) {
            counts[slot]++;
            return;
        }
        low[slot] = lo;
        high[slot] = hi;
        lengths[slot] = length + 1;
        counts[slot] = 1;
        firstRows[slot] = row;
        if (++used > (mask + 1) / 2) {
            grow();
        }
    }

    /** Counts a non-empty cell if its value is already counted; false (nothing counted) if not. */
    boolean addIfPresent(int row, int length, long[] key) {
        if (length > SHORT) {
            return longer.addIfPresent(row);
        }
        int slot = find(key[0], key[1], length);
        if (lengths[slot] == 0) {
            return false;
        }
        counts[slot]++;
        return true;
    }

    /** The slot holding the value, or the empty slot where it would go. */
    private int find(long lo, long hi, int length) {
        long h = (lo * 0x9E3779B97F4A7C15L + hi) * 0xBF58476D1CE4E5B9L + length;
        int slot = (int) (h ^ h >>> 29 ^ h >>> 47) & mask;
        while (lengths[slot] != 0 && (lengths[slot] != length + 1 || low[slot] != lo || high[slot] != hi)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldLow = low;
        long[] oldHigh = high;
        int[] oldLengths = lengths;
        int[] oldCounts = counts;
        int[] oldFirst = firstRows;
        allocate((mask + 1) * 2);
        for (int s = 0; s < oldLengths.length; s++) {
            if (oldLengths[s] != 0) {
                int slot = find(oldLow[s], oldHigh[s], oldLengths[s] - 1);
                low[slot] = oldLow[s];
                high[slot] = oldHigh[s];
                lengths[slot] = oldLengths[s];
                counts[slot] = oldCounts[s];
                firstRows[slot] = oldFirst[s];
            }
        }
    }

    /** The {@code k} most frequent values, ties by first appearance, so the ranking does not depend on hash order. */
    List<ValueCount> top(Table table, int k) {
        int[] bestCount = new int[k];
        int[] bestRow = new int[k];
        int kept = 0;
        for (int s = 0; s <= mask; s++) {
            if (lengths[s] != 0) {
                kept = offer(bestCount, bestRow, kept, counts[s], firstRows[s]);
            }
        }
        for (int s = 0; s < longer.slots(); s++) {
            if (longer.count(s) != 0) {
                kept = offer(bestCount, bestRow, kept, longer.count(s), longer.rowAt(s));
            }
        }
        List<ValueCount> top = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            top.add(new ValueCount(table.value(bestRow[i], col), bestCount[i]));
        }
        return top;
    }

    /** Inserts (count, row) into the ranked arrays holding {@code kept} entries; returns how many they hold now. */
    private static int offer(int[] bestCount, int[] bestRow, int kept, int count, int row) {
        int k = bestCount.length;
        if (kept == k && !ranksBefore(count, row, bestCount[k - 1], bestRow[k - 1])) {
            return kept;
        }
        int pos = kept < k ? kept++ : k - 1;
        while (pos > 0 && ranksBefore(count, row, bestCount[pos - 1], bestRow[pos - 1])) {
            bestCount[pos] = bestCount[pos - 1];
            bestRow[pos] = bestRow[pos - 1];
            pos--;
        }
        bestCount[pos] = count;
        bestRow[pos] = row;
        return kept;
    }

    private static boolean ranksBefore(int count, int row, int otherCount, int otherRow) {
        return count != otherCount ? count > otherCount : row < otherRow;
    }
}
