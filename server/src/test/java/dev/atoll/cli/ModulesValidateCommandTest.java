package dev.atoll.cli;

import dev.atoll.modules.ModuleFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validModuleExitsZeroAndSummarisesIt() {
        ModuleFixtures.copy("linear-trainer", dir);

        CliRun run = CliRun.of("modules", "validate", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ok: module linear-trainer (model, 4 parameter(s), entry point train.py, 0 pinned requirement(s))");
    }

    @Test
    void brokenModuleExitsOneAndListsEveryProblemWithItsPath() {
        ModuleFixtures.copy("broken-everything", dir);

        CliRun run = CliRun.of("modules", "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err().lines()).containsExactly(
                dir.resolve("MLproject") + ":5:36: entry point 'main' parameter 'rate' default 'fast' is not a valid float — change the default or the type",
                dir.resolve("MLproject") + ":6:14: entry point 'main' command uses {rate} but no parameter of that name is declared — declare it under parameters",
                dir.resolve("requirements.txt") + ":1:1: 'numpy' is not pinned — write numpy==<version> (pip freeze shows the installed one)",
                dir.resolve("requirements.txt") + ":3:1: 'pandas' is listed twice (first on line 2) — keep one pin",
                "error: 4 problem(s) in the code module " + dir + " — fix them and run 'atoll modules validate' again");
    }
}
