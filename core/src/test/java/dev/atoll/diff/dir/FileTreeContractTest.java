package dev.atoll.diff.dir;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FileTree} adapter promises {@link DirectoryDiffer}: all regular files by
 * relative {@code /} path in path order, their sizes and bytes, and content ids that are equal
 * exactly for equal bytes. Each adapter's test builds {@link #FILES} its own way.
 */
public abstract class FileTreeContractTest {
    /** The layout every adapter's tree must hold: nested folders, an empty file, equal and unequal contents. */
    protected static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("a.txt", "alpha");
        FILES.put("b/c/d.csv", "id,v\n1,x\n");
        FILES.put("b/copy.txt", "alpha");
        FILES.put("b/empty", "");
        FILES.put("z/ü name.txt", "unicode path");
    }

    /** A tree holding exactly {@link #FILES}. */
    protected abstract FileTree tree() throws Exception;

    @Test
    void listsEveryFileByRelativePathInPathOrder() throws Exception {
        assertThat(tree().files().keySet()).containsExactly("a.txt", "b/c/d.csv", "b/copy.txt", "b/empty", "z/ü name.txt");
    }

    @Test
    void givesSizesAndBytes() throws Exception {
        FileTree tree = tree();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            TreeFile entry = tree.files().get(file.getKey());
            byte[] expected = file.getValue().getBytes(StandardCharsets.UTF_8);
            assertThat(entry.size()).as(file.getKey()).isEqualTo(expected.length);
            try (InputStream in = entry.open()) {
                assertThat(in.readAllBytes()).as(file.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void contentIdsAreEqualExactlyForEqualBytes() throws Exception {
        Map<String, TreeFile> files = tree().files();
        assertThat(files.get("a.txt").contentId()).isEqualTo(files.get("b/copy.txt").contentId());
        assertThat(files.get("a.txt").contentId()).isNotEqualTo(files.get("b/c/d.csv").contentId())
                .isNotEqualTo(files.get("b/empty").contentId());
    }

    @Test
    void aTreeDiffedWithItselfIsUnchanged() throws Exception {
        DirectoryDiff diff = DirectoryDiffer.diff(tree(), tree());
        assertThat(diff.identical()).isTrue();
        assertThat(diff.unchanged()).isEqualTo(FILES.size());
    }
}
