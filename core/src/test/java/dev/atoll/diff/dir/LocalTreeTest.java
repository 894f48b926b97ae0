package dev.atoll.diff.dir;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class LocalTreeTest extends FileTreeContractTest {
    @TempDir
    Path root;

    @Override
    protected FileTree tree() throws Exception {
        if (Files.exists(root.resolve("a.txt"))) {
            return LocalTree.of(root);
        }
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Files.createSymbolicLink(root.resolve("link-to-a"), root.resolve("a.txt")); // links are not followed
        return LocalTree.of(root);
    }
}
