package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import dev.atoll.diff.table.TableStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TopValuesTest {
    @TempDir
    Path dir;

    /** Offers the file's only column to a summary of {@code capacity} values, then counts the tracked ones exactly. */
    private TopValues twoPasses(List<String> values, int capacity) throws Exception {
        Path file = Files.write(dir.resolve("v.csv"), prepend("v", values));
        TopValues top = new TopValues(capacity);
        TableStream.open(file, b -> { }).forEach(row -> {
            top.offer(row, 0, row.hash(0));
            return true;
        }, b -> { });
        Table table = TableReader.read(file);
        for (int r = 0; r < table.rowCount(); r++) {
            top.count(table, r, 0);
        }
        return top;
    }

    private static List<String> prepend(String header, List<String> values) {
        List<String> lines = new ArrayList<>(List.of(header));
        lines.addAll(values);
        return lines;
    }

    @Test
    void heavyValuesAmongManyRareOnesAreFoundWithExactCounts() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int n = 0; n < 300 - 40 * i; n++) {
                values.add("heavy" + i);
            }
        }
        for (int i = 0; i < 5000; i++) {
            values.add("rare" + i);
        }
        Collections.shuffle(values, new Random(5));
        TopValues top = twoPasses(values, 64);
        List<ValueCount> five = top.top(5);
        assertThat(five).containsExactly(new ValueCount("heavy0", 300), new ValueCount("heavy1", 260), new ValueCount("heavy2", 220),
                new ValueCount("heavy3", 180), new ValueCount("heavy4", 140));
        assertThat(top.untrackedBound()).isLessThan(140);
        assertThat(top.exact(five, 5)).isTrue();
    }

    @Test
    void allDistinctValuesAreNotProvablyTheTop() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add("u" + i);
        }
        TopValues top = twoPasses(values, 64);
        List<ValueCount> five = top.top(5);
        assertThat(five).hasSize(5).extracting(ValueCount::count).containsOnly(1L);
        assertThat(top.untrackedBound()).isGreaterThanOrEqualTo(1);
        assertThat(top.exact(five, 5)).isFalse();
    }

    @Test
    void fewerValuesThanTheCapacityAreCountedExactly() throws Exception {
        TopValues top = twoPasses(List.of("b", "a", "b", "c", "a", "b"), 64);
        List<ValueCount> five = top.top(5);
        assertThat(five).containsExactly(new ValueCount("b", 3), new ValueCount("a", 2), new ValueCount("c", 1));
        assertThat(top.exact(five, 5)).isTrue();
    }
}
