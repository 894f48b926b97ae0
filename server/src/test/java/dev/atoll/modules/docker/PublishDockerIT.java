package dev.atoll.modules.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleFixtures;
import dev.atoll.modules.ModulePublisher;
import dev.atoll.modules.ModuleQuery;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.PublishRequest;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Publishes two real modules (a data processor and a trainer) through a real Docker engine to a real
 * registry on loopback, runs each image with parameters and checks its output; then the refusals.
 */
class PublishDockerIT {
    @TempDir
    static Path tmp;
    private static DockerRegistry registry;
    private static DockerImagePublisher docker;
    private static Database database;
    private static JdbcModuleCatalogue catalogue;
    private static Path repo;

    @BeforeAll
    static void start() throws Exception {
        docker = DockerEngine.start();
        registry = new DockerRegistry(Files.createDirectories(tmp.resolve("registry")));
        database = Database.open("jdbc:sqlite:" + tmp.resolve("atoll.db"));
        catalogue = new JdbcModuleCatalogue(database);
        repo = tmp.resolve("repo");
        ModuleFixtures.copy("normalise", repo.resolve("normalise"));
        ModuleFixtures.copy("linear-trainer", repo.resolve("trainer"));
        commitAll("two modules");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static void commitAll(String message) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
    }

    private static ModulePublisher.Published publish(String dir, String version, List<String> log) {
        return new ModulePublisher(docker, catalogue, Clock.systemUTC()).publish(
                new PublishRequest(repo.resolve(dir), version, registry.address(), DockerEngine.BASE_IMAGE, "ana"), log::add);
    }

    /** Runs the image from the registry (the local copy is removed first), without network, /data mounted. */
    private static String runImage(String reference, Path data, String... args) throws Exception {
        DockerEngine.cli(Duration.ofMinutes(1), "image", "rm", "-f", reference);
        DockerEngine.cli(Duration.ofMinutes(5), "pull", "--quiet", reference);
        List<String> command = new ArrayList<>(List.of("run", "--rm", "--network", "none", "-v", data + ":/data", reference));
        command.addAll(List.of(args));
        return DockerEngine.cli(Duration.ofMinutes(5), command.toArray(String[]::new));
    }

    @Test
    void publishesTheDataProcessorAndRunsItsImageWithParameters() throws Exception {
        List<String> log = new ArrayList<>();
        ModulePublisher.Published published = publish("normalise", "1.0.0", log);

        ModuleVersion v = published.version();
        assertThat(published.outcome()).isEqualTo(ModuleCatalogue.Recorded.CREATED);
        assertThat(v.image()).isEqualTo(registry.address() + "/normalise:1.0.0");
        assertThat(v.imageDigest()).startsWith("sha256:").isEqualTo(registry.manifestDigest("normalise", "1.0.0"));
        assertThat(log).anyMatch(line -> line.contains("FROM " + DockerEngine.BASE_IMAGE) || line.startsWith("Step 1/"));

        Path data = Files.createDirectories(tmp.resolve("normalise-data"));
        Files.writeString(data.resolve("in.csv"), "city,temp,rain\nOslo,0,10\nRome,20,30\nCairo,40,20\n");
        String output = runImage(v.image(), data, "--input", "/data/in.csv", "--output", "/data/out", "--scale", "10");

        assertThat(output).startsWith("normalised 3 rows, columns temp,rain -> /data/out/normalised.csv");
        assertThat(Files.readString(data.resolve("out/normalised.csv")).replace("\r", "")).isEqualTo(
                "city,temp,rain\nOslo,0.0,0.0\nRome,5.0,10.0\nCairo,10.0,5.0\n");

        assertThat(publish("normalise", "1.0.0", new ArrayList<>()).outcome()).isEqualTo(ModuleCatalogue.Recorded.UNCHANGED);
    }

    @Test
    void publishesTheTrainerAndItsImageFitsTheLine() throws Exception {
        ModuleVersion v = publish("trainer", "1.0.0", new ArrayList<>()).version();

        Path data = Files.createDirectories(tmp.resolve("trainer-data"));
        Files.writeString(data.resolve("points.csv"), "x,y\n0,1\n1,3\n2,5\n3,7\n4,9\n");
        String output = runImage(v.image(), data, "--data", "/data/points.csv", "--model_dir", "/data/model",
                "--epochs", "2000", "--learning_rate", "0.02");

        assertThat(output).startsWith("trained w=2.0");
        JsonNode model = new ObjectMapper().readTree(data.resolve("model/model.json").toFile());
        assertThat(model.get("w").asDouble()).isCloseTo(2.0, within(0.01));
        assertThat(model.get("b").asDouble()).isCloseTo(1.0, within(0.02));
        assertThat(catalogue.search(new ModuleQuery(null, null, "learning_rate", null))).extracting(ModuleVersion::coordinates)
                .containsExactly("linear-trainer@1.0.0");
    }

    @Test
    void aDockerBuildFailureIsReportedAndLeavesTheCatalogueUnchanged() throws Exception {
        // The base image has no pip, so a module with requirements fails in its RUN pip install step.
        ModuleFixtures.copy("normalise", repo.resolve("needs-pip"));
        Files.writeString(repo.resolve("needs-pip/MLproject"),
                Files.readString(repo.resolve("needs-pip/MLproject")).replace("name: normalise", "name: needs-pip"));
        Files.writeString(repo.resolve("needs-pip/requirements.txt"), "numpy==1.26.4\n");
        commitAll("a module the base image cannot build");
        List<ModuleVersion> before = catalogue.search(ModuleQuery.all("ana"));

        assertThatThrownBy(() -> publish("needs-pip", "1.0.0", new ArrayList<>()))
                .isInstanceOf(AtollException.class)
                .hasMessageStartingWith("docker build of " + registry.address() + "/needs-pip:1.0.0 failed:")
                .hasMessageEndingWith("fix the step shown above (requirements, base image, files) and publish again");

        assertThat(catalogue.get("needs-pip", "1.0.0")).isEmpty();
        assertThat(catalogue.search(ModuleQuery.all("ana"))).isEqualTo(before);
        assertThat(registry.manifestDigest("needs-pip", "1.0.0")).isNull();
    }
}
