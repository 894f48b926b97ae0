package dev.atoll.cli;

import dev.atoll.modules.ModuleFixtures;
import dev.atoll.modules.docker.DockerEngine;
import dev.atoll.modules.docker.DockerRegistry;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code atoll publish} and {@code atoll modules search} end to end: real engine, registry and catalogue file. */
class PublishCommandIT {
    @TempDir
    Path tmp;

    @Test
    void publishesThroughTheCliAndRefusesABrokenModuleWithEveryProblem() throws Exception {
        DockerEngine.start();
        Path module = ModuleFixtures.copy("normalise", tmp.resolve("normalise"));
        ModuleFixtures.copy("broken-everything", tmp.resolve("normalise/broken"));
        try (Git git = Git.init().setDirectory(module.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("module").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
        String store = "jdbc:sqlite:" + tmp.resolve("atoll-data/atoll.db");
        try (DockerRegistry registry = new DockerRegistry(Files.createDirectories(tmp.resolve("registry")))) {
            String[] publish = {"publish", module.toString(), "--version", "2.0.0", "--registry", registry.address(),
                    "--docker-host", DockerEngine.host(), "--db", store, "--user", "ana"};

            CliRun first = CliRun.of(publish);
            CliRun again = CliRun.of(publish);
            CliRun broken = CliRun.of("publish", module.resolve("broken").toString(), "--version", "1.0.0", "--registry", registry.address(),
                    "--docker-host", DockerEngine.host(), "--db", store, "--user", "ana");
            CliRun search = CliRun.of("modules", "search", "--parameter", "scale", "--db", store, "--user", "bo");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("published normalise@2.0.0 (data_processor, PUBLIC) image " + registry.address() + "/normalise:2.0.0@sha256:");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("already published normalise@2.0.0");
            assertThat(broken.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(broken.err()).contains("error: 4 problem(s) in the code module", "MLproject:5:36:", "requirements.txt:3:1:");
            assertThat(search.out().lines()).hasSize(2).last().asString().startsWith("normalise").contains("2.0.0", "ana", "input,output,scale,columns");
        }
    }
}
