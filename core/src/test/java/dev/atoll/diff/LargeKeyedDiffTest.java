package dev.atoll.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyed diff large enough to run its row comparison in two halves on two cores, checked against a
 * plain reference diff of the same files (a map from id to line): counts, and samples that are the
 * first added and modified rows in new-file order and the first removed in old-file order.
 */
class LargeKeyedDiffTest {

    @Test
    void rowsComparedInTwoHalvesGiveTheCountsAndSamplesOfOnePass(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("old.csv");
        Path fresh = dir.resolve("new.csv");
        GeneratedCsvPair.Expected expected = GeneratedCsvPair.write(old, fresh, 150_000);

        TableDiff diff = TableFileDiffer.diff(old, fresh, "id", DiffProgress.NONE);

        assertThat(diff.rows()).isEqualTo(new RowCounts(expected.unchanged(), expected.added(), expected.removed(), expected.modified()));
        List<String> oldLines = Files.readAllLines(old);
        List<String> newLines = Files.readAllLines(fresh);
        Map<String, String> oldById = new HashMap<>();
        for (String line : oldLines.subList(1, oldLines.size())) {
            oldById.put(id(line), line);
        }
        List<Integer> added = new ArrayList<>();
        List<Integer> modified = new ArrayList<>();
        Map<String, Boolean> kept = new HashMap<>();
        for (int i = 1; i < newLines.size(); i++) {
            String line = newLines.get(i);
            String was = oldById.get(id(line));
            if (was == null) {
                added.add(i + 1);
            } else {
                kept.put(id(line), true);
                if (!was.equals(line)) {
                    modified.add(i + 1);
                }
            }
        }
        List<Integer> removed = new ArrayList<>();
        for (int i = 1; i < oldLines.size(); i++) {
            if (!kept.containsKey(id(oldLines.get(i)))) {
                removed.add(i + 1);
            }
        }
        assertThat(diff.addedSample()).extracting(RowSample::line).containsExactlyElementsOf(added.subList(0, TableDiff.SAMPLE_SIZE));
        assertThat(diff.modifiedSample()).extracting(ModifiedRow::newLine).containsExactlyElementsOf(modified.subList(0, TableDiff.SAMPLE_SIZE));
        assertThat(diff.removedSample()).extracting(RowSample::line).containsExactlyElementsOf(removed.subList(0, TableDiff.SAMPLE_SIZE));
    }

    private static String id(String line) {
        return line.substring(0, line.indexOf(','));
    }
}
