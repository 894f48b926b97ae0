package dev.atoll.diff.git;

import dev.atoll.diff.dir.DirectoryDiff;
import dev.atoll.diff.dir.DirectoryDiff.Kind;
import dev.atoll.diff.dir.DirectoryDiffer;
import dev.atoll.diff.dir.TreeFile;
import dev.atoll.errors.AtollException;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions of repositories made with JGit; LFS pointers written as git-lfs writes them (spec v1). */
class GitRevisionsTest {
    @TempDir
    Path repo;

    private Git git;

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Writes an LFS pointer at {@code path} and, if {@code store}, the object into .git/lfs/objects. */
    private void lfs(String path, String content, boolean store) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String oid = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        write(path, "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize " + bytes.length + "\n");
        if (store) {
            Path object = repo.resolve(".git/lfs/objects/" + oid.substring(0, 2) + "/" + oid.substring(2, 4) + "/" + oid);
            Files.createDirectories(object.getParent());
            Files.write(object, bytes);
        }
    }

    private String commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call().name();
    }

    private void init() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    }

    @Test
    void treesOfTwoRevisionsDiffWithLfsObjectsResolved() throws Exception {
        init();
        write("README.md", "hello");
        write("data/a.csv", "id,v\n1,a\n");
        lfs("data/big.csv", "id,v\n1,x\n2,y\n", true);
        write("data/moved.txt", "moving");
        commit("first");
        git.tag().setName("v1").call();
        write("data/a.csv", "id,v\n1,b\n");
        lfs("data/big.csv", "id,v\n1,x\n2,z\n3,w\n", true);
        Files.move(repo.resolve("data/moved.txt"), Files.createDirectories(repo.resolve("other")).resolve("moved.txt"));
        write("data/new.csv", "id\n9\n");
        commit("second");

        try (GitRevisions revisions = GitRevisions.open(repo)) {
            DirectoryDiff diff = DirectoryDiffer.diff(revisions.tree("v1", List.of()), revisions.tree("main", List.of()));
            assertThat(diff.before()).isEqualTo("v1");
            assertThat(diff.changes()).extracting(c -> c.kind() + " " + c.path())
                    .containsExactly("MODIFIED data/a.csv", "MODIFIED data/big.csv", "RENAMED data/moved.txt", "ADDED data/new.csv");
            assertThat(diff.changes().get(1).oldSize()).as("the LFS object's size, not the pointer's").isEqualTo(13);
            assertThat(diff.unchanged()).isEqualTo(1);

            DirectoryDiff onlyData = DirectoryDiffer.diff(revisions.tree("v1", List.of("data/")), revisions.tree("main", List.of("data")));
            assertThat(onlyData.changes()).extracting(DirectoryDiff.FileChange::kind)
                    .containsExactly(Kind.MODIFIED, Kind.MODIFIED, Kind.REMOVED, Kind.ADDED);

            TreeFile big = revisions.file("main", "data/big.csv");
            try (InputStream in = big.open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,v\n1,x\n2,z\n3,w\n");
            }
            assertThat(big.localPath()).exists();
            assertThat(revisions.file("main", "data/a.csv").localPath()).isNull();
            assertThat(revisions.file("main", "data")).isNull();
            assertThat(revisions.file("main", "nope.csv")).isNull();
        }
    }

    @Test
    void anLfsObjectNeverFetchedSaysWhatToRun() throws Exception {
        init();
        lfs("big.csv", "a,b\n1,2\n", false);
        commit("pointer only");
        try (GitRevisions revisions = GitRevisions.open(repo)) {
            TreeFile big = revisions.file("main", "big.csv");
            assertThat(big.size()).isEqualTo(8);
            assertThatThrownBy(big::open).isInstanceOf(AtollException.class)
                    .hasMessageContaining("big.csv at main is a Git LFS pointer").hasMessageContaining("git lfs fetch");
        }
    }

    @Test
    void unknownRevisionAndNonRepositoryAreUserErrors() throws Exception {
        init();
        write("a.txt", "a");
        commit("one");
        try (GitRevisions revisions = GitRevisions.open(repo)) {
            assertThatThrownBy(() -> revisions.tree("no-such-branch", List.of())).isInstanceOf(AtollException.class)
                    .hasMessageContaining("revision 'no-such-branch' is not in the git repository");
        }
        Path plain = Files.createTempDirectory("not-a-repo");
        assertThatThrownBy(() -> GitRevisions.open(plain)).isInstanceOf(AtollException.class)
                .hasMessageContaining("is not a git repository");
    }
}
