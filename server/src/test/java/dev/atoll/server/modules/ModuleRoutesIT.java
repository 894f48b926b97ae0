package dev.atoll.server.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogueContract;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ParameterType;
import dev.atoll.modules.Visibility;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import dev.atoll.server.AtollServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue REST API in the real {@link AtollServer} (its error mapping included) over a real SQLite catalogue. */
class ModuleRoutesIT {
    @TempDir
    Path dir;
    private AtollServer server;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("atoll.db"));
        JdbcModuleCatalogue catalogue = new JdbcModuleCatalogue(database);
        ModuleParameter epochs = new ModuleParameter("epochs", ParameterType.INTEGER, false, "200", "steps");
        catalogue.record(ModuleCatalogueContract.version("normalise", "1.0.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "a",
                new ModuleParameter("scale", ParameterType.FLOAT, false, "1.0", "factor")));
        catalogue.record(ModuleCatalogueContract.version("linear-trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "b", epochs));
        catalogue.record(ModuleCatalogueContract.version("private-trainer", "0.1", ModuleType.MODEL, Visibility.PRIVATE, "bo", "c", epochs));
        server = new AtollServer(List.of(new ModuleRoutes(catalogue, ModuleRoutes.trustedHeader("X-Forwarded-User"))), database,
                Duration.ofSeconds(5));
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String pathAndQuery, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (user != null) {
            request.header("X-Forwarded-User", user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void searchesByNameTypeAndParameterShowingPrivateModulesOnlyToTheirOwner() throws Exception {
        assertThat(json(get("/api/atoll/modules", null)).get("modules")).extracting(m -> m.get("name").asText())
                .containsExactly("linear-trainer", "normalise");
        assertThat(json(get("/api/atoll/modules?type=model&parameter=epochs", "bo")).get("modules")).extracting(m -> m.get("name").asText())
                .containsExactly("linear-trainer", "private-trainer");
        assertThat(json(get("/api/atoll/modules?name=norm", "bo")).get("modules")).extracting(m -> m.get("name").asText())
                .containsExactly("normalise");

        JsonNode module = json(get("/api/atoll/modules/normalise/1.0.0", null)).get("module");
        assertThat(module.get("type").asText()).isEqualTo("data_processor");
        assertThat(module.get("image").asText()).isEqualTo("127.0.0.1:5000/normalise:1.0.0");
        assertThat(module.get("parameters").get(0).get("default_value").asText()).isEqualTo("1.0");
    }

    @Test
    void answersUnknownOrHiddenModulesAndBadTypesWithMlflowErrors() throws Exception {
        HttpResponse<String> hidden = get("/api/atoll/modules/private-trainer/0.1", "ana");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(json(hidden).get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(get("/api/atoll/modules/private-trainer/0.1", "bo").statusCode()).isEqualTo(200);

        HttpResponse<String> badType = get("/api/atoll/modules?type=trainer", null);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType).get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(json(badType).get("message").asText()).isEqualTo(
                "type 'trainer' is not a module type — use data_processor, data_visualization or model");

        HttpResponse<String> twoNames = get("/api/atoll/modules?name=norm&name=lin", null);
        assertThat(twoNames.statusCode()).isEqualTo(400);
        assertThat(json(twoNames).get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");

        HttpResponse<String> noVersion = get("/api/atoll/modules/normalise", null);
        assertThat(noVersion.statusCode()).isEqualTo(404);
        assertThat(json(noVersion).get("error_code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    }
}
