package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ValueCounterTest {

    /**
     * Values around the word boundaries (8, 16, 17 bytes), values that differ only in length or in
     * their last byte, multi-byte UTF-8, and a value ending the file: counts and ranking equal a
     * plain map's.
     */
    @Test
    void countsEqualAMapsAcrossWordBoundaries() {
        List<String> pool = new ArrayList<>();
        for (int length = 1; length <= 20; length++) {
            pool.add("x".repeat(length));
            pool.add("x".repeat(length - 1) + "y");
        }
        pool.add("é".repeat(4)); // 8 bytes
        pool.add("é".repeat(8) + "a"); // 17 bytes
        pool.add("0");
        pool.add("00");
        Random random = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(pool.get((int) Math.min(pool.size() - 1, Math.abs(random.nextGaussian()) * 12)));
        }
        values.add("xxxxxxxxxxxxxxxxz"); // the last cell of the file: no bytes follow it
        Table table = TableReader.readDelimited("v.csv", ("v\n" + String.join("\n", values)).getBytes(StandardCharsets.UTF_8));

        ValueCounter counter = new ValueCounter(table, 0, 4);
        Map<String, Long> expected = new LinkedHashMap<>(); // in order of first appearance
        long[] key = new long[2];
        for (int r = 0; r < table.rowCount(); r++) {
            counter.add(r, table.shortKey(r, 0, key), key);
            expected.merge(table.value(r, 0), 1L, Long::sum);
        }
        assertThat(counter.distinct()).isEqualTo(expected.size());
        List<String> firstSeen = new ArrayList<>(expected.keySet());
        List<ValueCount> ranked = expected.entrySet().stream().map(e -> new ValueCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(v -> firstSeen.indexOf(v.value())))
                .toList();
        assertThat(counter.top(table, expected.size())).containsExactlyElementsOf(ranked);
    }

    @Test
    void addIfPresentCountsOnlyKnownValues() {
        Table table = TableReader.readDelimited("v.csv", "v\nshort\na value longer than sixteen bytes\nshort\nother\na value longer than sixteen bytes\n"
                .getBytes(StandardCharsets.UTF_8));
        ValueCounter counter = new ValueCounter(table, 0, 16);
        long[] key = new long[2];
        counter.add(0, table.shortKey(0, 0, key), key);
        counter.add(1, table.shortKey(1, 0, key), key);
        assertThat(counter.addIfPresent(2, table.shortKey(2, 0, key), key)).isTrue();
        assertThat(counter.addIfPresent(3, table.shortKey(3, 0, key), key)).isFalse();
        assertThat(counter.addIfPresent(4, table.shortKey(4, 0, key), key)).isTrue();
        assertThat(counter.distinct()).isEqualTo(2);
        assertThat(counter.top(table, 5)).containsExactly(new ValueCount("short", 2), new ValueCount("a value longer than sixteen bytes", 2));
    }
}
