package dev.atoll.diff;

import dev.atoll.diff.table.StreamRow;
import dev.atoll.diff.table.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The most frequent values of a column too large to count exactly, in two passes. The first pass
 * keeps a Space-Saving summary (Metwally et al., 2005) of {@code capacity} values: a value not yet
 * tracked replaces the least counted one, so any value occurring more often than the smallest
 * counter is tracked. The second pass counts the tracked values exactly (and where each first
 * appears), so reported counts are exact; the reported top is provably the true top when its last
 * count exceeds what an untracked value can have ({@link #exact}).
 */
final class TopValues {
    private final int capacity;
    private final byte[][] keys;
    private final int[] hashes;
    private final long[] counts;
    /** When each entry took its place: of equally counted entries the newest gives way, so that after few evictions the earliest values (which win ties) are still there. */
    private final long[] since;
    private long arrivals;
    private final int[] heap;
    private final int[] heapPos;
    private final int[] slots;
    private final int mask;
    private int size;
    private long skipped;
    private long[] exact;
    private int[] firstLine;

    TopValues(int capacity) {
        this.capacity = capacity;
        this.keys = new byte[capacity][];
        this.hashes = new int[capacity];
        this.counts = new long[capacity];
        this.since = new long[capacity];
        this.heap = new int[capacity];
        this.heapPos = new int[capacity];
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.slots = new int[tableSize];
        this.mask = tableSize - 1;
    }

    /** Values that were never offered (seen before the column turned out not to be numeric). */
    void skip(long values) {
        skipped += values;
    }

    /** First pass: one occurrence of the row's cell, whose {@link StreamRow#hash} is {@code hash}. */
    void offer(StreamRow row, int col, int hash) {
        int h = spread(hash);
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                break;
            }
            if (hashes[entry] == h && row.sameBytes(col, keys[entry], 0, keys[entry].length)) {
                counts[entry]++;
                siftDown(heapPos[entry]);
                return;
            }
        }
        boolean evict = size == capacity;
        int entry;
        if (evict) {
            entry = heap[0]; // the least counted value gives way; the newcomer inherits its count as possible error
            remove(entry);
            counts[entry]++;
        } else {
            entry = size++;
            heap[entry] = entry;
            heapPos[entry] = entry;
            counts[entry] = 1;
        }
        keys[entry] = row.bytes(col);
        hashes[entry] = h;
        since[entry] = arrivals++;
        insert(entry);
        if (evict) {
            siftDown(0);
        } else {
            siftUp(size - 1);
        }
    }

    /** Forgets the second pass's counts, for a second pass that starts over. */
    void resetCounts() {
        exact = null;
        firstLine = null;
    }

    /** Second pass: one occurrence of a cell of a table; counted only if it is a tracked value. */
    void count(Table table, int row, int col) {
        if (exact == null) {
            exact = new long[size];
            firstLine = new int[size];
            Arrays.fill(firstLine, Integer.MAX_VALUE);
        }
        int h = spread(table.hash(row, col));
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return;
            }
            if (hashes[entry] == h && table.sameBytes(row, col, keys[entry])) {
                exact[entry]++;
                firstLine[entry] = Math.min(firstLine[entry], table.line(row));
                return;
            }
        }
    }

    /** The {@code k} tracked values with the highest exact counts, ties by first appearance. */
    List<ValueCount> top(int k) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        long[] exactCounts = exact == null ? new long[size] : exact;
        int[] lines = firstLine == null ? new int[size] : firstLine;
        Arrays.sort(order, (a, b) -> exactCounts[a] != exactCounts[b] ? Long.compare(exactCounts[b], exactCounts[a])
                : Integer.compare(lines[a], lines[b]));
        List<ValueCount> top = new ArrayList<>(k);
        for (int i = 0; i < Math.min(k, size) && exactCounts[order[i]] > 0; i++) {
            top.add(new ValueCount(new String(keys[order[i]], StandardCharsets.UTF_8), exactCounts[order[i]]));
        }
        return top;
    }

    /** The most occurrences a value missing from the summary can have. */
    long untrackedBound() {
        return (size < capacity ? 0 : counts[heap[0]]) + skipped;
    }

    /** Whether {@code top} is the true top {@code k}: no untracked value can reach its last count. */
    boolean exact(List<ValueCount> top, int k) {
        long bound = untrackedBound();
        return bound == 0 || (top.size() == k && top.get(k - 1).count() > bound);
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private void insert(int entry) {
        int slot = hashes[entry] & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
    }

    /** Removes an entry from the hash slots, shifting later entries of its probe run back (no tombstones). */
    private void remove(int entry) {
        int slot = hashes[entry] & mask;
        while (slots[slot] != entry + 1) {
            slot = (slot + 1) & mask;
        }
        int hole = slot;
        for (int next = (hole + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            int home = hashes[slots[next] - 1] & mask;
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = 0;
    }

    private void siftDown(int pos) {
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int smaller = left + 1 < size && before(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!before(heap[smaller], heap[pos])) {
                return;
            }
            swap(pos, smaller);
            pos = smaller;
        }
    }

    private void siftUp(int pos) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (!before(heap[pos], heap[parent])) {
                return;
            }
            swap(pos, parent);
            pos = parent;
        }
    }

    /** Heap order: fewer occurrences first, then the later arrival. */
    private boolean before(int a, int b) {
        return counts[a] < counts[b] || (counts[a] == counts[b] && since[a] > since[b]);
    }

    private void swap(int a, int b) {
        int ea = heap[a];
        int eb = heap[b];
        heap[a] = eb;
        heap[b] = ea;
        heapPos[eb] = a;
        heapPos[ea] = b;
    }
}
