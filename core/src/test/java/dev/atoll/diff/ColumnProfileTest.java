package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnProfileTest {

    private static Table csv(List<String> lines) {
        return TableReader.readDelimited("t.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** More distinct values than the counter starts with: it grows and still counts every value exactly. */
    @Test
    void manyDistinctValuesAreCountedExactly() {
        List<String> lines = new ArrayList<>(List.of("v"));
        for (int i = 0; i < 5000; i++) {
            lines.add("v" + i);
        }
        for (int k = 0; k < 7; k++) {
            lines.add("v4321");
            if (k < 3) {
                lines.add("v17");
            }
        }
        ColumnStats stats = ColumnProfile.of(csv(lines), 0).stats;
        assertThat(stats.type()).isEqualTo(ColumnType.TEXT);
        assertThat(stats.count()).isEqualTo(5010);
        assertThat(stats.top()).containsExactly(new ValueCount("v4321", 8), new ValueCount("v17", 4), new ValueCount("v0", 1),
                new ValueCount("v1", 1), new ValueCount("v2", 1));
    }

    @Test
    void aColumnTurnsTextAtItsFirstValueThatIsNotANumber() {
        ColumnStats stats = ColumnProfile.of(csv(List.of("v,w", "1,x", ",x", "2,x", "TRUE,x", "2,x")), 0).stats;
        assertThat(stats.type()).isEqualTo(ColumnType.TEXT);
        assertThat(stats.nulls()).isEqualTo(1);
        assertThat(stats.top()).startsWith(new ValueCount("2", 2));
    }

    @Test
    void emptyNumericAndBooleanColumns() {
        Table table = csv(List.of("e,n,b", ",1.5,true", ",2,False"));
        assertThat(ColumnProfile.of(table, 0).stats.type()).isEqualTo(ColumnType.EMPTY);
        assertThat(ColumnProfile.of(table, 1).stats.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(ColumnProfile.of(table, 1).stats.mean()).isEqualTo(1.75);
        assertThat(ColumnProfile.of(table, 2).stats.type()).isEqualTo(ColumnType.BOOLEAN);
    }

    /**
     * Past {@link ColumnProfile#CATEGORY_LIMIT} distinct values new values go uncounted, values seen
     * before go on being counted exactly, and the top is vouched for only when nothing uncounted can
     * reach it.
     */
    @Test
    void pastTheCategoryLimitCountsStayExactAndTheTopSaysWhenItMayMissAValue() {
        int limit = ColumnProfile.CATEGORY_LIMIT;
        List<String> early = new ArrayList<>(List.of("v"));
        for (int k = 0; k < 5; k++) {
            early.add("hot" + k); // counted before the limit, then 200 more times each after it
        }
        for (int i = 0; i < limit + 100; i++) {
            early.add("u" + i);
        }
        for (int k = 0; k < 5; k++) {
            for (int n = 0; n < 200; n++) {
                early.add("hot" + k);
            }
        }
        ColumnProfile heavyEarly = ColumnProfile.of(csv(early), 0);
        assertThat(heavyEarly.stats.count()).isEqualTo(5 + limit + 100 + 1000);
        assertThat(heavyEarly.stats.top()).extracting(ValueCount::count).containsOnly(201L);
        // 105 occurrences went uncounted: no uncounted value can reach 201, so this is the true top.
        assertThat(heavyEarly.topCaveat).isNull();

        List<String> late = new ArrayList<>(early.subList(0, early.size() - 1000));
        for (int n = 0; n < 300; n++) {
            late.add("late"); // first seen after the limit: uncounted, yet the most frequent value
        }
        ColumnProfile heavyLate = ColumnProfile.of(csv(late), 0);
        assertThat(heavyLate.stats.top()).extracting(ValueCount::value).doesNotContain("late");
        assertThat(heavyLate.topCaveat).contains("'v'", "more than 10,000 distinct values", "up to 405 occurrences");
    }
}
