package dev.atoll.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.modules.ModuleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs real module scripts with python3 and the shipped helper against a loopback MLflow API. */
class PythonHelperIT {
    @TempDir
    Path dir;

    private Path module;

    record Result(int exitCode, String output) {
    }

    @BeforeEach
    void setUp() throws IOException {
        module = ModuleFixtures.copy("linear-trainer", dir.resolve("module"));
        Files.writeString(module.resolve(RepositoryInitializer.HELPER), PythonHelper.source());
        Files.writeString(dir.resolve("points.csv"), "x,y\n0,1\n1,3\n2,5\n3,7\n");
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "train.py"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("MLFLOW_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void logsParamsMetricsAndArtifactsThroughTheMlflowRestApi() throws Exception {
        try (RecordingMlflowServer server = new RecordingMlflowServer()) {
            Result result = run(Map.of("MLFLOW_TRACKING_URI", server.uri(), "MLFLOW_EXPERIMENT_NAME", "lines"),
                    "--data", dir.resolve("points.csv").toString(), "--model_dir", dir.resolve("model").toString(), "--epochs", "500");

            assertThat(result.exitCode()).as(result.output()).isZero();
            JsonNode model = new ObjectMapper().readTree(dir.resolve("model/model.json").toFile());
            assertThat(model.get("w").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));

            List<RecordingMlflowServer.Call> calls = server.calls();
            assertThat(calls).extracting(c -> c.method() + " " + c.path()).containsExactly(
                    "GET /api/2.0/mlflow/experiments/get-by-name",
                    "POST /api/2.0/mlflow/experiments/create",
                    "POST /api/2.0/mlflow/runs/create",
                    "POST /api/2.0/mlflow/runs/log-parameter",
                    "POST /api/2.0/mlflow/runs/log-parameter",
                    "POST /api/2.0/mlflow/runs/log-parameter",
                    "POST /api/2.0/mlflow/runs/log-parameter",
                    "POST /api/2.0/mlflow/runs/log-parameter",
                    "POST /api/2.0/mlflow/runs/log-metric",
                    "PUT /api/2.0/mlflow-artifacts/artifacts/7/r1/artifacts/model.json",
                    "POST /api/2.0/mlflow/runs/update");
            assertThat(calls.get(0).query()).isEqualTo("experiment_name=lines");
            assertThat(calls.get(1).json().get("name").asText()).isEqualTo("lines");
            assertThat(calls.get(2).json().get("experiment_id").asText()).isEqualTo("7");
            assertThat(calls.get(2).json().get("run_name").asText()).isEqualTo("Linear trainer");
            assertThat(calls.subList(3, 8)).extracting(c -> c.json().get("key").asText() + "=" + c.json().get("value").asText())
                    .containsExactly("data=" + dir.resolve("points.csv"), "model_dir=" + dir.resolve("model"),
                            "epochs=500", "learning_rate=0.05", "epochs=500");
            JsonNode metric = calls.get(8).json();
            assertThat(metric.get("run_id").asText()).isEqualTo("r1");
            assertThat(metric.get("key").asText()).isEqualTo("mse");
            assertThat(metric.get("value").asDouble()).isCloseTo(model.get("mse").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(metric.get("timestamp").asLong()).isPositive();
            assertThat(calls.get(9).body()).isEqualTo(Files.readAllBytes(dir.resolve("model/model.json")));
            assertThat(calls.get(10).json().get("status").asText()).isEqualTo("FINISHED");
        }
    }

    @Test
    void retriesAnOverloadedServerAndMarksACrashedScriptFailed() throws Exception {
        try (RecordingMlflowServer server = new RecordingMlflowServer()) {
            server.failNext(2);
            Files.writeString(dir.resolve("points.csv"), "x,y\n0,1\n1,not-a-number\n");

            Result result = run(Map.of("MLFLOW_TRACKING_URI", server.uri()),
                    "--data", dir.resolve("points.csv").toString(), "--model_dir", dir.resolve("model").toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("ValueError");
            List<RecordingMlflowServer.Call> calls = server.calls();
            assertThat(calls.subList(0, 3)).extracting(RecordingMlflowServer.Call::path).containsOnly("/api/2.0/mlflow/runs/create");
            assertThat(calls.get(2).json().get("experiment_id").asText()).isEqualTo("0");
            assertThat(calls.get(calls.size() - 1).path()).isEqualTo("/api/2.0/mlflow/runs/update");
            assertThat(calls.get(calls.size() - 1).json().get("status").asText()).isEqualTo("FAILED");
        }
    }

    @Test
    void joinsAnExistingRunAndLogsTagsMetricsAndNestedArtifacts() throws Exception {
        Files.writeString(module.resolve("step.py"), """
                import atoll_helper as atoll
                atoll.set_tag("stage", "eval")
                atoll.log_metrics({"acc": 0.9, "loss": 0.1}, step=3)
                open("report.txt", "w").write("ok")
                atoll.log_artifact("report.txt", artifact_path="reports/final")
                """);
        try (RecordingMlflowServer server = new RecordingMlflowServer()) {
            ProcessBuilder builder = new ProcessBuilder("python3", "step.py").directory(module.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(key -> key.startsWith("MLFLOW_"));
            builder.environment().putAll(Map.of("MLFLOW_TRACKING_URI", server.uri(), "MLFLOW_RUN_ID", "r1", "MLFLOW_TRACKING_TOKEN", "secret"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();

            List<RecordingMlflowServer.Call> calls = server.calls();
            assertThat(calls).extracting(c -> c.method() + " " + c.path()).containsExactly(
                    "GET /api/2.0/mlflow/runs/get",
                    "POST /api/2.0/mlflow/runs/set-tag",
                    "POST /api/2.0/mlflow/runs/log-metric",
                    "POST /api/2.0/mlflow/runs/log-metric",
                    "PUT /api/2.0/mlflow-artifacts/artifacts/7/r1/artifacts/reports/final/report.txt");
            assertThat(calls.get(0).query()).isEqualTo("run_id=r1");
            assertThat(calls.get(2).json().get("step").asInt()).isEqualTo(3);
            assertThat(calls.get(4).body()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
            assertThat(calls).allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer secret"));
        }
    }

    @Test
    void parsesTypedParametersAndRefusesBadOnesWithoutTracking() throws Exception {
        Result missing = run(Map.of(), "--data", "x.csv");
        Result badType = run(Map.of(), "--data", "x.csv", "--model_dir", "m", "--epochs", "many");
        Result unknown = run(Map.of(), "--data", "x.csv", "--model_dir", "m", "--seed", "1");
        Result offline = run(Map.of(), "--data", dir.resolve("points.csv").toString(), "--model_dir", dir.resolve("m").toString(),
                "--learning_rate=0.1", "--epochs", "300");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).isEqualTo("error: parameter --model_dir is required (directory to write model.json into)\n");
        assertThat(badType.output()).isEqualTo("error: parameter --epochs='many' is not a valid INTEGER\n");
        assertThat(unknown.output()).isEqualTo("error: unknown parameter --seed: declared are data, model_dir, epochs, learning_rate\n");
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).startsWith("trained w=2.0");
    }
}
