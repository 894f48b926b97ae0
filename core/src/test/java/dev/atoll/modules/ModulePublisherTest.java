package dev.atoll.modules;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publishing flow around the image build: what is checked before, what is recorded after. The
 * image side is a recording {@link ImagePublisher} that checks the build context it is given; the real
 * Docker build and push are in the server's PublishDockerIT.
 */
class ModulePublisherTest {
    @TempDir
    Path tmp;
    private Path repo;
    private Database database;
    private JdbcModuleCatalogue catalogue;
    private final List<String> builds = new ArrayList<>();
    private RuntimeException buildFailure;

    private final ImagePublisher images = (context, reference, progress) -> {
        assertThat(context.resolve("Dockerfile")).exists();
        assertThat(context.resolve(".atoll/atoll_helper.py")).exists();
        assertThat(context.resolve(".git")).doesNotExist();
        builds.add(reference);
        if (buildFailure != null) {
            throw buildFailure;
        }
        return "sha256:" + "ab".repeat(32);
    };

    @BeforeEach
    void setUp() throws Exception {
        repo = tmp.resolve("repo");
        ModuleFixtures.copy("linear-trainer", repo.resolve("trainer"));
        ModuleFixtures.copy("broken-everything", repo.resolve("broken"));
        ModuleFixtures.copy("missing-entry-point", repo.resolve("lost"));
        ModuleFixtures.copy("linear-trainer", repo.resolve("malformed"));
        Files.writeString(repo.resolve("malformed/train.py"), Files.readString(repo.resolve("malformed/train.py"))
                .replace("default_value=200,", "default_value=200"));
        commitAll("modules");
        database = Database.open("jdbc:sqlite:" + tmp.resolve("atoll.db"));
        catalogue = new JdbcModuleCatalogue(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private String commitAll(String message) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call().name();
        }
    }

    private ModulePublisher.Published publish(String module, String version) {
        return new ModulePublisher(images, catalogue, Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .publish(new PublishRequest(repo.resolve(module), version, "127.0.0.1:5000", PublishRequest.DEFAULT_BASE_IMAGE, "ana"), line -> { });
    }

    @Test
    void recordsTheVersionWithCommitDigestAndParametersAndRepeatsAreNoOps() throws Exception {
        String head;
        try (Git git = Git.open(repo.toFile())) {
            head = git.getRepository().resolve("HEAD").name();
        }

        Files.createDirectories(repo.resolve("trainer/atoll-data"));
        Files.writeString(repo.resolve("trainer/atoll-data/atoll.db"), "the CLI's default store, created where it runs");
        Files.createDirectories(repo.resolve("trainer/__pycache__"));
        Files.writeString(repo.resolve("trainer/__pycache__/train.cpython-311.pyc"), "cache");

        ModulePublisher.Published first = publish("trainer", "1.0.0");
        ModulePublisher.Published again = publish("trainer", "1.0.0");

        assertThat(first.outcome()).isEqualTo(ModuleCatalogue.Recorded.CREATED);
        ModuleVersion v = first.version();
        assertThat(v.coordinates()).isEqualTo("linear-trainer@1.0.0");
        assertThat(v.image()).isEqualTo("127.0.0.1:5000/linear-trainer:1.0.0");
        assertThat(v.gitCommit()).isEqualTo(head);
        assertThat(v.imageDigest()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(v.type()).isEqualTo(ModuleType.MODEL);
        assertThat(v.owner()).isEqualTo("ana");
        assertThat(v.parameters()).extracting(ModuleParameter::name).containsExactly("data", "model_dir", "epochs", "learning_rate");
        assertThat(catalogue.get("linear-trainer", "1.0.0")).contains(v);
        assertThat(again.outcome()).isEqualTo(ModuleCatalogue.Recorded.UNCHANGED);
        assertThat(builds).containsExactly("127.0.0.1:5000/linear-trainer:1.0.0");
    }

    @Test
    void refusesDifferentContentUnderAPublishedVersionBeforeBuilding() throws Exception {
        ModuleVersion original = publish("trainer", "1.0.0").version();
        Files.writeString(repo.resolve("trainer/train.py"), Files.readString(repo.resolve("trainer/train.py")).replace("0.05", "0.01"));
        commitAll("tune");

        assertThatThrownBy(() -> publish("trainer", "1.0.0"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
                .hasMessageContaining("linear-trainer@1.0.0 is already published with different content");
        assertThat(builds).hasSize(1);
        assertThat(catalogue.get("linear-trainer", "1.0.0")).contains(original);
        assertThat(publish("trainer", "1.0.1").outcome()).isEqualTo(ModuleCatalogue.Recorded.CREATED);
    }

    @Test
    void badInputIsRefusedWithoutBuildingAndLeavesTheCatalogueUnchanged() throws Exception {
        assertThatThrownBy(() -> publish("broken", "1.0.0")).hasMessageStartingWith("4 problem(s) in the code module");
        assertThatThrownBy(() -> publish("lost", "1.0.0"))
                .hasMessageContaining("run.py: is missing — create the entry point or fix the 'main' command in MLproject");
        assertThatThrownBy(() -> publish("malformed", "1.0.0"))
                .hasMessageContaining("train.py:20:77: expected ',' or ')' after an argument of @parameter but found 'description'");
        assertThatThrownBy(() -> publish("trainer", "1.0 final")).hasMessageStartingWith("module version '1.0 final' is not valid");

        Files.writeString(repo.resolve("trainer/notes.txt"), "draft");
        assertThatThrownBy(() -> publish("trainer", "1.0.0")).hasMessageStartingWith("uncommitted changes in [trainer/notes.txt] — commit them");
        Files.delete(repo.resolve("trainer/notes.txt"));

        buildFailure = new AtollException(ErrorCode.INVALID_STATE, "docker build of x failed: exit 1");
        assertThatThrownBy(() -> publish("trainer", "1.0.0")).hasMessage("docker build of x failed: exit 1");

        assertThat(builds).containsExactly("127.0.0.1:5000/linear-trainer:1.0.0");
        assertThat(catalogue.search(ModuleQuery.all("ana"))).isEmpty();
    }

    @Test
    void refusesAModuleOutsideGit() {
        Path loose = ModuleFixtures.copy("normalise", tmp.resolve("loose"));
        assertThatThrownBy(() -> new ModulePublisher(images, catalogue, Clock.systemUTC())
                .publish(new PublishRequest(loose, "1.0.0", "127.0.0.1:5000", "base", "ana"), line -> { }))
                .hasMessageContaining("is not in a git repository — the catalogue records the commit a module is built from");
    }
}
