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
                assertThat(clonedLfs.endpoint("origin")).isEqualTo(java.net.URI.create(origin.toUri().toString().replaceAll("/$", "") + ".git/info/lfs"));
                cloned.getRepository().getConfig().setString("lfs", null, "url", server.endpoint().toString());
                cloned.getRepository().getConfig().save();

                assertThat(clonedLfs.fetch("origin", "HEAD", Map.of())).isEqualTo(2);

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

    private static String git(Path dir, java.util.Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    @Test
    void gitLfsAndAtollExchangeObjectsThroughTheSameServer() throws Exception {
        byte[] fromGitLfs = random(4 << 20, 4);
        byte[] fromAtoll = random(3 << 20, 5);
        try (JGitLfsServer server = new JGitLfsServer(tmp.resolve("server-objects"))) {
            String lfsUrl = server.endpoint().toString();
            Path bare = tmp.resolve("shared.git");
            Path a = Files.createDirectories(tmp.resolve("a"));
            git(tmp, Map.of(), "init", "-q", "--bare", bare.toString());
            git(a, Map.of(), "init", "-q");
            git(a, Map.of(), "lfs", "install", "--local");
            git(a, Map.of(), "config", "lfs.url", lfsUrl);
            git(a, Map.of(), "lfs", "track", "*.bin");
            Files.write(a.resolve("from-git-lfs.bin"), fromGitLfs);
            git(a, Map.of(), "add", ".gitattributes", "from-git-lfs.bin");
            git(a, Map.of(), "commit", "-q", "-m", "git-lfs file");
            git(a, Map.of(), "remote", "add", "origin", bare.toString());
            git(a, Map.of(), "push", "-q", "origin", "HEAD:refs/heads/main");

            Path b = tmp.resolve("b");
            // Clone without checkout: the content is fetched through Atoll, then JGit's built-in LFS smudges it.
            org.eclipse.jgit.lfs.BuiltinLFS.register();
            try (Git jgit = Git.cloneRepository().setURI(bare.toUri().toString()).setBranch("main").setNoCheckout(true).setDirectory(b.toFile()).call()) {
                jgit.getRepository().getConfig().setString("lfs", null, "url", lfsUrl);
                jgit.getRepository().getConfig().setBoolean("filter", "lfs", "useJGitBuiltin", true);
                jgit.getRepository().getConfig().save();
                LfsRepository lfs = new LfsRepository(jgit.getRepository());

                assertThat(lfs.fetch("origin", "HEAD", Map.of())).as("git-lfs pushed it on git push").isEqualTo(1);
                try (InputStream in = lfs.open("HEAD", "from-git-lfs.bin")) {
                    assertThat(in.readAllBytes()).isEqualTo(fromGitLfs);
                }
                jgit.checkout().setName("main").call();
                jgit.checkout().setAllPaths(true).call();
                assertThat(b.resolve("from-git-lfs.bin")).hasBinaryContent(fromGitLfs);

                Files.write(b.resolve("from-atoll.bin"), fromAtoll);
                lfs.add("from-atoll.bin");
                jgit.commit().setMessage("atoll file").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
                assertThat(lfs.push("origin", "HEAD", Map.of())).isEqualTo(1);
                jgit.push().setRemote("origin").call();
            }

            git(a, Map.of(), "pull", "-q", "origin", "main");
            assertThat(a.resolve("from-atoll.bin")).hasBinaryContent(fromAtoll);
            assertThat(git(a, Map.of(), "lfs", "ls-files")).contains("from-atoll.bin", "from-git-lfs.bin");
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
