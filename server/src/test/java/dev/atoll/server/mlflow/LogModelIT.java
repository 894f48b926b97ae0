package dev.atoll.server.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.server.mlflow.MlflowHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.atoll.server.mlflow.MlflowHttp.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST runs/log-model} as MLflow 2's {@code log_model} sends it ({@code RestStore.record_logged_model}:
 * the run id and the model's MLmodel as a JSON string), and the {@code mlflow.log-model.history}
 * tag it leaves on the run, read back with the MLflow Java client.
 */
class LogModelIT {
    private static final String HISTORY = "mlflow.log-model.history";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path directory;
    private static LocalTrackingServer server;
    private static MlflowHttp http;
    private static MlflowClient mlflow;
    private String runId;

    @BeforeAll
    static void startServer() {
        server = LocalTrackingServer.start("jdbc:sqlite:" + directory.resolve("atoll.db"));
        http = new MlflowHttp(server.trackingUri());
        mlflow = new MlflowClient(server.trackingUri());
    }

    @AfterAll
    static void stopServer() {
        mlflow.close();
        server.close();
    }

    @BeforeEach
    void createRun() {
        runId = mlflow.createRun().getRunId();
    }

    /** The MLmodel of a model that MLflow 2.12 logged with a model_config, as its {@code Model.to_json()} writes it. */
    private String modelJson(String artifactPath) {
        try (InputStream in = LogModelIT.class.getResourceAsStream("mlflow-2-pyfunc-model-with-config.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("$RUN_ID", runId).replace("$ARTIFACT_PATH", artifactPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer logModel(String modelJson) {
        return http.post("runs/log-model", object().put("run_id", runId).put("model_json", modelJson));
    }

    private JsonNode history() throws IOException {
        String value = mlflow.getRun(runId).getData().getTagsList().stream().filter(tag -> tag.getKey().equals(HISTORY))
                .map(RunTag::getValue).findFirst().orElse(null);
        return value == null ? null : JSON.readTree(value);
    }

    @Test
    void keepsWhatMlflowKeepsOfEachLoggedModelInTheRunsHistoryTag() throws Exception {
        assertThat(logModel(modelJson("model")).ok()).isEmpty();
        assertThat(logModel(modelJson("calibrated")).ok()).isEmpty();

        JsonNode history = history();
        assertThat(history).hasSize(2);
        JsonNode first = history.get(0);
        assertThat(first.properties()).extracting(java.util.Map.Entry::getKey)
                .as("the fields of MLflow's Model.get_tags_dict, in its order")
                .containsExactly("run_id", "artifact_path", "utc_time_created", "model_uuid", "flavors");
        assertThat(first.get("run_id").asText()).isEqualTo(runId);
        assertThat(first.get("artifact_path").asText()).isEqualTo("model");
        assertThat(first.get("utc_time_created").asText()).isEqualTo("2024-05-02 10:11:12.123456");
        assertThat(first.get("model_uuid").asText()).isEqualTo("6a6b3c9e1f2d4c0f9e8d7c6b5a493827");
        assertThat(first.at("/flavors/python_function/loader_module").asText()).isEqualTo("mlflow.sklearn");
        assertThat(first.at("/flavors/python_function").has("config")).as("a flavor's config is not kept").isFalse();
        assertThat(first.at("/flavors/sklearn/sklearn_version").asText()).isEqualTo("1.4.2");
        assertThat(history.get(1).get("artifact_path").asText()).isEqualTo("calibrated");
    }

    @Test
    void keepsEveryModelOfRequestsThatArriveTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String path = "model-" + i;
                answers.add(pool.submit(() -> logModel(modelJson(path))));
            }
            for (Future<Answer> answer : answers) {
                answer.get(60, TimeUnit.SECONDS).ok();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(history().findValuesAsText("artifact_path")).containsExactlyInAnyOrder(
                "model-0", "model-1", "model-2", "model-3", "model-4", "model-5", "model-6", "model-7");
    }

    @Test
    void refusesWhatMlflowsServerRefusesAndWritesNothing() throws Exception {
        logModel(modelJson("model")).ok();
        JsonNode before = history();

        assertRefused(http.post("runs/log-model", object().put("run_id", runId)), "Missing value for required parameter 'model_json'");
        assertRefused(http.post("runs/log-model", object().put("model_json", modelJson("m"))), "Missing value for required parameter 'run_id'");
        assertRefused(http.post("runs/log-model", object().put("run_id", runId).put("model_json", 7)),
                "Invalid value 7 for parameter 'model_json' supplied: expected a string.");
        assertRefused(logModel("{\"artifact_path\": \"m\""), "Malformed model info: 'model_json' is not valid JSON");
        assertRefused(logModel("{\"run_id\": \"" + runId + "\", \"artifact_path\": \"m\"}"),
                "Model json is missing mandatory fields: [flavors, utc_time_created]");
        assertRefused(logModel(modelJson("m").replace("\"flavors\": {", "\"flavors\": [{").replace("},\n  \"model_uuid\"", "}],\n  \"model_uuid\"")),
                "for 'flavors' in 'model_json'");
        assertThat(history()).isEqualTo(before);

        Answer unknown = http.post("runs/log-model", object().put("run_id", "0123456789abcdef0123456789abcdef").put("model_json", modelJson("m")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        mlflow.deleteRun(runId);
        assertRefused(logModel(modelJson("m")), "must be in the 'active' state");
    }

    private static void assertRefused(Answer answer, String message) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(answer.message()).contains(message);
    }
}
