package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableDifferTest {

    private static Table csv(String name, List<String> lines) {
        return TableReader.readDelimited(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String row(int id, String name, double score, String city) {
        return id + "," + name + "," + score + "," + city;
    }

    /** 200 rows; new side: 5 deleted, 7 inserted, 12 scores changed, shuffled, city renamed to town, a column added. */
    @Test
    void keyedDiffCountsEveryKindOfChangeExactly() {
        String[] cities = {"Oslo", "Lima", "Pune", "Kyiv"};
        List<String> old = new ArrayList<>(List.of("id,name,score,city"));
        List<String> fresh = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            old.add(row(i, "n" + i, i * 1.5, cities[i % 4]));
            if (i % 40 == 0) {
                continue; // 5 deleted
            }
            double score = i % 18 == 1 ? i * 1.5 + 1 : i * 1.5; // i = 1, 19, ..., 199: 12 changed
            fresh.add(row(i, "n" + i, score, cities[i % 4]) + ",x" + (i % 3));
        }
        for (int i = 1001; i <= 1007; i++) {
            fresh.add(row(i, "n" + i, 2.0, "Oslo") + ",x9");
        }
        Collections.shuffle(fresh, new Random(7));
        fresh.add(0, "id,name,score,town,extra");

        TableDiff diff = TableDiffer.diff(csv("old.csv", old), csv("new.csv", fresh), null);

        assertThat(diff.key()).isEqualTo("id");
        assertThat(diff.keyNote()).contains("inferred");
        assertThat(diff.rows()).isEqualTo(new RowCounts(183, 7, 5, 12));
        assertThat(diff.schemaChanges()).containsExactlyInAnyOrder(
                new SchemaChange(SchemaChange.Kind.RENAMED, "city", "town", ColumnType.TEXT, ColumnType.TEXT),
                new SchemaChange(SchemaChange.Kind.ADDED, "extra", null, null, ColumnType.TEXT));
        ColumnComparison score = column(diff, "score");
        assertThat(score.modifiedCells()).isEqualTo(12);
        assertThat(column(diff, "name").modifiedCells()).isZero();
        assertThat(column(diff, "town").oldName()).isEqualTo("city");
        assertThat(score.before().count()).isEqualTo(200);
        assertThat(score.after().count()).isEqualTo(202);
        assertThat(score.before().min()).isEqualTo(1.5);
        assertThat(score.before().max()).isEqualTo(300.0);
        assertThat(score.before().mean()).isEqualTo(150.75);
        assertThat(score.histogram().before().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
        assertThat(score.histogram().after().stream().mapToLong(Long::longValue).sum()).isEqualTo(202);
        assertThat(diff.addedSample()).hasSize(7).allSatisfy(r -> assertThat(Integer.parseInt(r.values().get(0))).isGreaterThan(1000));
        assertThat(diff.removedSample()).extracting(r -> r.values().get(0)).containsExactly("40", "80", "120", "160", "200");
        assertThat(diff.removedSample().get(0).line()).isEqualTo(41);
        assertThat(diff.modifiedSample()).hasSize(10).allSatisfy(m -> assertThat(m.changes()).singleElement()
                .satisfies(c -> assertThat(c.column()).isEqualTo("score")));
        ModifiedRow first = diff.modifiedSample().stream().filter(m -> m.key().equals("19")).findFirst().orElseThrow();
        assertThat(first.changes().get(0)).isEqualTo(new CellChange("score", "28.5", "29.5"));
        assertThat(first.oldLine()).isEqualTo(20);
        assertThat(column(diff, "town").before().top()).extracting(ValueCount::value).containsExactlyInAnyOrder(cities);
    }

    @Test
    void keylessDiffTreatsRowsAsAMultiset() {
        List<String> old = List.of("a,b", "1,x", "1,x", "2,y", "3,z");
        List<String> fresh = List.of("a,b", "3,z", "1,x", "2,y", "2,y", "4,w");
        TableDiff diff = TableDiffer.diff(csv("o.csv", old), csv("n.csv", fresh), null);
        assertThat(diff.key()).isNull();
        assertThat(diff.keyNote()).contains("multiset");
        assertThat(diff.rows()).isEqualTo(new RowCounts(3, 2, 1, 0));
        assertThat(diff.removedSample()).singleElement().satisfies(r -> {
            assertThat(r.values()).containsExactly("1", "x");
            assertThat(r.line()).isEqualTo(3);
        });
        assertThat(diff.addedSample()).extracting(r -> String.join(",", r.values())).containsExactly("2,y", "4,w");
    }

    @Test
    void identicalFilesInAnyOrderHaveNoChanges() {
        TableDiff diff = TableDiffer.diff(csv("o.csv", List.of("id,v", "1,a", "2,b")), csv("n.csv", List.of("id,v", "2,b", "1,a")), null);
        assertThat(diff.identical()).isTrue();
        assertThat(diff.rows().unchanged()).isEqualTo(2);
    }

    @Test
    void retypedAndRemovedColumnsAreReported() {
        TableDiff diff = TableDiffer.diff(csv("o.csv", List.of("id,v,gone", "1,10,a", "2,20,b")),
                csv("n.csv", List.of("id,v", "1,ten", "2,20")), "id");
        assertThat(diff.schemaChanges()).contains(
                new SchemaChange(SchemaChange.Kind.RETYPED, "v", "v", ColumnType.INTEGER, ColumnType.TEXT),
                new SchemaChange(SchemaChange.Kind.REMOVED, "gone", null, ColumnType.TEXT, null));
        assertThat(diff.rows().modified()).isEqualTo(1);
    }

    @Test
    void unknownKeyNamesTheFileAndItsColumns() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", List.of("id,v", "1,a")), csv("n.csv", List.of("ident,v", "1,a")), "id"))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining("'id' is not in n.csv").hasMessageContaining("ident, v").hasMessageContaining("--key");
    }

    @Test
    void duplicateKeyNamesTheValueAndLines() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", List.of("id,v", "1,a", "2,b", "1,c")), csv("n.csv", List.of("id,v", "1,a")), "id"))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining("not unique in o.csv").hasMessageContaining("'1' on lines 2 and 4");
    }

    @Test
    void numericMeanShiftIsFlaggedAndStableColumnIsNot() {
        List<String> old = new ArrayList<>(List.of("id,x,cat"));
        List<String> fresh = new ArrayList<>(List.of("id,x,cat"));
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            old.add(i + "," + random.nextGaussian() + "," + (i % 2 == 0 ? "a" : "b"));
            fresh.add(i + "," + (random.nextGaussian() + 0.5) + "," + (i % 2 == 0 ? "a" : "b"));
        }
        TableDiff diff = TableDiffer.diff(csv("o.csv", old), csv("n.csv", fresh), "id");
        assertThat(column(diff, "x").shifted()).isTrue();
        assertThat(column(diff, "x").shiftReason()).contains("standard errors");
        assertThat(column(diff, "cat").shifted()).isFalse();
    }

    @Test
    void categoricalShareShiftOverTenPointsIsFlagged() {
        List<String> old = new ArrayList<>(List.of("id,cat"));
        List<String> fresh = new ArrayList<>(List.of("id,cat"));
        for (int i = 0; i < 100; i++) {
            old.add(i + "," + (i < 50 ? "a" : "b"));
            fresh.add(i + "," + (i < 62 ? "a" : "b"));
        }
        TableDiff diff = TableDiffer.diff(csv("o.csv", old), csv("n.csv", fresh), "id");
        assertThat(column(diff, "cat").shiftReason()).contains("share of 'a' 50.0% → 62.0%");
    }

    private static ColumnComparison column(TableDiff diff, String name) {
        return diff.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
