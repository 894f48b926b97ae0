package dev.atoll.project.lfs;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lfs.LfsPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Push and fetch of LFS objects through the batch API, against JGit's LFS server on loopback. */
class LfsServerIT {
    @TempDir
    Path tmp;

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void pushesTheObjectsOfACommitAndACloneFetchesThem() throws Exception {
        byte[] big = random(5 << 20, 1);
        byte[] small = random(2000, 2);
        Path origin = tmp.resolve("origin");
        try (JGitLfsServer server = new JGitLfsServer(tmp.resolve("server-objects"));
             Git git = Git.init().setDirectory(origin.toFile()).call()) {
            Files.write(origin.resolve("big.bin"), big);
            Files.createDirectories(origin.resolve("nested"));
            Files.write(origin.resolve("nested/small.bin"), small);
            Files.writeString(origin.resolve("README.md"), "not in LFS\n");
            LfsRepository lfs = new LfsRepository(git.getRepository());
            List<LfsPointer> pointers = lfs.add("big.bin", "nested/small.bin");
            git.add().addFilepattern("README.md").call();
            git.commit().setMessage("data").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
            LfsBatchClient client = new LfsBatchClient(server.endpoint(), Map.of());

            assertThat(lfs.pointers("HEAD")).containsOnlyKeys("big.bin", "nested/small.bin");
            assertThat(client.upload(lfs.pointers("HEAD").values(), lfs.store())).isEqualTo(2);
            assertThat(server.objectFile(pointers.get(0).getOid().name())).hasBinaryContent(big);
            assertThat(client.upload(lfs.pointers("HEAD").values(), lfs.store())).as("already on the server").isZero();

            Path clone = tmp.resolve("clone");
            try (Git cloned = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).call()) {
                LfsRepository clonedLfs = new LfsRepository(cloned.getRepository());
                assertThatThrownBy(() -> clonedLfs.open("HEAD", "big.bin")).hasMessageEndingWith("is not in the local store — fetch it first");

                assertThat(client.download(clonedLfs.pointers("HEAD").values(), clonedLfs.store())).isEqualTo(2);

                try (InputStream in = clonedLfs.open("HEAD", "big.bin")) {
                    assertThat(in.readAllBytes()).isEqualTo(big);
                }
                try (InputStream in = clonedLfs.open("HEAD", "nested/small.bin")) {
                    assertThat(in.readAllBytes()).isEqualTo(small);
                }
                assertThat(client.download(clonedLfs.pointers("HEAD").values(), clonedLfs.store())).as("nothing left to fetch").isZero();
            }
        }
    }

    @Test
    void fetchingAnObjectTheServerLacksSaysSo() throws Exception {
        Path repo = tmp.resolve("repo");
        try (JGitLfsServer server = new JGitLfsServer(tmp.resolve("server-objects"));
             Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.write(repo.resolve("never-pushed.bin"), random(1000, 3));
            LfsPointer pointer = new LfsRepository(git.getRepository()).add("never-pushed.bin").get(0);
            LfsObjectStore empty = new LfsObjectStore(tmp.resolve("empty-store"));

            assertThatThrownBy(() -> new LfsBatchClient(server.endpoint(), Map.of()).download(List.of(pointer), empty))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(pointer.getOid().name());
            assertThat(empty.contains(pointer)).isFalse();
        }
    }
}
