package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.atoll.artifacts.s3.S3ArtifactStore;
import dev.atoll.artifacts.s3.S3ProxyServer;
import dev.atoll.registry.webhooks.WebhookSignature;
import dev.atoll.server.mlflow.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code atoll server} as a user starts it (a child JVM running the CLI, default data layout): one
 * process serves tracking, the artifact proxy, the registry and logged models, and delivers signed
 * webhooks; given an {@code s3://} destination, its artifacts go to S3. This proves the wiring; the
 * route ITs prove each feature in depth.
 */
class ServerCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "wiring-test-shared-secret";

    @TempDir
    Path dir;
    Path data;
    HttpServer receiver;
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> badSignatures = new ConcurrentLinkedQueue<>();
    final HttpClient http = HttpClient.newHttpClient();
    String baseUrl;

    @BeforeEach
    void startReceiver() throws Exception {
        data = dir.resolve("atoll-data");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            if (WebhookSignature.verify(SECRET, body, signature)) {
                received.add(new String(body, StandardCharsets.UTF_8));
            } else {
                badSignatures.add(String.valueOf(signature));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private ServerProcess startServer() throws Exception {
        ServerProcess server = ServerProcess.start(data,
                List.of("--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                Map.of(ServerCommand.WEBHOOK_SECRET, SECRET), "256m");
        baseUrl = server.trackingUri();
        return server;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    @Test
    void oneServerTracksStoresArtifactsRegistersModelsAndSendsWebhooks() throws Exception {
        String experimentId;
        String runId;
        try (ServerProcess server = startServer(); MlflowClient mlflow = new MlflowClient(baseUrl)) {
            experimentId = mlflow.createExperiment("wiring");
            RunInfo run = mlflow.createRun(experimentId);
            runId = run.getRunId();
            assertThat(run.getArtifactUri()).isEqualTo("mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts");
            mlflow.setTag(runId, "mlflow.source.git.commit", "c0ffee");

            String runRoot = "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/" + runId + "/artifacts/";
            ok("PUT", runRoot + "model/MLmodel", "flavors: {}");
            ok("PUT", runRoot + "model/data/weights.bin", "0123456789");
            JsonNode listing = ok("GET", "/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=model", null);
            assertThat(listing.get("root_uri").asText()).isEqualTo(run.getArtifactUri());
            assertThat(listing.get("files").toString())
                    .isEqualTo("[{\"path\":\"model/MLmodel\",\"is_dir\":false,\"file_size\":11},{\"path\":\"model/data\",\"is_dir\":true}]");
            assertThat(send("GET", "/get-artifact?run_id=" + runId + "&path=model/MLmodel", null).body()).isEqualTo("flavors: {}");
            assertThat(data.resolve("artifacts/" + experimentId + "/" + runId + "/artifacts/model/data/weights.bin"))
                    .as("the default artifact destination is <data>/artifacts").hasContent("0123456789");

            ok("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"fraud\"}");
            JsonNode version = ok("POST", "/api/2.0/mlflow/model-versions/create",
                    "{\"name\": \"fraud\", \"source\": \"runs:/" + runId + "/model\", \"run_id\": \"" + runId + "\"}");
            assertThat(version.at("/model_version/version").asText()).isEqualTo("1");
            assertThat(mlflow.getModelVersionDownloadUri("fraud", "1")).isEqualTo(run.getArtifactUri() + "/model");
            assertThat(send("GET", "/model-versions/get-artifact?name=fraud&version=1&path=data/weights.bin", null).body())
                    .isEqualTo("0123456789");
            assertThat(ok("GET", "/api/atoll/registry/lineage?name=fraud&version=1", null).at("/lineage/code_commit").asText())
                    .as("lineage reads the run from the tracking store").isEqualTo("c0ffee");

            JsonNode logged = ok("POST", "/api/2.0/mlflow/logged-models",
                    "{\"experiment_id\": \"" + experimentId + "\", \"name\": \"clf\", \"source_run_id\": \"" + runId + "\"}");
            String modelId = logged.at("/model/info/model_id").asText();
            String modelRoot = logged.at("/model/info/artifact_uri").asText();
            assertThat(modelRoot).isEqualTo("mlflow-artifacts:/" + experimentId + "/models/" + modelId + "/artifacts");
            ok("PUT", "/api/2.0/mlflow-artifacts/artifacts/" + modelRoot.substring("mlflow-artifacts:/".length()) + "/MLmodel", "logged");
            ok("POST", "/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"" + runId + "\", \"models\": [{\"model_id\": \"" + modelId + "\", \"step\": 0}]}");
            String outputs = "{\"model_outputs\":[{\"model_id\":\"" + modelId + "\",\"step\":0}]}";
            assertThat(ok("GET", "/api/2.0/mlflow/runs/get?run_id=" + runId, null).at("/run/outputs").toString())
                    .as("runs/get returns what the registry recorded").isEqualTo(outputs);
            assertThat(ok("POST", "/api/2.0/mlflow/runs/search", "{\"experiment_ids\": [\"" + experimentId + "\"]}")
                    .at("/runs/0/outputs").toString()).isEqualTo(outputs);
            ok("PATCH", "/api/2.0/mlflow/logged-models/" + modelId, "{\"status\": \"LOGGED_MODEL_READY\"}");
            ok("POST", "/api/2.0/mlflow/model-versions/create", "{\"name\": \"fraud\", \"source\": \"models:/" + modelId + "\"}");
            assertThat(send("GET", "/model-versions/get-artifact?name=fraud&version=2&path=MLmodel", null).body()).isEqualTo("logged");

            awaitDeliveries(2);
            assertThat(server.stop()).as("SIGTERM stops the server").isIn(0, 143);
            assertThat(server.stderr()).doesNotContain("Exception");
        }
        assertThat(badSignatures).isEmpty();
        assertThat(received).allMatch(body -> body.contains("\"event\":\"model_version.created\""))
                .anyMatch(body -> body.contains("\"version\":\"1\"")).anyMatch(body -> body.contains("\"version\":\"2\""));

        try (ServerProcess restarted = startServer()) {
            assertThat(send("GET", "/get-artifact?run_id=" + runId + "&path=model/MLmodel", null).body()).isEqualTo("flavors: {}");
            JsonNode deliveries = ok("GET", "/api/atoll/registry/webhook-deliveries", null).get("deliveries");
            assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("DELIVERED"));
            assertThat(ok("GET", "/api/atoll/registry/history?name=fraud", null).get("entries"))
                    .extracting(e -> e.get("action").asText())
                    .containsExactly("create_registered_model", "create_model_version", "create_model_version");
            assertThat(restarted.stderr()).as("a restart on the same data applies no migration twice").doesNotContain("Exception");
        }
    }

    @Test
    void artifactsGoToAnS3DestinationGivenOnTheCommandLine() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
             S3Client client = S3ArtifactStore.client(s3.endpoint(), "us-east-1", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)) {
            client.createBucket(b -> b.bucket("models"));
            String destination = "s3://models/atoll?endpoint=" + URLEncoder.encode(s3.endpoint().toString(), StandardCharsets.UTF_8);
            try (ServerProcess server = ServerProcess.start(data, List.of("--artifacts-destination", destination),
                    Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY), "256m")) {
                baseUrl = server.trackingUri();
                String runId = ok("POST", "/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"0\"}").at("/run/info/run_id").asText();
                ok("PUT", "/api/2.0/mlflow-artifacts/artifacts/0/" + runId + "/artifacts/model/MLmodel", "flavors: {}");

                assertThat(send("GET", "/get-artifact?run_id=" + runId + "&path=model/MLmodel", null).body()).isEqualTo("flavors: {}");
                assertThat(client.headObject(b -> b.bucket("models").key("atoll/0/" + runId + "/artifacts/model/MLmodel")).contentLength())
                        .isEqualTo(11);
                assertThat(data.resolve("artifacts")).doesNotExist();
            }
        }
    }

    @Test
    void aWebhookWithoutASecretIsRefusedWithWhatToDo() throws Exception {
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtollCommand.class.getName(),
                "server", "--port", "0", "--data", data.toString(), "--webhook", "http://127.0.0.1:9/hook")
                .redirectErrorStream(true);
        builder.environment().remove(ServerCommand.WEBHOOK_SECRET);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(output).contains("error: --webhook needs a signing secret, and ATOLL_WEBHOOK_SECRET is not set — export");
        assertThat(List.of(output.split("\n"))).noneMatch(line -> line.startsWith("\tat "));
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (received.size() + badSignatures.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
