package dev.atoll.diff;

import dev.atoll.diff.table.RowsObserver;
import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile made while reading, range by range, is the profile of the whole table made afterwards. */
class TableProfilerTest {

    /** Rows over several ranges; a column turns text in its third range, another past the category limit. */
    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("id,mixed,score,sparse,city,name,flag\n");
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(',')
                    .append(r == 2 * RowsObserver.RANGE + 17 ? "n/a" : Integer.toString(r % 97)).append(',')
                    .append(r * 0.25).append(',')
                    .append(r % 5 == 0 ? "" : Integer.toString(r)).append(',')
                    .append(r % 3 == 0 ? "" : "city" + r % 11).append(',')
                    .append("\"name ").append(r).append("\"").append(',')
                    .append(r % 2 == 0 ? "true" : "FALSE").append('\n');
        }
        return csv.toString();
    }

    @Test
    void delimitedTextProfiledWhileReadEqualsTheProfileAfterwards() {
        int rows = ColumnProfile.CATEGORY_LIMIT + 3 * RowsObserver.RANGE + 5;
        byte[] bytes = csv(rows).getBytes(StandardCharsets.UTF_8);
        TableProfiler profiler = new TableProfiler();
        Table read = TableReader.readDelimited("t.csv", bytes.clone(), profiler);
        assertSameProfiles(profiler.finish(read), TableProfiler.of(TableReader.readDelimited("t.csv", bytes.clone())), read.rowCount());
        assertThat(profiler.finish(read)[1].stats.type()).isEqualTo(ColumnType.TEXT);
        assertThat(profiler.finish(read)[5].topCaveat).contains("'name'");
    }

    @Test
    void jsonLinesProfiledWhileReadEqualsTheProfileAfterwards() {
        StringBuilder jsonl = new StringBuilder();
        for (int r = 0; r < 3 * RowsObserver.RANGE + 100; r++) {
            jsonl.append("{\"id\": ").append(r).append(", \"v\": ").append(r % 4 == 0 ? "\"x" + r % 9 + "\"" : Integer.toString(r))
                    .append(r % 7 == 0 ? ", \"late\": true" : "").append("}\n");
        }
        byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
        TableProfiler profiler = new TableProfiler();
        Table read = TableReader.readJsonLines("t.jsonl", bytes, profiler);
        assertSameProfiles(profiler.finish(read), TableProfiler.of(TableReader.readJsonLines("t.jsonl", bytes)), read.rowCount());
    }

    /** A numeric column's numbers of the table's rows (the array may have room for more, NaN there); null for others. */
    private static double[] rowsOf(double[] numbers, int rows) {
        if (numbers != null) {
            assertThat(numbers.length).isGreaterThanOrEqualTo(rows);
            for (int r = rows; r < numbers.length; r++) {
                assertThat(numbers[r]).isNaN();
            }
        }
        return numbers == null ? null : Arrays.copyOf(numbers, rows);
    }

    private static void assertSameProfiles(ColumnProfile[] whileRead, ColumnProfile[] afterwards, int rows) {
        assertThat(whileRead).hasSameSizeAs(afterwards);
        for (int c = 0; c < whileRead.length; c++) {
            assertThat(whileRead[c].stats).as("column %d", c).isEqualTo(afterwards[c].stats);
            assertThat(rowsOf(whileRead[c].numbers, rows)).as("column %d", c).isEqualTo(rowsOf(afterwards[c].numbers, rows));
            assertThat(whileRead[c].topCaveat).as("column %d", c).isEqualTo(afterwards[c].topCaveat);
        }
    }
}
