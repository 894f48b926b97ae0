package dev.atoll.diff;

import dev.atoll.diff.table.TableReader;
import dev.atoll.diff.table.TableStream;
import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A diff spilled to disk must say what the in-memory diff says: a tiny memory limit forces many
 * partitions on small generated files, and the two results are compared field by field.
 */
class SpillingTableDifferTest {
    @TempDir
    Path dir;

    private TableFileDiffer.Limits tiny() {
        return new TableFileDiffer.Limits(64 * 1024, dir.resolve("spill"));
    }

    private Path write(String name, List<String> lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private TableDiff inMemory(Path before, Path after, String key) {
        return TableDiffer.diff(TableReader.read(before), TableReader.read(after), key);
    }

    private TableDiff spilled(Path before, Path after, String key) {
        TableDiff diff = TableFileDiffer.diff(before, after, key, tiny(), DiffProgress.NONE);
        assertThat(diff.notes()).first().asString().startsWith("Spilled to disk");
        return diff;
    }

    private static void assertSameDiff(TableDiff spilled, TableDiff memory) {
        assertThat(spilled.key()).isEqualTo(memory.key());
        assertThat(spilled.rows()).isEqualTo(memory.rows());
        assertThat(spilled.schemaChanges()).isEqualTo(memory.schemaChanges());
        assertThat(spilled.columns()).isEqualTo(memory.columns());
        assertThat(spilled.addedSample()).isEqualTo(memory.addedSample());
        assertThat(spilled.removedSample()).isEqualTo(memory.removedSample());
        assertThat(spilled.modifiedSample()).isEqualTo(memory.modifiedSample());
        assertThat(spilled.before()).isEqualTo(memory.before());
        assertThat(spilled.after()).isEqualTo(memory.after());
    }

    /** 3,000 rows; new: 1% modified, 0.5% deleted, 0.5% inserted, shuffled, city renamed to town, a column added, a ragged row. */
    private List<List<String>> generated() {
        String[] cities = {"Oslo", "Lima", "Pune", "Kyiv", "Graz"};
        Random random = new Random(42);
        List<String> old = new ArrayList<>(List.of("id,name,score,city,flag"));
        List<String> fresh = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            String name = "n" + random.nextInt(500);
            double score = Math.round(random.nextGaussian() * 1000) / 10.0;
            String city = cities[random.nextInt(cities.length)];
            boolean flag = random.nextBoolean();
            old.add(i + "," + name + "," + score + "," + city + "," + flag);
            if (i % 200 == 0) {
                continue; // 15 deleted
            }
            if (i % 100 == 1) {
                score += 1; // 30 modified
            }
            fresh.add(i + "," + name + "," + score + "," + city + "," + flag + ",e" + (i % 7));
        }
        for (int i = 5001; i <= 5015; i++) {
            fresh.add(i + ",new" + i + ",0.5,Oslo,true,e9"); // 15 inserted
        }
        fresh.add("6000,ragged");
        Collections.shuffle(fresh, new Random(7));
        fresh.add(0, "id,name,score,town,flag,extra");
        return List.of(old, fresh);
    }

    @Test
    void keyedDiffWithInferredKeyRenameAndAddedColumnMatchesTheInMemoryDiff() throws Exception {
        List<List<String>> data = generated();
        Path before = write("old.csv", data.get(0));
        Path after = write("new.csv", data.get(1));

        TableDiff spilled = spilled(before, after, null);
        TableDiff memory = inMemory(before, after, null);

        assertSameDiff(spilled, memory);
        assertThat(spilled.rows()).isEqualTo(new RowCounts(2955, 16, 15, 30));
        assertThat(spilled.schemaChanges()).contains(new SchemaChange(SchemaChange.Kind.RENAMED, "city", "town", ColumnType.TEXT, ColumnType.TEXT));
        assertThat(spilled.keyNote()).contains("inferred", "first 100,000 rows");
        assertThat(spilled.notes().get(0)).containsPattern("split into \\d+ partitions by a hash of the key 'id'");
        assertThat(spilled.after().problems()).singleElement().asString().contains("2 fields, the header has 6");
    }

    @Test
    void givenKeyMatchesTheInMemoryDiff() throws Exception {
        List<List<String>> data = generated();
        Path before = write("old.csv", data.get(0));
        Path after = write("new.csv", data.get(1));
        assertSameDiff(spilled(before, after, "id"), inMemory(before, after, "id"));
    }

    @Test
    void keylessDiffWithDuplicatesAndARenameMatchesTheInMemoryDiff() throws Exception {
        List<String> old = new ArrayList<>(List.of("a,b,c"));
        List<String> fresh = new ArrayList<>(List.of("a,b,renamed"));
        for (int i = 0; i < 2000; i++) {
            old.add((i % 50) + "," + (i % 7) + ",x" + (i % 3));
            if (i % 10 != 0) {
                fresh.add((i % 50) + "," + (i % 7) + ",x" + (i % 3));
            }
        }
        fresh.add("99,99,x0");
        Collections.shuffle(fresh.subList(1, fresh.size()), new Random(3));
        Path before = write("old.csv", old);
        Path after = write("new.csv", fresh);

        TableDiff spilled = spilled(before, after, null);
        TableDiff memory = inMemory(before, after, null);

        assertSameDiff(spilled, memory);
        assertThat(spilled.key()).isNull();
        assertThat(spilled.rows()).isEqualTo(new RowCounts(1800, 1, 200, 0));
    }

    @Test
    void jsonLinesSpillLikeCsv() throws Exception {
        List<String> old = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            old.add("{\"id\": \"u" + i + "\", \"v\": " + (i % 13) + ", \"tags\": [" + (i % 2) + "]}");
            fresh.add("{\"id\": \"u" + i + "\", \"v\": " + (i % 17 == 0 ? 99 : i % 13) + ", \"tags\": [" + (i % 2) + "]}");
        }
        Path before = write("old.jsonl", old);
        Path after = write("new.jsonl", fresh);
        TableDiff spilled = spilled(before, after, null);
        assertSameDiff(spilled, inMemory(before, after, null));
        assertThat(spilled.rows().modified()).isEqualTo(89); // i % 17 == 0 for i < 1500; v was below 13, now 99
    }

    @Test
    void aKeyThatLooksUniqueInTheFirstRowsButRepeatsLaterFallsBackToKeyless() throws Exception {
        List<String> old = new ArrayList<>(List.of("id,v"));
        List<String> fresh = new ArrayList<>(List.of("id,v"));
        for (int i = 0; i < 1000; i++) {
            old.add(i + ",a" + i);
            fresh.add(i + ",a" + (i % 10 == 0 ? "changed" : i));
        }
        old.add("5,again");
        fresh.add("5,again");
        Path before = write("old.csv", old);
        Path after = write("new.csv", fresh);

        TableDiff diff = SpillingTableDiffer.diff(TableStream.open(before, b -> { }), TableStream.open(after, b -> { }), null, 8, 100,
                dir, "a test", DiffProgress.NONE);

        assertThat(diff.key()).isNull();
        assertThat(diff.keyNote()).contains("'id' was unique in the first 100 rows of both files but not in all",
                "'5' on lines 7 and 1002", "multiset");
        assertThat(diff.rows()).isEqualTo(new RowCounts(901, 100, 100, 0));
        assertSameDiff(diff, inMemory(before, after, null));
    }

    @Test
    void aGivenKeyThatRepeatsIsAnErrorNamingTheValueAndLines() throws Exception {
        Path before = write("old.csv", List.of("id,v", "1,a", "2,b", "1,c"));
        Path after = write("new.csv", List.of("id,v", "1,a"));
        assertThatThrownBy(() -> TableFileDiffer.diff(before, after, "id", new TableFileDiffer.Limits(16, dir), DiffProgress.NONE))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining("not unique in " + before).hasMessageContaining("'1' on lines 2 and 4");
    }

    @Test
    void spillFilesAreRemovedAfterwards() throws Exception {
        List<List<String>> data = generated();
        spilled(write("old.csv", data.get(0)), write("new.csv", data.get(1)), "id");
        try (Stream<Path> left = Files.list(dir.resolve("spill"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void smallFilesStayInMemory() throws Exception {
        List<List<String>> data = generated();
        TableDiff diff = TableFileDiffer.diff(write("old.csv", data.get(0)), write("new.csv", data.get(1)), null, DiffProgress.NONE);
        assertThat(diff.notes()).isEmpty();
    }
}
