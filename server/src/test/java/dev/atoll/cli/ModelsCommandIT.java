package dev.atoll.cli;

import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.local.LocalArtifactStore;
import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.Database;
import dev.atoll.registry.LoggedModelService;
import dev.atoll.registry.MutableClock;
import dev.atoll.registry.RegistryService;
import dev.atoll.registry.RunsForTests;
import dev.atoll.registry.store.jdbc.JdbcRegistryStore;
import dev.atoll.registry.webhooks.WebhookOutbox;
import dev.atoll.server.AtollServer;
import dev.atoll.server.artifacts.ArtifactRoutes;
import dev.atoll.server.registry.RegistryRoutes;
import dev.atoll.tracking.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code atoll models ...} against a freshly started server. */
class ModelsCommandIT {
    @TempDir
    Path dir;
    Database database;
    AtollServer server;
    String baseUrl;
    LocalArtifactStore store;

    @BeforeEach
    void start() throws Exception {
        database = Database.open("jdbc:sqlite:" + dir.resolve("atoll.db"));
        RunsForTests runs = new RunsForTests().add("1", "run1", new Tag("mlflow.source.git.commit", "c0ffee"),
                new Tag("atoll.data.commit", "da7a"), new Tag("atoll.module.tokenizer", "0.3.1"));
        JdbcRegistryStore registryStore = new JdbcRegistryStore(database);
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        RegistryService registry = new RegistryService(registryStore, clock, runs, WebhookOutbox.none());
        store = new LocalArtifactStore(dir.resolve("artifacts"));
        ArtifactService artifacts = new ArtifactService(store, runId ->
                runs.run(runId).orElseThrow(() -> AtollException.notFound("no run " + runId)).info().artifactUri());
        LoggedModelService loggedModels = new LoggedModelService(registryStore, clock, id -> "mlflow-artifacts:/" + id, runs);
        server = new AtollServer(List.of(new ArtifactRoutes(artifacts), new RegistryRoutes(registry, loggedModels, artifacts)),
                null, Duration.ofSeconds(5));
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    private CliRun atoll(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "models";
        full[1] = "--tracking-uri=" + baseUrl;
        System.arraycopy(args, 0, full, 2, args.length);
        return CliRun.of(full);
    }

    @Test
    void registerAliasPromoteShowListHistoryAndDownload() throws Exception {
        store.put(dev.atoll.artifacts.ArtifactPath.parse("1/run1/artifacts/model/MLmodel"),
                new java.io.ByteArrayInputStream("flavors: {}".getBytes(StandardCharsets.UTF_8)));
        store.put(dev.atoll.artifacts.ArtifactPath.parse("1/run1/artifacts/model/data/weights.bin"),
                new java.io.ByteArrayInputStream(new byte[1234]));

        CliRun registered = atoll("register", "fraud", "runs:/run1/model", "--run-id", "run1", "--tag", "team=risk");
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("registered fraud version 1");
        assertThat(atoll("register", "fraud", "s3://models/fraud/2").out()).contains("registered fraud version 2");

        assertThat(atoll("alias", "fraud", "champion", "1").out()).contains("fraud@champion -> version 1");
        assertThat(atoll("promote", "fraud", "1", "Production", "--archive-existing").out()).contains("is now in Production");

        CliRun list = atoll("list");
        assertThat(list.out()).contains("fraud").contains("v2").contains("champion=v1");
        CliRun show = atoll("show", "fraud");
        assertThat(show.out()).contains("alias:       champion -> v1").contains("Production").contains("runs:/run1/model");
        CliRun lineage = atoll("show", "fraud", "--version", "@champion");
        assertThat(lineage.out()).contains("code_commit      c0ffee").contains("data_commit      da7a").contains("tokenizer@0.3.1");

        CliRun history = atoll("history", "fraud");
        assertThat(history.out()).contains("create_registered_model").contains("set_registered_model_alias")
                .contains("current_stage: None -> Production");

        CliRun download = atoll("download", "fraud", "@champion", "--output", dir.resolve("out").toString());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(download.out()).contains("downloaded 2 files (1245 bytes)");
        assertThat(dir.resolve("out/fraud-v1/MLmodel")).hasContent("flavors: {}");
        assertThat(Files.size(dir.resolve("out/fraud-v1/data/weights.bin"))).isEqualTo(1234);
    }

    @Test
    void userErrorsPrintWhatAndWhatToDoAndExitOne() {
        CliRun missing = atoll("show", "nope");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        // the in-process server's access log shares this stderr, so look for the CLI's own line
        assertThat(missing.err()).containsPattern("(?m)^error: Registered Model with name=nope not found");

        atoll("register", "m", "s3://b/1");
        CliRun reserved = atoll("alias", "m", "latest", "1");
        assertThat(reserved.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(reserved.err()).contains("reserved");

        CliRun down = CliRun.of("models", "--tracking-uri=http://127.0.0.1:9", "list"); // not the fixture's server
        assertThat(down.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(down.err()).contains("cannot reach the Atoll server at http://127.0.0.1:9 — start it with 'atoll server'");
    }
}
