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
}
