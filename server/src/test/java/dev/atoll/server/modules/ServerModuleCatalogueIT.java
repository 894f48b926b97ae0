package dev.atoll.server.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogueContract;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.ParameterType;
import dev.atoll.modules.Visibility;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import dev.atoll.server.mlflow.ServerProcess;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code atoll server} serves the module catalogue of its own database at {@code /api/atoll/modules}
 * beside the MLflow API: what {@code atoll publish} records (another process, the same database) is
 * listed by the running server, and private modules only to their owner named by {@code --user-header}.
 */
class ServerModuleCatalogueIT {
    private static final ModuleParameter EPOCHS = new ModuleParameter("epochs", ParameterType.INTEGER, false, "200", "steps");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static void record(String url, ModuleVersion... versions) {
        try (Database database = Database.open(url)) {
            JdbcModuleCatalogue catalogue = new JdbcModuleCatalogue(database);
            for (ModuleVersion version : versions) {
                catalogue.record(version);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode modules(ServerProcess server, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.trackingUri() + "/api/atoll/modules"));
        if (user != null) {
            request.header("X-Forwarded-User", user);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("modules");
    }

    @Test
    void servesTheCatalogueOfItsDatabaseBesideTheTrackingApi() throws Exception {
        Path data = tmp.resolve("atoll-data");
        String url = "jdbc:sqlite:" + data.resolve("atoll.db");
        record(url, ModuleCatalogueContract.version("normalise", "1.0.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "a"),
                ModuleCatalogueContract.version("secret-trainer", "0.1", ModuleType.MODEL, Visibility.PRIVATE, "bo", "b", EPOCHS));

        try (ServerProcess server = ServerProcess.start(data, List.of("--user-header", "X-Forwarded-User"))) {
            assertThat(modules(server, null)).extracting(m -> m.get("name").asText()).containsExactly("normalise");
            assertThat(modules(server, "bo")).extracting(m -> m.get("name").asText()).containsExactly("normalise", "secret-trainer");

            record(url, ModuleCatalogueContract.version("linear-trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "c", EPOCHS));
            HttpResponse<String> trainer = send(HttpRequest.newBuilder(URI.create(server.trackingUri() + "/api/atoll/modules/linear-trainer/1.0.0")));
            HttpResponse<String> experiment = send(HttpRequest.newBuilder(URI.create(server.trackingUri() + "/api/2.0/mlflow/experiments/create"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"beside-modules\"}")));
            HttpResponse<String> badType = send(HttpRequest.newBuilder(URI.create(server.trackingUri() + "/api/atoll/modules?type=trainer")));

            assertThat(trainer.statusCode()).as(trainer.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(trainer.body()).at("/module/parameters/0/name").asText()).isEqualTo("epochs");
            assertThat(experiment.statusCode()).as(experiment.body()).isEqualTo(200);
            assertThat(badType.statusCode()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(badType.body()).get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        }
        try (TrackingStore store = JdbcTrackingStores.open(url)) {
            assertThat(store.experimentByName("beside-modules")).as("tracking and catalogue share the database").isPresent();
        }
    }

    @Test
    void withoutAUserHeaderEveryRequestIsAnonymous() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("elsewhere.db");
        record(url, ModuleCatalogueContract.version("secret-trainer", "0.1", ModuleType.MODEL, Visibility.PRIVATE, "bo", "b", EPOCHS));

        try (ServerProcess server = ServerProcess.start(tmp.resolve("unused"), List.of("--db", url))) {
            assertThat(modules(server, "bo")).isEmpty();
            HttpResponse<String> hidden = send(HttpRequest.newBuilder(URI.create(server.trackingUri() + "/api/atoll/modules/secret-trainer/0.1"))
                    .header("X-Forwarded-User", "bo"));
            assertThat(hidden.statusCode()).isEqualTo(404);
        }
    }
}
