package dev.atoll.diff.git;

import dev.atoll.diff.dir.FileTree;
import dev.atoll.diff.dir.FileTreeContractTest;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A commit's tree through JGit keeps the file-tree contract (LFS pointers: GitRevisionsTest). */
class GitRevisionTreeTest extends FileTreeContractTest {
    @TempDir
    Path repo;

    private GitRevisions revisions;

    @Override
    protected FileTree tree() throws Exception {
        if (revisions == null) {
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                for (Map.Entry<String, String> file : FILES.entrySet()) {
                    Path path = repo.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                }
                git.add().addFilepattern(".").call();
                git.commit().setMessage("files").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
            }
            revisions = GitRevisions.open(repo);
        }
        return revisions.tree("main", List.of());
    }

    @AfterEach
    void close() {
        if (revisions != null) {
            revisions.close();
        }
    }
}
