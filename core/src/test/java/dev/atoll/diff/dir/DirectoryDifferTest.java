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

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

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

    private void image(Path root, String path, int width, int height, Color color, String format) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, format, file.toFile());
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
        write(b, "data/images/new.txt", "txt");       // added

        DirectoryDiff diff = DirectoryDiffer.diff(a, b);

        assertThat(diff.unchanged()).isEqualTo(1);
        assertThat(diff.changes()).containsExactly(
                new FileChange(Kind.MODIFIED, "data/big.csv", null, 2L, 4L),
                new FileChange(Kind.ADDED, "data/images/new.txt", null, null, 3L),
                new FileChange(Kind.RENAMED, "data/old-name.csv", "archive/new-name.csv", 5L, 5L),
                new FileChange(Kind.MODIFIED, "data/train.csv", null, 4L, 4L),
                new FileChange(Kind.REMOVED, "gone.txt", null, 3L, null));
        assertThat(diff.folders()).containsEntry("data", new FolderCounts(3, 2, 0, 0, 2, 0, 1))
                .containsEntry("archive", new FolderCounts(0, 1, 0, 0, 0, 1, 0))
                .containsEntry("data/images", new FolderCounts(0, 1, 1, 0, 0, 0, 0))
                .containsEntry("", new FolderCounts(2, 1, 0, 1, 0, 0, 0));

        String md = DirectoryDiffReport.markdown(diff);
        assertThat(md).contains("**1 added, 1 removed, 2 modified, 1 renamed; 1 unchanged files.**")
                .contains("| data | 3 | 2 | 0 | 0 | 2 | 0 | 1 |")
                .contains("| renamed | data/old-name.csv → archive/new-name.csv | 5 | 5 |  |");
        JsonNode json = new ObjectMapper().readTree(DirectoryDiffReport.json(diff));
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.at("/counts/modified").asInt()).isEqualTo(2);
        assertThat(json.at("/folders/data~1images/added").asInt()).isEqualTo(1);
        assertThat(json.at("/folders/data/renamed_out").asInt()).isEqualTo(1);
    }

    @Test
    void severalFilesWithTheSameContentPairInPathOrder() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        write(a, "x1", "same");
        write(a, "x2", "same");
        write(a, "y", "diff");  // same size, other content: not a rename
        write(b, "z1", "same");
        write(b, "z2", "same");
        write(b, "z3", "DIFF");
        DirectoryDiff diff = DirectoryDiffer.diff(a, b);
        assertThat(diff.changes()).extracting(c -> c.kind() + " " + c.path() + (c.newPath() == null ? "" : "→" + c.newPath()))
                .containsExactly("RENAMED x1→z1", "RENAMED x2→z2", "REMOVED y", "ADDED z3");
    }

    @Test
    void changedImagesGetDimensionsAndThumbnailsAndRelabelledImagesCountInBothClasses() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        image(a, "cat/1.png", 640, 480, Color.RED, "png");
        image(b, "cat/1.png", 320, 240, Color.RED, "png");          // modified: resized
        image(a, "cat/2.jpg", 50, 40, Color.BLUE, "jpg");           // moved to dog: relabelled
        image(b, "dog/2.jpg", 50, 40, Color.BLUE, "jpg");
        image(b, "dog/3.png", 30, 300, Color.GREEN, "png");         // added
        image(a, "dog/4.gif", 8, 8, Color.BLACK, "gif");            // removed
        write(b, "cat/broken.png", "not an image");                 // added, unreadable

        DirectoryDiff diff = DirectoryDiffer.diff(a, b);

        FileChange resized = change(diff, "cat/1.png");
        assertThat(resized.kind()).isEqualTo(Kind.MODIFIED);
        assertThat(resized.oldImage().dimensions()).isEqualTo("640×480");
        assertThat(resized.newImage().dimensions()).isEqualTo("320×240");
        assertThat(resized.newImage().format()).isEqualTo("png");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(resized.oldImage().thumbnailPngBase64())));
        assertThat(thumbnail.getWidth()).isEqualTo(96);
        assertThat(thumbnail.getHeight()).isEqualTo(72);
        FileChange added = change(diff, "dog/3.png");
        assertThat(added.oldImage()).isNull();
        assertThat(added.newImage().dimensions()).isEqualTo("30×300");
        assertThat(change(diff, "dog/4.gif").oldImage().dimensions()).isEqualTo("8×8");
        FileChange moved = change(diff, "cat/2.jpg");
        assertThat(moved.kind()).isEqualTo(Kind.RENAMED);
        assertThat(moved.newImage().dimensions()).isEqualTo("50×40");
        assertThat(moved.newImage().thumbnailPngBase64()).isNull();
        assertThat(diff.problems()).singleElement().asString().contains("cat/broken.png: not a readable image");
        assertThat(diff.folders()).containsEntry("cat", new FolderCounts(2, 2, 1, 0, 1, 0, 1))
                .containsEntry("dog", new FolderCounts(1, 2, 1, 1, 0, 1, 0));

        assertThat(DirectoryDiffReport.markdown(diff)).contains("| modified | cat/1.png | ").contains(" | 640×480 → 320×240 |");
        String html = DirectoryDiffReport.html(diff);
        assertThat(html).contains("<img alt=\"\" src=\"data:image/png;base64,").contains("320×240 png").doesNotContain("<script");
        JsonNode json = new ObjectMapper().readTree(DirectoryDiffReport.json(diff));
        assertThat(json.at("/changes/0/old_image/width").asInt()).isEqualTo(640);
    }

    private static FileChange change(DirectoryDiff diff, String path) {
        return diff.changes().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void theMarkdownStaysUnderTheNoteLimitAndSaysWhereItWasCut() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (int i = 0; i < 300; i++) {
            write(b, "images/class" + (i % 3) + "/img" + i + ".txt", "x" + i);
        }
        Files.createDirectories(a);
        String md = DirectoryDiffReport.markdown(DirectoryDiffer.diff(a, b), 4_000);
        assertThat(md.length()).isLessThanOrEqualTo(4_000);
        assertThat(md).contains("**Report truncated**").endsWith("for the full report.\n");
        assertThat(md.split("<details>", -1).length).isEqualTo(md.split("</details>", -1).length);
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        write(tmp, "f.txt", "x");
        assertThatThrownBy(() -> DirectoryDiffer.diff(tmp.resolve("f.txt"), tmp)).isInstanceOf(AtollException.class)
                .hasMessageContaining("f.txt is not a directory");
    }
}
