package dev.atoll.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void initTwiceReportsNothingToDoAndRefusalsExitOne() throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();

        CliRun first = CliRun.of("init", "--kind", "code", "--name", "scaler", dir.toString());
        CliRun second = CliRun.of("init", "--kind", "code", dir.toString());
        CliRun other = CliRun.of("init", "--kind", "data", dir.toString());
        CliRun bad = CliRun.of("init", "--kind", "model", dir.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("created   MLproject", "code repository set up");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("unchanged MLproject", "nothing to do: this is already a code repository");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(other.err()).startsWith("error: " + dir.resolve("atoll.yml") + " already declares kind: code, not data");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'model' is not a repository kind — use data, code or ml");
    }
}
