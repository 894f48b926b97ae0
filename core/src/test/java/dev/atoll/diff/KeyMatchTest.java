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

/** The key match: the merge for files sorted by key and the hash match for the rest agree, and both find every repeated or empty key. */
class KeyMatchTest {

    private static Table csv(String name, List<String> lines) {
        return TableReader.readDelimited(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Table csv(String name, String... lines) {
        return csv(name, List.of(lines));
    }

    @Test
    void sortedAndShuffledFilesGiveTheSameDiff() {
        List<String> old = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            old.add(i + ",v" + i);
            if (i % 50 != 0) {
                fresh.add(i + (i % 30 == 0 ? ",changed" : ",v" + i));
            }
        }
        for (int i = 501; i <= 505; i++) {
            fresh.add(i + ",new");
        }
        List<String> shuffled = new ArrayList<>(fresh);
        Collections.shuffle(shuffled, new Random(3));
        old.add(0, "id,v");
        fresh.add(0, "id,v");
        shuffled.add(0, "id,v");

        int[] merged = SortedKeys.merge(csv("o.csv", old), 0, csv("n.csv", fresh), 0);
        assertThat(merged).as("sorted on both sides: merged").isNotNull();
        assertThat(SortedKeys.merge(csv("o.csv", old), 0, csv("n.csv", shuffled), 0)).as("shuffled: not merged").isNull();
        TableDiff sorted = TableDiffer.diff(csv("o.csv", old), csv("n.csv", fresh), "id");
        TableDiff hashed = TableDiffer.diff(csv("o.csv", old), csv("n.csv", shuffled), "id");
        assertThat(sorted.rows()).isEqualTo(new RowCounts(477, 5, 10, 13)).isEqualTo(hashed.rows());
        assertThat(sorted.removedSample()).isEqualTo(hashed.removedSample());
    }

    /** Equal rows are found on their bytes; rows whose cells are quoted differently are still compared cell by cell. */
    @Test
    void rowsQuotedDifferentlyAreEqualCellByCell() {
        TableDiff diff = TableDiffer.diff(csv("o.csv", "id,v,w", "1,a,x", "2,\"b\",y", "3,\"c,d\",z", "4,e"),
                csv("n.csv", "id,v,w", "1,a,x", "2,b,y", "3,\"c,d\",z", "4,e,"), "id");
        assertThat(diff.rows()).isEqualTo(new RowCounts(4, 0, 0, 0));
        TableDiff changed = TableDiffer.diff(csv("o.csv", "id,v,w", "1,ab,x", "2,a,bx"), csv("n.csv", "id,v,w", "1,a,bx", "2,a,bx"), "id");
        assertThat(changed.rows()).isEqualTo(new RowCounts(1, 0, 0, 1));
    }

    @Test
    void numericallyEqualKeysWithOtherBytesAreDifferentKeys() {
        TableDiff diff = TableDiffer.diff(csv("o.csv", "id,v", "1,a", "2,b", "3,c"), csv("n.csv", "id,v", "1,a", "2.0,b", "3,c"), "id");
        assertThat(diff.rows()).isEqualTo(new RowCounts(2, 1, 1, 0));
    }

    @Test
    void keysSortedAsTextAreMerged() {
        Table old = csv("o.csv", "id,v", "a1,x", "b2,y", "c3,z");
        Table fresh = csv("n.csv", "id,v", "a1,x", "b3,y", "c3,w");
        assertThat(SortedKeys.merge(old, 0, fresh, 0)).containsExactly(0, -1, 2);
        assertThat(TableDiffer.diff(old, fresh, "id").rows()).isEqualTo(new RowCounts(1, 1, 1, 1));
    }

    @Test
    void aNewKeyFoundTwiceOnTheOldSideIsARepeat() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", "id,v", "1,a", "2,b"), csv("n.csv", "id,v", "2,a", "1,b", "2,c"), "id"))
                .isInstanceOf(AtollException.class).hasMessageContaining("not unique in n.csv").hasMessageContaining("'2' on lines 2 and 4");
    }

    @Test
    void aNewKeyMissingOnTheOldSideAndRepeatedIsARepeat() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", "id,v", "1,a", "2,b"), csv("n.csv", "id,v", "9,a", "1,b", "9,c"), "id"))
                .isInstanceOf(AtollException.class).hasMessageContaining("not unique in n.csv").hasMessageContaining("'9' on lines 2 and 4");
    }

    @Test
    void anEmptyNewKeyIsReported() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", "id,v", "1,a", "2,b"), csv("n.csv", "id,v", "2,a", ",b"), "id"))
                .isInstanceOf(AtollException.class).hasMessageContaining("empty in n.csv line 3");
    }

    @Test
    void theNewSidesRepeatIsReportedBeforeTheOldSides() {
        assertThatThrownBy(() -> TableDiffer.diff(csv("o.csv", "id,v", "1,a", "1,b"), csv("n.csv", "id,v", "3,a", "3,b"), "id"))
                .isInstanceOf(AtollException.class).hasMessageContaining("not unique in n.csv").hasMessageContaining("'3' on lines 2 and 3");
    }
}
