package dev.atoll.diff.git;

import dev.atoll.diff.DataDiff;
import dev.atoll.diff.DataDiffer;
import dev.atoll.diff.DiffProgress;
import dev.atoll.diff.RowCounts;
import dev.atoll.diff.TableFileDiffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository made by the real git and git-lfs (Debian's packages; scripts/prereqs.d/40-diff.sh),
 * read back by JGit: the CSV tracked by LFS is diffed from its LFS objects, not its pointers.
 */
class GitLfsInteropIT {
    @TempDir
    Path home;

    private Path repo;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString()); // no global config of the machine leaks in
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s (git-lfs comes with scripts/install-prereqs)", String.join(" ", args), output)
                .isZero();
    }

    @Test
    void aCsvTrackedByGitLfsDiffsFromItsObjects() throws Exception {
        repo = Files.createDirectories(home.resolve("repo"));
        git("init", "-q", "-b", "main");
        git("lfs", "install", "--local");
        git("lfs", "track", "*.csv");
        StringBuilder v1 = new StringBuilder("id,label\n");
        StringBuilder v2 = new StringBuilder("id,label\n");
        for (int i = 0; i < 1000; i++) {
            v1.append(i).append(",").append(i % 3 == 0 ? "cat" : "dog").append("\n");
            if (i % 100 != 0) { // 10 removed
                v2.append(i).append(",").append(i % 50 == 1 ? "bird" : i % 3 == 0 ? "cat" : "dog").append("\n"); // 20 relabelled
            }
        }
        v2.append("1000,cat\n");
        Files.writeString(repo.resolve("labels.csv"), v1);
        git("add", ".gitattributes", "labels.csv");
        git("commit", "-q", "-m", "v1");
        git("tag", "v1");
        Files.writeString(repo.resolve("labels.csv"), v2);
        git("commit", "-q", "-am", "v2");

        try (GitRevisions revisions = GitRevisions.open(repo)) {
            assertThat(revisions.file("main", "labels.csv").localPath()).as("committed as an LFS pointer, object in .git/lfs").isNotNull();
        }
        DataDiff diff = DataDiffer.revisions(repo, "v1", "main", List.of("labels.csv"), null,
                TableFileDiffer.Limits.ofRuntime(), DiffProgress.NONE);

        assertThat(diff.table().key()).isEqualTo("id");
        assertThat(diff.table().rows()).isEqualTo(new RowCounts(970, 1, 10, 20));
        assertThat(diff.table().before().path()).isEqualTo("v1:labels.csv");
    }
}
