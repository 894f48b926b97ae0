package dev.atoll.server.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.ArtifactUris;
import dev.atoll.artifacts.TraversalCorpus;
import dev.atoll.artifacts.local.LocalArtifactStore;
import dev.atoll.errors.AtollException;
import dev.atoll.server.AtollServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The artifact routes over HTTP on a loopback port, with a local store in a temp directory. */
class ArtifactRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "top-secret-content-outside-the-root";
    private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";

    @TempDir
    Path dir;
    AtollServer server;
    String baseUrl;
    HttpClient http = HttpClient.newHttpClient();
    Path root;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), SECRET);
        LocalArtifactStore store = new LocalArtifactStore(dir.resolve("store"));
        root = store.root();
        Map<String, String> runs = Map.of("run1", ArtifactUris.runUri("1", "run1"), "run2", ArtifactUris.runUri("1", "run2"));
        ArtifactService service = new ArtifactService(store, runId -> {
            String uri = runs.get(runId);
            if (uri == null) {
                throw AtollException.notFound("Run '" + runId + "' not found.");
            }
            return uri;
        });
        server = new AtollServer(List.of(new ArtifactRoutes(service)), null, Duration.ofSeconds(5));
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String rawPathAndQuery, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + rawPathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void uploadDownloadListAndDeleteThroughTheProxy() throws Exception {
        assertThat(send("PUT", PROXY + "1/run1/artifacts/model/MLmodel", "flavors: {}").statusCode()).isEqualTo(200);
        assertThat(send("PUT", PROXY + "1/run1/artifacts/metrics.json", "{\"a\": 1}").statusCode()).isEqualTo(200);

        HttpResponse<String> download = send("GET", PROXY + "1/run1/artifacts/model/MLmodel", null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("flavors: {}");
        assertThat(download.headers().firstValue("Content-Length")).contains("11");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(send("PUT", PROXY + "1/run1/artifacts/" + q("résumé \"1\".txt").replace("+", "%20"), "x").statusCode()).isEqualTo(200);
        HttpResponse<String> unicode = send("GET", PROXY + "1/run1/artifacts/" + q("résumé \"1\".txt").replace("+", "%20"), null);
        assertThat(unicode.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"r_sum_ _1_.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%221%22.txt");
        send("DELETE", PROXY + "1/run1/artifacts/" + q("résumé \"1\".txt").replace("+", "%20"), null);

        JsonNode listing = json(send("GET", "/api/2.0/mlflow-artifacts/artifacts?path=" + q("1/run1/artifacts"), null));
        assertThat(listing.get("files").toString()).isEqualTo(
                "[{\"path\":\"metrics.json\",\"is_dir\":false,\"file_size\":8},{\"path\":\"model\",\"is_dir\":true}]");

        assertThat(send("DELETE", PROXY + "1/run1/artifacts/model", null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/ajax-api/2.0/mlflow-artifacts/artifacts?path=1/run1/artifacts", null)).get("files"))
                .hasSize(1);
        HttpResponse<String> gone = send("GET", PROXY + "1/run1/artifacts/model/MLmodel", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(json(send("GET", "/api/2.0/mlflow-artifacts/artifacts?path=nothing", null)).has("files")).isFalse();
    }

    @Test
    void runArtifactListingAndGetArtifact() throws Exception {
        send("PUT", PROXY + "1/run1/artifacts/model/MLmodel", "m");
        send("PUT", PROXY + "1/run1/artifacts/a.txt", "aaa");

        JsonNode top = json(send("GET", "/api/2.0/mlflow/artifacts/list?run_id=run1", null));
        assertThat(top.get("root_uri").asText()).isEqualTo("mlflow-artifacts:/1/run1/artifacts");
        assertThat(top.get("files").toString()).isEqualTo(
                "[{\"path\":\"a.txt\",\"is_dir\":false,\"file_size\":3},{\"path\":\"model\",\"is_dir\":true}]");
        JsonNode model = json(send("GET", "/api/2.0/mlflow/artifacts/list?run_uuid=run1&path=model", null));
        assertThat(model.get("files").get(0).get("path").asText()).isEqualTo("model/MLmodel");

        HttpResponse<String> file = send("GET", "/get-artifact?run_id=run1&path=model/MLmodel", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("m");
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        HttpResponse<String> unknownRun = send("GET", "/api/2.0/mlflow/artifacts/list?run_id=nope", null);
        assertThat(unknownRun.statusCode()).isEqualTo(404);
        HttpResponse<String> missingRunId = send("GET", "/api/2.0/mlflow/artifacts/list", null);
        assertThat(missingRunId.statusCode()).isEqualTo(400);
        assertThat(json(missingRunId).get("message").asText()).contains("'run_id'");
    }

    @Test
    void multipartUploadThroughTheProxy() throws Exception {
        HttpResponse<String> created = send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts",
                "{\"path\": \"model/weights.bin\", \"num_parts\": 2}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode body = json(created);
        String uploadId = body.get("upload_id").asText();
        assertThat(body.get("credentials")).hasSize(2);

        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'x');
        List<String> parts = new ArrayList<>();
        for (JsonNode credential : body.get("credentials")) {
            byte[] content = credential.get("part_number").asInt() == 1 ? first : "tail".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(credential.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            parts.add("{\"part_number\": " + credential.get("part_number").asInt() + ", \"etag\": \""
                    + put.headers().firstValue("ETag").orElseThrow() + "\"}");
        }
        HttpResponse<String> completed = send("POST", "/api/2.0/mlflow-artifacts/mpu/complete/1/run1/artifacts",
                "{\"path\": \"model/weights.bin\", \"upload_id\": \"" + uploadId + "\", \"parts\": [" + String.join(",", parts) + "]}");
        assertThat(completed.statusCode()).isEqualTo(200);

        assertThat(Files.size(root.resolve("1/run1/artifacts/model/weights.bin"))).isEqualTo(first.length + 4);
        assertThat(Files.readString(root.resolve("1/run1/artifacts/model/weights.bin")).endsWith("xtail")).isTrue();

        HttpResponse<String> again = send("POST", "/api/2.0/mlflow-artifacts/mpu/abort/1/run1/artifacts",
                "{\"path\": \"model/weights.bin\", \"upload_id\": \"" + uploadId + "\"}");
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void badMultipartRequestsAreAnsweredInMlflowsErrorShape() throws Exception {
        HttpResponse<String> noParts = send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "{\"path\": \"x\"}");
        assertThat(noParts.statusCode()).isEqualTo(400);
        assertThat(json(noParts).get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(json(noParts).get("message").asText()).contains("num_parts");

        HttpResponse<String> notJson = send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "{oops");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error_code").asText()).isEqualTo("MALFORMED_REQUEST");

        // Read with the tracking API's parser: its rules and messages, where the artifact routes had their own.
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "[\"x\"]")).get("error_code").asText())
                .as("a body that is not an object").isEqualTo("MALFORMED_REQUEST");
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "{\"path\": \"x\", \"num_parts\": 1} {}"))
                .get("error_code").asText()).as("content after the object").isEqualTo("MALFORMED_REQUEST");
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "{\"path\": \"x\", \"num_parts\": \"2\"}"))
                .has("upload_id")).as("an int32 given as a string, as protobuf's JSON writes it").isTrue();
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts", "{\"path\": \"x\", \"num_parts\": 10001}"))
                .get("message").asText()).contains("'num_parts'").contains("from 1 to 10000");
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/complete/1/run1/artifacts", "{\"path\": \"x\", \"upload_id\": \"u\"}"))
                .get("message").asText()).isEqualTo("Missing value for required parameter 'parts'. See the API docs for more information about request parameters.");
        assertThat(json(send("POST", "/api/2.0/mlflow-artifacts/mpu/complete/1/run1/artifacts",
                "{\"path\": \"x\", \"upload_id\": \"u\", \"parts\": [{\"part_number\": 1}]}")).get("message").asText())
                .contains("'parts[0].etag'");
        HttpResponse<String> partZero = send("PUT", "/api/2.0/mlflow-artifacts/mpu/upload/1/run1/artifacts/x?upload_id=u&part_number=0", "x");
        assertThat(partZero.statusCode()).isEqualTo(400);
        assertThat(json(partZero).get("message").asText()).contains("'part_number'");
        HttpResponse<String> noRunId = send("GET", "/get-artifact?path=a.txt", null);
        assertThat(json(noRunId).get("message").asText())
                .isEqualTo("Missing value for required parameter 'run_id'. See the API docs for more information about request parameters.");
    }

    /** Every corpus path, through every route that takes a path: all refused with 400, nothing outside the root touched. */
    @Test
    void theTraversalCorpusIsRefusedEverywhere() throws Exception {
        Files.createDirectories(root.resolve("1/run2/artifacts"));
        Files.writeString(root.resolve("1/run2/artifacts/other.txt"), SECRET);
        List<String> failures = new ArrayList<>();
        for (String attack : TraversalCorpus.PATHS) {
            String inPath = asRawPath(attack);
            Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
            if (inPath != null) {
                responses.put("PUT path", send("PUT", PROXY + inPath, "pwned"));
                responses.put("GET path", send("GET", PROXY + inPath, null));
                responses.put("DELETE path", send("DELETE", PROXY + inPath, null));
                responses.put("MPU create", send("POST", "/api/2.0/mlflow-artifacts/mpu/create/" + inPath, "{\"path\": \"x\", \"num_parts\": 1}"));
            }
            responses.put("MPU create body", send("POST", "/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts",
                    "{\"path\": " + JSON.writeValueAsString(attack) + ", \"num_parts\": 1}"));
            responses.put("list ?path", send("GET", "/api/2.0/mlflow-artifacts/artifacts?path=" + q(attack), null));
            responses.put("run list ?path", send("GET", "/api/2.0/mlflow/artifacts/list?run_id=run1&path=" + q(attack), null));
            responses.put("get-artifact ?path", send("GET", "/get-artifact?run_id=run1&path=" + q(attack), null));
            responses.put("get-artifact run2 ?path", send("GET", "/get-artifact?run_id=run1&path=" + q("../../run2/artifacts/other.txt"), null));
            HttpResponse<String> underRun = inPath == null ? null : send("PUT", PROXY + "1/run1/artifacts/" + inPath, "pwned");
            if (underRun != null && underRun.statusCode() != 400 && underRun.statusCode() != 200) {
                failures.add("PUT under run " + attack + " -> " + underRun.statusCode());
            }
            responses.forEach((route, response) -> {
                if (response.statusCode() != 400) {
                    failures.add(route + " " + attack.replace("\0", "\\0") + " -> " + response.statusCode() + " " + response.body());
                }
                if (response.statusCode() == 400
                        && !response.body().contains("\"error_code\":\"INVALID_PARAMETER_VALUE\"")) {
                    failures.add(route + " " + attack.replace("\0", "\\0") + " -> not MLflow's error shape: " + response.body());
                }
                if (response.body().contains(SECRET)) {
                    failures.add(route + " " + attack + " leaked the secret");
                }
            });
        }
        assertThat(failures).isEmpty();

        assertThat(Files.readString(dir.resolve("secret.txt"))).isEqualTo(SECRET);
        assertThat(Files.readString(dir.resolve("etc/passwd"))).isEqualTo(SECRET);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root)).map(Path::toString))
                    .as("no file written outside the root")
                    .containsExactlyInAnyOrder(dir.resolve("secret.txt").toString(), dir.resolve("etc/passwd").toString());
        }
        try (Stream<Path> files = Files.walk(root)) {
            // Below a run root, "/etc/passwd" or "C:/x" are only odd names ("a//etc/passwd" is "a/etc/passwd"):
            // they may be stored, but only inside that run's root.
            assertThat(files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()))
                    .as("nothing written outside run1's root but the fixture")
                    .allMatch(f -> f.startsWith("1/run1/artifacts/") || f.equals("1/run2/artifacts/other.txt"))
                    .contains("1/run2/artifacts/other.txt");
        }
        assertThat(Files.readString(root.resolve("1/run2/artifacts/other.txt"))).isEqualTo(SECRET);
    }

    @Test
    void symlinksInsideTheRootAreRefusedOverHttp() throws Exception {
        Files.createDirectories(root.resolve("1/run1/artifacts"));
        Files.createSymbolicLink(root.resolve("1/run1/artifacts/escape"), dir.resolve("etc"));
        Files.createSymbolicLink(root.resolve("1/run1/artifacts/secret.txt"), dir.resolve("secret.txt"));

        List<HttpResponse<String>> responses = List.of(
                send("GET", PROXY + "1/run1/artifacts/escape/passwd", null),
                send("PUT", PROXY + "1/run1/artifacts/escape/planted", "pwned"),
                send("DELETE", PROXY + "1/run1/artifacts/escape/passwd", null),
                send("GET", PROXY + "1/run1/artifacts/secret.txt", null),
                send("PUT", PROXY + "1/run1/artifacts/secret.txt", "overwritten"),
                send("GET", "/api/2.0/mlflow-artifacts/artifacts?path=1/run1/artifacts/escape", null),
                send("GET", "/get-artifact?run_id=run1&path=escape/passwd", null),
                send("GET", "/api/2.0/mlflow/artifacts/list?run_id=run1&path=escape", null));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get("message").asText()).contains("symbolic link");
        });
        assertThat(Files.readString(dir.resolve("secret.txt"))).isEqualTo(SECRET);
        assertThat(Files.readString(dir.resolve("etc/passwd"))).isEqualTo(SECRET);
        assertThat(dir.resolve("etc/planted")).doesNotExist();
        assertThat(json(send("GET", "/api/2.0/mlflow/artifacts/list?run_id=run1", null)).has("files")).as("links are not listed").isFalse();
    }

    @Test
    void refusalsCarryMlflowsErrorShape() throws Exception {
        HttpResponse<String> response = send("GET", "/get-artifact?run_id=run1&path=" + q("../../../secret.txt"), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(json(response).get("message").asText()).contains("'../../../secret.txt'").contains("'..' segment");
    }

    /**
     * The attack as it would appear in a request line: characters that cannot appear in a URI are
     * percent-encoded (the server decodes them back), everything else, '%' included, goes as is.
     */
    private static String asRawPath(String attack) {
        StringBuilder raw = new StringBuilder();
        for (byte b : attack.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\\#\"<>^`{|}".indexOf(c) < 0) {
                raw.append((char) c);
            } else {
                raw.append(String.format("%%%02X", c));
            }
        }
        return raw.toString();
    }
}
