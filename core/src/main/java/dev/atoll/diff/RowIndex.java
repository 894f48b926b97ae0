package dev.atoll.diff;

import dev.atoll.diff.table.Table;

/**
 * An open-addressing hash index of a table's rows on some of its columns, with a count per
 * distinct value: no object per row, equality checked on the bytes, so hash collisions cost time,
 * never correctness.
 */
final class RowIndex {
    private final Table table;
    private final int[] cols;
    private final int[] rowPlusOne;
    private final int[] counts;
    private final int[] taken;
    private final int mask;

    RowIndex(Table table, int[] cols) {
        this.table = table;
        this.cols = cols;
        int capacity = Integer.highestOneBit(Math.max(16, table.rowCount() * 2 - 1)) << 1;
        this.rowPlusOne = new int[capacity];
        this.counts = new int[capacity];
        this.taken = new int[capacity];
        this.mask = capacity - 1;
    }

    static int hash(Table t, int row, int[] cols) {
        int h = 0x2545F491;
        for (int col : cols) {
            h = (h ^ t.hash(row, col)) * 0x9E3779B1;
        }
        // murmur3's finaliser: the slot takes the low bits, which the multiply alone leaves clustered.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** Adds a row of the indexed table; returns the row already holding an equal value, or -1 when it is the first. */
    int add(int row) {
        int slot = hash(table, row, cols) & mask;
        while (rowPlusOne[slot] != 0) {
            int other = rowPlusOne[slot] - 1;
            if (equal(table, row, cols, other)) {
                counts[slot]++;
                return other;
            }
            slot = (slot + 1) & mask;
        }
        rowPlusOne[slot] = row + 1;
        counts[slot] = 1;
        return -1;
    }

    /** Finds the slot of a row of {@code other} (its {@code otherCols} aligned with this index's columns), or -1. */
    int slotOf(Table other, int row, int[] otherCols) {
        int slot = hash(other, row, otherCols) & mask;
        while (rowPlusOne[slot] != 0) {
            if (equalTo(other, row, otherCols, rowPlusOne[slot] - 1)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int slots() {
        return rowPlusOne.length;
    }

    /** Occurrences added at a slot (0 for an empty slot), before any {@link #take}. */
    int count(int slot) {
        return counts[slot] + taken[slot];
    }

    int rowAt(int slot) {
        return rowPlusOne[slot] - 1;
    }

    /** Takes one occurrence from the slot; false when none is left. */
    boolean take(int slot) {
        if (counts[slot] == 0) {
            return false;
        }
        counts[slot]--;
        taken[slot]++;
        return true;
    }

    /** Walking the indexed rows again in order: true for the first rows of a slot, as many as were taken. */
    boolean wasTaken(int slot) {
        if (taken[slot] == 0) {
            return false;
        }
        taken[slot]--;
        return true;
    }

    private boolean equal(Table t, int row, int[] c, int indexed) {
        for (int i = 0; i < c.length; i++) {
            if (!t.sameValue(row, c[i], table, indexed, cols[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean equalTo(Table other, int row, int[] otherCols, int indexed) {
        for (int i = 0; i < otherCols.length; i++) {
            if (!other.sameValue(row, otherCols[i], table, indexed, cols[i])) {
                return false;
            }
        }
        return true;
    }
}
