package dev.atoll.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.atoll.tracking.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.ModelVersionsPage;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry API on a freshly started server (SQLite file, local artifact store): MLflow's Java
 * client for the registry calls it has, raw REST for the rest.
 */
class RegistryRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Database database;
    AtollServer server;
    String baseUrl;
    MlflowClient mlflow;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        database = Database.open("jdbc:sqlite:" + dir.resolve("atoll.db"));
        RunsForTests runs = new RunsForTests()
                .add("1", "run1", new Tag("mlflow.source.git.commit", "c0ffee"), new Tag("atoll.data.commit", "da7a"),
                        new Tag("atoll.module.tokenizer", "0.3.1"), new Tag("atoll.ci.job_url", "https://gitlab/jobs/42"));
        JdbcRegistryStore store = new JdbcRegistryStore(database);
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        RegistryService registry = new RegistryService(store, clock, runs, WebhookOutbox.none());
        LoggedModelService loggedModels = new LoggedModelService(store, clock, experimentId -> "mlflow-artifacts:/" + experimentId, runs);
        ArtifactService artifacts = new ArtifactService(new LocalArtifactStore(dir.resolve("artifacts")), runId ->
                runs.run(runId).orElseThrow(() -> AtollException.notFound("Run '" + runId + "' not found.")).info().artifactUri());
        server = new AtollServer(List.of(new ArtifactRoutes(artifacts),
                new RegistryRoutes(registry, loggedModels, artifacts)), null, Duration.ofSeconds(5));
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        mlflow = new MlflowClient(baseUrl);
    }

    @AfterEach
    void stop() {
        mlflow.close();
        server.close();
        database.close();
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        return call(method, path, body, 200);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void registerTwoVersions() throws Exception {
        ok("POST", "/api/2.0/mlflow/registered-models/create",
                "{\"name\": \"fraud\", \"description\": \"flags fraud\", \"tags\": [{\"key\": \"team\", \"value\": \"risk\"}]}");
        ok("POST", "/api/2.0/mlflow/model-versions/create",
                "{\"name\": \"fraud\", \"source\": \"runs:/run1/model\", \"run_id\": \"run1\", \"run_link\": \"https://ci/1\","
                        + " \"description\": \"v1\", \"tags\": [{\"key\": \"validated\", \"value\": \"yes\"}]}");
        ok("POST", "/api/2.0/mlflow/model-versions/create", "{\"name\": \"fraud\", \"source\": \"s3://models/fraud/2\"}");
    }

    @Test
    void theMlflowJavaClientReadsTheRegistry() throws Exception {
        registerTwoVersions();
        ok("POST", "/api/2.0/mlflow/model-versions/transition-stage",
                "{\"name\": \"fraud\", \"version\": \"1\", \"stage\": \"Production\", \"archive_existing_versions\": false}");

        ModelRegistry.RegisteredModel model = mlflow.getRegisteredModel("fraud");
        assertThat(model.getName()).isEqualTo("fraud");
        assertThat(model.getDescription()).isEqualTo("flags fraud");
        assertThat(model.getTags(0).getKey()).isEqualTo("team");
        assertThat(model.getLatestVersionsList()).extracting(ModelRegistry.ModelVersion::getVersion).containsExactly("1", "2");

        List<ModelRegistry.ModelVersion> production = mlflow.getLatestVersions("fraud", List.of("Production"));
        assertThat(production).hasSize(1);
        assertThat(production.get(0).getCurrentStage()).isEqualTo("Production");
        assertThat(production.get(0).getRunId()).isEqualTo("run1");

        ModelRegistry.ModelVersion v1 = mlflow.getModelVersion("fraud", "1");
        assertThat(v1.getSource()).isEqualTo("runs:/run1/model");
        assertThat(v1.getRunLink()).isEqualTo("https://ci/1");
        assertThat(v1.getUserId()).isEqualTo("alice");
        assertThat(v1.getStatus()).isEqualTo(ModelRegistry.ModelVersionStatus.READY);
        assertThat(v1.getTags(0).getValue()).isEqualTo("yes");

        assertThat(mlflow.getModelVersionDownloadUri("fraud", "1")).isEqualTo("mlflow-artifacts:/1/run1/artifacts/model");
        assertThat(mlflow.getModelVersionDownloadUri("fraud", "2")).isEqualTo("s3://models/fraud/2");

        ModelVersionsPage first = mlflow.searchModelVersions("name = 'fraud'", 1, List.of("version_number ASC"));
        assertThat(first.getItems()).extracting(ModelRegistry.ModelVersion::getVersion).containsExactly("1");
        ModelVersionsPage second = mlflow.searchModelVersions("name = 'fraud'", 1, List.of("version_number ASC"),
                first.getNextPageToken().orElseThrow());
        assertThat(second.getItems()).extracting(ModelRegistry.ModelVersion::getVersion).containsExactly("2");
        assertThat(mlflow.searchModelVersions("run_id = 'run1'").getItems()).hasSize(1);

        assertThatThrownBy(() -> mlflow.getModelVersion("fraud", "9"))
                .isInstanceOf(MlflowHttpException.class)
                .satisfies(e -> {
                    assertThat(((MlflowHttpException) e).getStatusCode()).isEqualTo(404);
                    assertThat(((MlflowHttpException) e).getBodyMessage()).contains("RESOURCE_DOES_NOT_EXIST");
                });
    }

    @Test
    void registeredModelLifecycleOverRest() throws Exception {
        registerTwoVersions();
        JsonNode renamed = ok("POST", "/api/2.0/mlflow/registered-models/rename", "{\"name\": \"fraud\", \"new_name\": \"fraud-detector\"}");
        assertThat(renamed.at("/registered_model/name").asText()).isEqualTo("fraud-detector");
        JsonNode updated = ok("PATCH", "/api/2.0/mlflow/registered-models/update", "{\"name\": \"fraud-detector\", \"description\": \"new\"}");
        assertThat(updated.at("/registered_model/description").asText()).isEqualTo("new");
        ok("POST", "/api/2.0/mlflow/registered-models/set-tag", "{\"name\": \"fraud-detector\", \"key\": \"owner\", \"value\": \"ml\"}");
        ok("DELETE", "/api/2.0/mlflow/registered-models/delete-tag", "{\"name\": \"fraud-detector\", \"key\": \"team\"}");
        assertThat(ok("GET", "/ajax-api/2.0/mlflow/registered-models/get?name=fraud-detector", null).at("/registered_model/tags").toString())
                .isEqualTo("[{\"key\":\"owner\",\"value\":\"ml\"}]");

        ok("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"churn\"}");
        JsonNode search = ok("GET", "/api/2.0/mlflow/registered-models/search?filter=" + q("name ILIKE 'FRAUD%'"), null);
        assertThat(search.get("registered_models")).hasSize(1);
        JsonNode page = ok("GET", "/api/2.0/mlflow/registered-models/search?max_results=1&order_by=name+DESC", null);
        assertThat(page.at("/registered_models/0/name").asText()).isEqualTo("fraud-detector");
        assertThat(ok("GET", "/api/2.0/mlflow/registered-models/search?max_results=1&order_by=name+DESC&page_token="
                + q(page.get("next_page_token").asText()), null).at("/registered_models/0/name").asText()).isEqualTo("churn");

        ok("DELETE", "/api/2.0/mlflow/registered-models/delete", "{\"name\": \"churn\"}");
        call("GET", "/api/2.0/mlflow/registered-models/get?name=churn", null, 404);
    }

    @Test
    void versionsAliasesTagsAndStagesOverRest() throws Exception {
        registerTwoVersions();
        ok("POST", "/api/2.0/mlflow/registered-models/alias", "{\"name\": \"fraud\", \"alias\": \"champion\", \"version\": \"2\"}");
        JsonNode byAlias = ok("GET", "/api/2.0/mlflow/registered-models/alias?name=fraud&alias=champion", null);
        assertThat(byAlias.at("/model_version/version").asText()).isEqualTo("2");
        assertThat(byAlias.at("/model_version/aliases/0").asText()).isEqualTo("champion");
        assertThat(ok("GET", "/api/2.0/mlflow/registered-models/get?name=fraud", null).at("/registered_model/aliases").toString())
                .isEqualTo("[{\"alias\":\"champion\",\"version\":\"2\"}]");
        JsonNode reserved = call("POST", "/api/2.0/mlflow/registered-models/alias", "{\"name\": \"fraud\", \"alias\": \"latest\", \"version\": \"1\"}", 400);
        assertThat(reserved.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        ok("DELETE", "/api/2.0/mlflow/registered-models/alias?name=fraud&alias=champion", null);
        call("GET", "/api/2.0/mlflow/registered-models/alias?name=fraud&alias=champion", null, 404);

        ok("POST", "/api/2.0/mlflow/model-versions/set-tag", "{\"name\": \"fraud\", \"version\": \"2\", \"key\": \"k\", \"value\": \"v\"}");
        ok("DELETE", "/api/2.0/mlflow/model-versions/delete-tag", "{\"name\": \"fraud\", \"version\": \"2\", \"key\": \"k\"}");
        JsonNode described = ok("PATCH", "/api/2.0/mlflow/model-versions/update", "{\"name\": \"fraud\", \"version\": \"2\", \"description\": \"better\"}");
        assertThat(described.at("/model_version/description").asText()).isEqualTo("better");

        ok("POST", "/api/2.0/mlflow/model-versions/transition-stage", "{\"name\": \"fraud\", \"version\": \"1\", \"stage\": \"Staging\"}");
        JsonNode promoted = ok("POST", "/api/2.0/mlflow/model-versions/transition-stage",
                "{\"name\": \"fraud\", \"version\": \"2\", \"stage\": \"staging\", \"archive_existing_versions\": true}");
        assertThat(promoted.at("/model_version/current_stage").asText()).isEqualTo("Staging");
        assertThat(ok("GET", "/api/2.0/mlflow/model-versions/get?name=fraud&version=1", null).at("/model_version/current_stage").asText())
                .isEqualTo("Archived");
        JsonNode latest = ok("POST", "/api/2.0/mlflow/registered-models/get-latest-versions", "{\"name\": \"fraud\", \"stages\": [\"Staging\"]}");
        assertThat(latest.get("model_versions")).hasSize(1);

        ok("DELETE", "/api/2.0/mlflow/model-versions/delete", "{\"name\": \"fraud\", \"version\": \"1\"}");
        call("GET", "/api/2.0/mlflow/model-versions/get?name=fraud&version=1", null, 404);
    }

    @Test
    void historyAndLineageOverRest() throws Exception {
        registerTwoVersions();
        ok("POST", "/api/2.0/mlflow/registered-models/alias", "{\"name\": \"fraud\", \"alias\": \"prod\", \"version\": \"1\"}");

        JsonNode history = ok("GET", "/api/atoll/registry/history?name=fraud", null).get("entries");
        assertThat(history).extracting(e -> e.get("action").asText()).containsExactly("create_registered_model",
                "set_registered_model_tag", "create_model_version", "create_model_version", "set_registered_model_alias");
        assertThat(history.get(4).get("user_id").asText()).isEqualTo("alice");
        assertThat(history.get(4).get("value_after").asText()).isEqualTo("1");
        assertThat(history.get(4).has("value_before")).isFalse();

        JsonNode lineage = ok("GET", "/api/atoll/registry/lineage?name=fraud&version=1", null).get("lineage");
        assertThat(lineage.get("run_id").asText()).isEqualTo("run1");
        assertThat(lineage.get("code_commit").asText()).isEqualTo("c0ffee");
        assertThat(lineage.get("data_commit").asText()).isEqualTo("da7a");
        assertThat(lineage.at("/module_versions/tokenizer").asText()).isEqualTo("0.3.1");
        assertThat(lineage.get("ci_job_url").asText()).isEqualTo("https://gitlab/jobs/42");
    }

    @Test
    void modelVersionArtifactsDownloadThroughTheVersion() throws Exception {
        registerTwoVersions();
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/2.0/mlflow-artifacts/artifacts/1/run1/artifacts/model/MLmodel"))
                .PUT(HttpRequest.BodyPublishers.ofString("flavors: {}")).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/model-versions/get-artifact?name=fraud&version=1&path=MLmodel")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("flavors: {}");
        JsonNode escape = call("GET", "/model-versions/get-artifact?name=fraud&version=1&path=" + q("../../run2/x"), null, 400);
        assertThat(escape.get("message").asText()).contains("'..' segment");
        JsonNode notProxied = call("GET", "/model-versions/get-artifact?name=fraud&version=2&path=MLmodel", null, 400);
        assertThat(notProxied.get("message").asText()).contains("not served by this server");
    }

    /** The calls an MLflow 3 client makes to log a model and register it, in that order. */
    @Test
    void mlflow3LogAndRegisterFlowThroughLoggedModels() throws Exception {
        JsonNode created = ok("POST", "/api/2.0/mlflow/logged-models", "{\"experiment_id\": \"1\", \"name\": \"model\","
                + " \"source_run_id\": \"run1\", \"model_type\": \"sklearn\", \"params\": [{\"key\": \"C\", \"value\": \"1.0\"}]}");
        String modelId = created.at("/model/info/model_id").asText();
        String artifactUri = created.at("/model/info/artifact_uri").asText();
        assertThat(created.at("/model/info/status").asText()).isEqualTo("LOGGED_MODEL_PENDING");
        assertThat(artifactUri).isEqualTo("mlflow-artifacts:/1/models/" + modelId + "/artifacts");

        String storePath = artifactUri.substring("mlflow-artifacts:/".length());
        for (String file : List.of("MLmodel", "model.pkl")) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/2.0/mlflow-artifacts/artifacts/" + storePath + "/" + file))
                    .PUT(HttpRequest.BodyPublishers.ofString(file + "-content")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        ok("POST", "/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"run1\", \"models\": [{\"model_id\": \"" + modelId + "\", \"step\": \"0\"}]}");
        ok("POST", "/api/2.0/mlflow/logged-models/" + modelId + "/params", "{\"params\": [{\"key\": \"max_iter\", \"value\": \"100\"}]}");
        JsonNode ready = ok("PATCH", "/api/2.0/mlflow/logged-models/" + modelId, "{\"model_id\": \"" + modelId + "\", \"status\": \"LOGGED_MODEL_READY\"}");
        assertThat(ready.at("/model/info/status").asText()).isEqualTo("LOGGED_MODEL_READY");
        assertThat(ready.at("/model/data/params")).hasSize(2);

        JsonNode listing = ok("GET", "/api/2.0/mlflow/logged-models/" + modelId + "/artifacts/directories", null);
        assertThat(listing.get("files")).extracting(f -> f.get("path").asText()).containsExactly("MLmodel", "model.pkl");

        ok("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"sk\"}");
        JsonNode version = ok("POST", "/api/2.0/mlflow/model-versions/create",
                "{\"name\": \"sk\", \"source\": \"models:/" + modelId + "\", \"model_id\": \"" + modelId + "\"}");
        assertThat(version.at("/model_version/model_id").asText()).isEqualTo(modelId);
        assertThat(version.at("/model_version/run_id").asText()).isEqualTo("run1");
        ok("PATCH", "/api/2.0/mlflow/logged-models/" + modelId + "/tags",
                "{\"tags\": [{\"key\": \"mlflow.modelVersions\", \"value\": \"[{\\\"name\\\": \\\"sk\\\", \\\"version\\\": 1}]\"}]}");
        assertThat(ok("GET", "/api/2.0/mlflow/logged-models/" + modelId, null).at("/model/info/tags/0/key").asText())
                .isEqualTo("mlflow.modelVersions");
        assertThat(mlflow.getModelVersionDownloadUri("sk", "1")).isEqualTo(artifactUri);
        HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/model-versions/get-artifact?name=sk&version=1&path=MLmodel")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.body()).isEqualTo("MLmodel-content");
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/ajax-api/2.0/mlflow/logged-models/" + modelId + "/artifacts/files?artifact_file_path=model.pkl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.body()).isEqualTo("model.pkl-content");

        JsonNode search = ok("POST", "/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": [\"1\"], \"filter\": \"name = 'model'\"}");
        assertThat(search.get("models")).hasSize(1);
        ok("DELETE", "/api/2.0/mlflow/logged-models/" + modelId + "/tags/mlflow.modelVersions", null);
        ok("DELETE", "/api/2.0/mlflow/logged-models/" + modelId, null);
        call("GET", "/api/2.0/mlflow/logged-models/" + modelId, null, 404);
        assertThat(ok("POST", "/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": [\"1\"]}").has("models"))
                .as("an empty page leaves the field out, as MLflow's JSON does").isFalse();
        call("GET", "/api/2.0/mlflow/logged-models/not-an-id", null, 400);
        call("POST", "/api/2.0/mlflow/logged-models", "{\"name\": \"no experiment\"}", 400);
        JsonNode noStep = call("POST", "/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"run1\", \"models\": [{\"model_id\": \"" + modelId + "\"}]}", 400);
        assertThat(noStep.get("message").asText()).contains("'models[0].step'");
        call("POST", "/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"nope\", \"models\": []}", 404);
    }

    /**
     * Model version sources from MLflow's advisories (CVE-2023-1177 file:///etc/ then
     * model-versions/get-artifact, CVE-2023-6909 and CVE-2024-1594 '#' fragments, CVE-2024-3573
     * file URIs with queries) and variants: all refused, nothing registered.
     */
    @Test
    void modelVersionSourcesFromTheAdvisoriesAreRefused() throws Exception {
        ok("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"m\"}");
        List<String> sources = List.of("file:///etc/", "file:///etc/passwd", "file://localhost/etc/passwd", "/etc/", "//etc/passwd",
                "etc/passwd", "C:\\Windows\\win.ini", "file:///tmp/#/../../etc", "mlflow-artifacts:/1/run1/artifacts#/../../..",
                "mlflow-artifacts:/1/run1/../../etc", "mlflow-artifacts:/1/%2e%2e/%2e%2e/etc", "runs:/run1/../../../../etc",
                "models:/../x", "s3://bucket/../../x", "file:///etc/passwd?x=1", "http://127.0.0.1:1/x?y=1", "file:///etc/passwd%00");
        for (String source : sources) {
            JsonNode refused = call("POST", "/api/2.0/mlflow/model-versions/create",
                    JSON.createObjectNode().put("name", "m").put("source", source).toString(), 400);
            assertThat(refused.get("error_code").asText()).as(source).isEqualTo("INVALID_PARAMETER_VALUE");
        }
        assertThat(ok("GET", "/api/2.0/mlflow/model-versions/search", null).has("model_versions")).isFalse();
        call("GET", "/model-versions/get-artifact?name=m&version=1&path=passwd", null, 404);
    }

    @Test
    void badInputIsAnsweredInMlflowsErrorShapeAndWritesNothing() throws Exception {
        registerTwoVersions();
        JsonNode before = ok("GET", "/api/atoll/registry/history", null);

        assertThat(call("POST", "/api/2.0/mlflow/registered-models/create", "{not json", 400).get("error_code").asText())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(call("POST", "/api/2.0/mlflow/registered-models/create", "{}", 400).get("message").asText())
                .isEqualTo("Missing value for required parameter 'name'. See the API docs for more information about request parameters.");
        assertThat(call("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"fraud\"}", 400).get("error_code").asText())
                .isEqualTo("RESOURCE_ALREADY_EXISTS");
        assertThat(call("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": [1]}", 400).get("message").asText())
                .contains("'name'").contains("expected a string");
        assertThat(call("GET", "/api/2.0/mlflow/model-versions/get?name=fraud&version=one", null, 400).get("message").asText())
                .contains("positive integer");
        assertThat(call("POST", "/api/2.0/mlflow/model-versions/create", "{\"name\": \"fraud\", \"source\": \"file:///etc/passwd\"}", 400)
                .get("message").asText()).contains("file: URIs are not accepted");
        assertThat(call("POST", "/api/2.0/mlflow/model-versions/create",
                "{\"name\": \"fraud\", \"source\": \"s3://b/m\", \"tags\": [{\"key\": \"ok\", \"value\": \"1\"}, {\"value\": \"no key\"}]}", 400)
                .get("message").asText()).contains("'tags[1].key'");
        assertThat(call("GET", "/api/2.0/mlflow/registered-models/search?filter=" + q("name = 'a' OR name = 'b'"), null, 400)
                .get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(call("GET", "/api/2.0/mlflow/registered-models/search?page_token=garbage", null, 400)
                .get("message").asText()).contains("page token");
        assertThat(call("POST", "/api/2.0/mlflow/model-versions/transition-stage",
                "{\"name\": \"fraud\", \"version\": \"1\", \"stage\": \"Production\", \"archive_existing_versions\": \"maybe\"}", 400)
                .get("message").asText()).contains("archive_existing_versions");

        assertThat(ok("GET", "/api/atoll/registry/history", null)).isEqualTo(before);
        assertThat(ok("GET", "/api/2.0/mlflow/model-versions/search", null).get("model_versions")).hasSize(2);
    }

    /**
     * The registry reads requests with the tracking API's parser (RequestFields): where the two
     * parsers differed, the registry now answers as tracking does, which is MLflow's rule.
     */
    @Test
    void requestsAreReadWithTheRulesOfTheTrackingApi() throws Exception {
        registerTwoVersions();
        JsonNode before = ok("GET", "/api/atoll/registry/history", null);

        JsonNode array = call("POST", "/api/2.0/mlflow/registered-models/create", "[{\"name\": \"x\"}]", 400);
        assertThat(array.get("error_code").asText()).as("a body that is not an object").isEqualTo("MALFORMED_REQUEST");
        JsonNode trailing = call("POST", "/api/2.0/mlflow/registered-models/create", "{\"name\": \"x\"} and more", 400);
        assertThat(trailing.get("error_code").asText()).as("content after the object").isEqualTo("MALFORMED_REQUEST");
        assertThat(call("POST", "/api/2.0/mlflow/registered-models/alias", "{\"name\": \"fraud\", \"alias\": \"a\", \"version\": 1}", 400)
                .get("message").asText()).as("a number where the proto has a string")
                .isEqualTo("Invalid value 1 for parameter 'version' supplied: expected a string.");
        assertThat(call("GET", "/api/2.0/mlflow/registered-models/search?max_results=ten", null, 400).get("message").asText())
                .isEqualTo("Invalid value \"ten\" for parameter 'max_results' supplied: expected a 32-bit integer.");
        assertThat(call("GET", "/api/2.0/mlflow/registered-models/search?max_results=", null, 400).get("message").asText())
                .as("an empty number is not an absent one").contains("'max_results'");
        assertThat(call("POST", "/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": [1]}", 400).get("message").asText())
                .contains("'experiment_ids[0]'").contains("expected a string");
        assertThat(call("POST", "/api/2.0/mlflow/logged-models", "{\"experiment_id\": \"1\", \"params\": [{\"value\": \"1\"}]}", 400)
                .get("message").asText()).contains("'params[0].key'");
        assertThat(ok("GET", "/api/atoll/registry/history", null)).isEqualTo(before);

        ok("POST", "/api/2.0/mlflow/registered-models/set-tag", "{\"name\": \"fraud\", \"key\": \"no-value\"}");
        assertThat(ok("GET", "/api/2.0/mlflow/registered-models/get?name=fraud", null).at("/registered_model/tags").toString())
                .as("an absent tag value is \"\", as in MLflow").contains("{\"key\":\"no-value\",\"value\":\"\"}");
        ok("POST", "/api/2.0/mlflow/model-versions/transition-stage",
                "{\"name\": \"fraud\", \"version\": \"1\", \"stage\": \"Staging\", \"archive_existing_versions\": \"TRUE\"}");

        String modelId = ok("POST", "/api/2.0/mlflow/logged-models", "{\"experiment_id\": \"1\"}").at("/model/info/model_id").asText();
        assertThat(ok("PATCH", "/api/2.0/mlflow/logged-models/" + modelId, "{\"status\": 2}").at("/model/info/status").asText())
                .as("an enum by its number in the proto").isEqualTo("LOGGED_MODEL_READY");
        assertThat(call("PATCH", "/api/2.0/mlflow/logged-models/" + modelId, "{\"status\": \"DONE\"}", 400).get("message").asText())
                .contains("'status'").contains("LOGGED_MODEL_READY");
        assertThat(call("POST", "/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"run1\", \"models\": [{\"model_id\": \"" + modelId
                + "\", \"step\": \"first\"}]}", 400).get("message").asText()).contains("'models[0].step'").contains("64-bit integer");
    }
}
