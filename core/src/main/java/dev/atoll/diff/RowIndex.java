package dev.atoll.diff;

import dev.atoll.diff.table.Table;

/**
 * An open-addressing hash index of a table's rows on some of its columns, with a count per
 * distinct value: no object per row; each slot keeps row, count and full hash side by side in one
 * array (one cache line per probe), and bytes are compared only when the hashes agree, so hash
 * collisions cost time, never correctness.
 */
final class RowIndex {
    private static final int STRIDE = 3; // row + 1 (0 = empty), count, hash

    private Table table;
    private final int[] cols;
    private int[] slots;
    private int mask;
    private int used;
    private int[] taken;

    /** Sized for every row of the table to be distinct. */
    RowIndex(Table table, int[] cols) {
        this(table, cols, table.rowCount());
    }

    /**
     * Sized for {@code expected} distinct values, growing when more come: a column of a few distinct
     * values then probes a table that stays in cache, not one sized for a million rows.
     */
    RowIndex(Table table, int[] cols, int expected) {
        this.table = table;
        this.cols = cols;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        this.slots = new int[capacity * STRIDE];
        this.mask = capacity - 1;
    }

    /**
     * Reads rows from {@code grown} from now on: the same table with rows added since (a table read
     * in ranges), which holds every row indexed so far at the same row numbers.
     */
    void rebind(Table grown) {
        this.table = grown;
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
        int h = hash(table, row, cols);
        int slot = h & mask;
        while (true) {
            int at = slot * STRIDE;
            int stored = slots[at];
            if (stored == 0) {
                slots[at] = row + 1;
                slots[at + 1] = 1;
                slots[at + 2] = h;
                if (++used > (mask + 1) / 2) {
                    grow();
                }
                return -1;
            }
            if (slots[at + 2] == h && equal(table, row, cols, stored - 1)) {
                slots[at + 1]++;
                return stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Counts one more occurrence of a value already in the index; false (and nothing counted) when it is not there. */
    boolean addIfPresent(int row) {
        int slot = slotOf(table, row, cols);
        if (slot < 0) {
            return false;
        }
        slots[slot * STRIDE + 1]++;
        return true;
    }

    /** Distinct values added so far. */
    int distinct() {
        return used;
    }

    /** Doubles the slots, placing each entry by its stored hash; only while adding, before any {@link #take}. */
    private void grow() {
        int[] old = slots;
        int capacity = (mask + 1) * 2;
        slots = new int[capacity * STRIDE];
        mask = capacity - 1;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != 0) {
                int slot = old[at + 2] & mask;
                while (slots[slot * STRIDE] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, at, slots, slot * STRIDE, STRIDE);
            }
        }
    }

    /** Finds the slot of a row of {@code other} (its {@code otherCols} aligned with this index's columns), or -1. */
    int slotOf(Table other, int row, int[] otherCols) {
        int h = hash(other, row, otherCols);
        int slot = h & mask;
        while (true) {
            int at = slot * STRIDE;
            int stored = slots[at];
            if (stored == 0) {
                return -1;
            }
            if (slots[at + 2] == h && equal(other, row, otherCols, stored - 1)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    int slots() {
        return mask + 1;
    }

    /** Occurrences added at a slot (0 for an empty slot), before any {@link #take}. */
    int count(int slot) {
        return slots[slot * STRIDE + 1] + (taken == null ? 0 : taken[slot]);
    }

    int rowAt(int slot) {
        return slots[slot * STRIDE] - 1;
    }

    /** Takes one occurrence from the slot; false when none is left. */
    boolean take(int slot) {
        int at = slot * STRIDE + 1;
        if (slots[at] == 0) {
            return false;
        }
        if (taken == null) {
            taken = new int[mask + 1];
        }
        slots[at]--;
        taken[slot]++;
        return true;
    }

    /** Walking the indexed rows again in order: true for the first rows of a slot, as many as were taken. */
    boolean wasTaken(int slot) {
        if (taken == null || taken[slot] == 0) {
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
}
