package dev.atoll.diff.dir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.diff.dir.DirectoryDiff.FileChange;
import dev.atoll.diff.dir.DirectoryDiff.FolderCounts;
import dev.atoll.diff.dir.DirectoryDiff.Kind;
import dev.atoll.errors.AtollException;
import dev.atoll.report.DirectoryDiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryDifferTest {
    @TempDir
    Path tmp;

    private void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsAddedRemovedModifiedAndRenamedFilesWithCountsPerFolder() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        write(a, "same.txt", "x");
        write(b, "same.txt", "x");
        write(a, "data/train.csv", "1,2\n");
        write(b, "data/train.csv", "1,3\n");          // modified, same size
        write(a, "data/big.csv", "1\n");
        write(b, "data/big.csv", "1\n2\n");           // modified, other size
        write(a, "data/old-name.csv", "moved");
        write(b, "archive/new-name.csv", "moved");    // renamed
        write(a, "gone.txt", "bye");                  // removed
        write(b, "data/images/new.png", "png");       // added

        DirectoryDiff diff = DirectoryDiffer.diff(a, b);

        assertThat(diff.unchanged()).isEqualTo(1);
        assertThat(diff.changes()).containsExactly(
                new FileChange(Kind.MODIFIED, "data/big.csv", null, 2L, 4L),
                new FileChange(Kind.ADDED, "data/images/new.png", null, null, 3L),
                new FileChange(Kind.RENAMED, "data/old-name.csv", "archive/new-name.csv", 5L, 5L),
                new FileChange(Kind.MODIFIED, "data/train.csv", null, 4L, 4L),
                new FileChange(Kind.REMOVED, "gone.txt", null, 3L, null));
        assertThat(diff.folders()).containsEntry("data", new FolderCounts(0, 0, 2, 0, 0))
                .containsEntry("archive", new FolderCounts(0, 0, 0, 1, 0))
                .containsEntry("data/images", new FolderCounts(1, 0, 0, 0, 0))
                .containsEntry("", new FolderCounts(0, 1, 0, 0, 1));

        String md = DirectoryDiffReport.markdown(diff);
        assertThat(md).contains("**1 added, 1 removed, 2 modified, 1 renamed; 1 unchanged files.**")
                .contains("| data | 0 | 0 | 2 | 0 | 0 |")
                .contains("| renamed | data/old-name.csv → archive/new-name.csv | 5 | 5 |");
        JsonNode json = new ObjectMapper().readTree(DirectoryDiffReport.json(diff));
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.at("/counts/modified").asInt()).isEqualTo(2);
        assertThat(json.at("/folders/data~1images/added").asInt()).isEqualTo(1);
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        write(tmp, "f.txt", "x");
        assertThatThrownBy(() -> DirectoryDiffer.diff(tmp.resolve("f.txt"), tmp)).isInstanceOf(AtollException.class)
                .hasMessageContaining("f.txt is not a directory");
    }
}
