package dev.atoll.project.lfs;

import dev.atoll.project.InitOptions;
import dev.atoll.project.RepositoryInitializer;
import dev.atoll.project.RepositoryKind;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lfs.BuiltinLFS;
import org.eclipse.jgit.lfs.LfsPointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Files Atoll stores read in Debian's git-lfs, and files git-lfs stores read in Atoll (and JGit's checkout). */
class GitLfsInteropIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void jgitLfs() {
        BuiltinLFS.register();
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void gitLfsReadsWhatAtollWrote() throws Exception {
        Path dir = tmp.resolve("atoll-writes");
        byte[] data = random(6 << 20, 11);
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.DATA, List.of("*.bin"), null));
            Files.createDirectories(dir.resolve("data"));
            Files.write(dir.resolve("data/big.bin"), data);
            LfsPointer pointer = new LfsRepository(git.getRepository()).add("data/big.bin").get(0);
            git.add().addFilepattern(".gitattributes").addFilepattern("atoll.yml").call();
            git.commit().setMessage("data").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();

            assertThat(git(dir, "lfs", "ls-files", "--long")).contains(pointer.getOid().name() + " * data/big.bin");
            assertThat(git(dir, "show", "HEAD:data/big.bin")).isEqualTo(git(dir, "lfs", "pointer", "--file=data/big.bin")
                    .lines().dropWhile(line -> !line.startsWith("version")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(git(dir, "status", "--porcelain")).isEmpty();
            git(dir, "lfs", "fsck");
            Files.delete(dir.resolve("data/big.bin"));
            git(dir, "checkout", "--", "data/big.bin");
            assertThat(Files.readAllBytes(dir.resolve("data/big.bin"))).isEqualTo(data);
        }
    }

    @Test
    void atollAndJGitReadWhatGitLfsWrote() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("git-lfs-writes"));
        byte[] data = random(3 << 20, 12);
        git(dir, "init", "-q");
        git(dir, "lfs", "install", "--local");
        git(dir, "lfs", "track", "*.bin");
        Files.write(dir.resolve("model.bin"), data);
        git(dir, "add", ".gitattributes", "model.bin");
        git(dir, "commit", "-q", "-m", "model");

        try (Git git = Git.open(dir.toFile())) {
            LfsRepository lfs = new LfsRepository(git.getRepository());
            try (InputStream in = lfs.open("HEAD", "model.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            assertThat(lfs.pointers("HEAD")).containsOnlyKeys("model.bin");
            assertThat(new LfsObjectStore(tmp.resolve("other-store")).add(dir.resolve("model.bin"))).isEqualTo(lfs.pointer("HEAD", "model.bin").orElseThrow());

            // JGit's own checkout smudges through the same store when its built-in LFS is enabled.
            git.getRepository().getConfig().setBoolean("filter", "lfs", "useJGitBuiltin", true);
            git.getRepository().getConfig().save();
            Files.delete(dir.resolve("model.bin"));
            git.checkout().addPath("model.bin").call();
            assertThat(Files.readAllBytes(dir.resolve("model.bin"))).isEqualTo(data);
        }
    }
}
