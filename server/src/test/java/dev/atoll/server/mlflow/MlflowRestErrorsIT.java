package dev.atoll.server.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.server.mlflow.MlflowHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.atoll.server.mlflow.MlflowHttp.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad requests over raw HTTP: each is answered with the 4xx status and {@code error_code} that MLflow
 * gives it, and writes nothing: experiments, runs and metric history read back exactly as before.
 * One server for the class; each test aims at an experiment and run of its own.
 *
 * <p>The codes are MLflow's ({@code mlflow/server/handlers.py}, {@code mlflow/utils/validation.py},
 * the SQLAlchemy store): wrong types, missing fields, batch limits, bad keys and changed params are
 * INVALID_PARAMETER_VALUE; unknown ids RESOURCE_DOES_NOT_EXIST; a taken experiment name
 * RESOURCE_ALREADY_EXISTS. A body that is not a JSON object is MALFORMED_REQUEST, the proto's code for
 * "the given API request was malformed": MLflow's own server has no stable answer there (it reads
 * such a body as empty and then reports the first missing field, or fails with 500 on log-batch).
 */
class MlflowRestErrorsIT {
    /** HTTP statuses of MLflow's error codes ({@code mlflow/exceptions.py}). */
    private static final Map<String, Integer> MLFLOW_STATUS = Map.of(
            "MALFORMED_REQUEST", 400,
            "INVALID_PARAMETER_VALUE", 400,
            "RESOURCE_ALREADY_EXISTS", 400,
            "RESOURCE_DOES_NOT_EXIST", 404);
    private static final String UNKNOWN_RUN = "0123456789abcdef0123456789abcdef";
    private static final String UNKNOWN_EXPERIMENT = "424242";
    private static final long START = 1_700_000_000_000L;

    private static final AtomicInteger EXPERIMENTS = new AtomicInteger();
    @TempDir
    static Path directory;
    private static LocalTrackingServer server;
    private static MlflowHttp http;
    private String experimentName;
    private String experimentId;
    private String runId;
    private Stored before;

    @BeforeAll
    static void startServer() {
        server = LocalTrackingServer.start("jdbc:sqlite:" + directory.resolve("atoll.db"));
        http = new MlflowHttp(server.trackingUri());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createAnExperimentWithOneLoggedRun() {
        experimentName = "target-" + EXPERIMENTS.incrementAndGet();
        experimentId = post("experiments/create", "{'name': '$NAME', 'tags': [{'key': 'team', 'value': 'vision'}]}")
                .ok().get("experiment_id").asText();
        runId = post("runs/create", "{'experiment_id': '$EXPERIMENT', 'run_name': 'baseline', 'start_time': " + START + "}")
                .ok().at("/run/info/run_id").asText();
        post("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': 'loss', 'value': 0.5, 'timestamp': " + START
                + ", 'step': 1}], 'params': [{'key': 'lr', 'value': '0.1'}], 'tags': [{'key': 'stage', 'value': 'dev'}]}").ok();
        before = stored();
    }

    // ---- bodies that do not parse, or parse to the wrong shape

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                arguments("experiments/create", "{'name': '$NAME-half"),
                arguments("experiments/create", "{'name': '$NAME-trailing'} and trailing text"),
                arguments("experiments/create", "{'name': '$NAME-first'}{'name': '$NAME-second'}"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': 'loss', 'value': 0.1, 'timestamp': 1, 'step': 9}"),
                arguments("runs/log-parameter", "run_id=$RUN&key=epochs&value=5"),
                arguments("runs/set-tag", "['$RUN', 'stage', 'prod']"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedBodies")
    void refusesABodyThatIsNotAJsonObject(String endpoint, String body) {
        assertRefusedAndNothingWritten(post(endpoint, body), "MALFORMED_REQUEST", "Malformed request body");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("experiments/create", "{'name': 42}", "'name'"),
                arguments("experiments/create", "{'name': '$NAME-x', 'tags': {'key': 'a', 'value': 'b'}}", "'tags'"),
                arguments("runs/create", "{'experiment_id': $EXPERIMENT, 'run_name': 'numeric-id'}", "'experiment_id'"),
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': 'loss', 'value': 'high', 'timestamp': 1}", "'value'"),
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': 'loss', 'value': 0.1, 'timestamp': 'yesterday'}", "'timestamp'"),
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': 'loss', 'value': 0.1, 'timestamp': 1, 'step': 1.5}", "'step'"),
                arguments("runs/log-parameter", "{'run_id': '$RUN', 'key': 'epochs', 'value': 5}", "'value'"),
                arguments("runs/set-tag", "{'run_id': '$RUN', 'key': 'stage', 'value': ['prod']}", "'value'"),
                arguments("runs/update", "{'run_id': '$RUN', 'status': 'DONE'}", "'status'"),
                arguments("runs/log-batch", "{'run_id': 42}", "'run_id'"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'metrics': {'key': 'loss', 'value': 0.1, 'timestamp': 1}}", "'metrics'"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': 'acc', 'value': 0.9, 'timestamp': 1}],"
                        + " 'params': [{'key': 'epochs', 'value': 5}]}", "'params[0].value'"),
                arguments("runs/search", "{'experiment_ids': ['$EXPERIMENT'], 'max_results': 'ten'}", "'max_results'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongTypes")
    void refusesAFieldOfTheWrongJsonType(String endpoint, String body, String field) {
        assertRefusedAndNothingWritten(post(endpoint, body), "INVALID_PARAMETER_VALUE", field);
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                arguments("experiments/create", "{}", "'name'"),
                arguments("experiments/create", "{'name': ''}", "'name'"),
                arguments("experiments/update", "{'experiment_id': '$EXPERIMENT'}", "'new_name'"),
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': 'acc', 'value': 0.9}", "'timestamp'"),
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': 'acc', 'timestamp': 1}", "'value'"),
                arguments("runs/log-parameter", "{'run_id': '$RUN', 'value': '5'}", "'key'"),
                arguments("runs/set-tag", "{'key': 'stage', 'value': 'prod'}", "'run_id'"),
                arguments("runs/log-batch", "{'metrics': [{'key': 'acc', 'value': 0.9, 'timestamp': 1}]}", "'run_id'"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': 'acc', 'value': 0.9, 'timestamp': 1},"
                        + " {'key': 'acc', 'value': 0.8}]}", "'metrics[1].timestamp'"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'params': [{'key': 'epochs', 'value': '5'}],"
                        + " 'tags': [{'value': 'orphan'}]}", "'tags[0].key'"),
                arguments("GET metrics/get-history?run_id=$RUN", "", "'metric_key'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("missingFields")
    void refusesARequestWithoutARequiredField(String endpoint, String body, String field) {
        assertRefusedAndNothingWritten(send(endpoint, body), "INVALID_PARAMETER_VALUE", "Missing value for required parameter " + field);
    }

    // ---- batch limits

    @ParameterizedTest(name = "{0} metrics, {1} params, {2} tags")
    @CsvSource(delimiter = '|', value = {
            "1001 | 0   | 0   | at most 1000 metrics. Got 1001 metrics.",
            "0    | 101 | 0   | at most 100 params. Got 101 params.",
            "0    | 0   | 101 | at most 100 tags. Got 101 tags.",
            "1000 | 1   | 0   | at most 1000 metrics, params, and tags. Got 1001 metrics, params, and tags.",
            "900  | 60  | 60  | at most 1000 metrics, params, and tags. Got 1020 metrics, params, and tags."})
    void refusesABatchOverMlflowsEntityLimits(int metrics, int params, int tags, String message) {
        assertRefusedAndNothingWritten(http.post("runs/log-batch", batch(metrics, params, tags, 10)), "INVALID_PARAMETER_VALUE", message);
    }

    @Test
    void refusesABatchBodyOverOneMegabyteEvenWhenEachEntityIsWithinItsLimits() {
        ObjectNode body = batch(0, 100, 100, 5000);
        assertThat(body.toString().length()).isGreaterThan(1_000_000);
        assertRefusedAndNothingWritten(http.post("runs/log-batch", body), "INVALID_PARAMETER_VALUE",
                "Batched logging API requests must be at most 1000000 bytes");
    }

    @Test
    void refusesABatchBodyAnnouncedOverOneMegabyteBeforeReadingIt() {
        assertRefusedAndNothingWritten(http.announce("runs/log-batch", 2_000_000, fill("{\"run_id\": \"$RUN\", \"metrics\": [")),
                "INVALID_PARAMETER_VALUE", "Batched logging API requests must be at most 1000000 bytes, got a request of size 2000000.");
    }

    @Test
    void answersABodyOverTheServersLimitInMlflowsShape() {
        assertRefusedAndNothingWritten(http.announce("runs/set-tag", 100_000_000, fill("{\"run_id\": \"$RUN\", \"key\": \"stage\"")),
                "INVALID_PARAMETER_VALUE", "Request body of 100000000 bytes is over this server's limit of 67108864 bytes");
    }

    @Test
    void aBatchWithOneValidAndOneInvalidMetricWritesNeither() {
        assertRefusedAndNothingWritten(post("runs/log-batch", "{'run_id': '$RUN', 'metrics': ["
                        + "{'key': 'loss', 'value': 0.1, 'timestamp': " + START + ", 'step': 2},"
                        + "{'key': 'accuracy', 'value': 0.9, 'timestamp': -1, 'step': 2}]}"),
                "INVALID_PARAMETER_VALUE", "Got invalid timestamp -1 for metric 'accuracy'");
        assertRefusedAndNothingWritten(post("runs/log-batch", "{'run_id': '$RUN', 'metrics': ["
                        + "{'key': 'loss', 'value': 0.1, 'timestamp': " + START + ", 'step': 2},"
                        + "{'key': 'acc/../loss', 'value': 0.9, 'timestamp': 1, 'step': 2}]}"),
                "INVALID_PARAMETER_VALUE", "Invalid metric name: 'acc/../loss'");
    }

    // ---- unknown ids

    static Stream<Arguments> unknownIds() {
        return Stream.of(
                arguments("GET experiments/get?experiment_id=" + UNKNOWN_EXPERIMENT, "", "No Experiment with id=424242 exists"),
                arguments("GET experiments/get-by-name?experiment_name=absent", "", "Could not find experiment with name 'absent'"),
                arguments("experiments/update", "{'experiment_id': '424242', 'new_name': 'renamed'}", "No Experiment with id=424242"),
                arguments("experiments/delete", "{'experiment_id': '424242'}", "No Experiment with id=424242"),
                arguments("experiments/set-experiment-tag", "{'experiment_id': '424242', 'key': 'k', 'value': 'v'}",
                        "No Experiment with id=424242"),
                arguments("runs/create", "{'experiment_id': '424242', 'run_name': 'orphan'}", "No Experiment with id=424242"),
                arguments("GET runs/get?run_id=" + UNKNOWN_RUN, "", "Run with id=" + UNKNOWN_RUN + " not found"),
                arguments("runs/log-batch", "{'run_id': '" + UNKNOWN_RUN + "', 'metrics': [{'key': 'loss', 'value': 0.1,"
                        + " 'timestamp': 1}], 'params': [{'key': 'lr', 'value': '0.1'}]}", "Run with id=" + UNKNOWN_RUN),
                arguments("runs/log-metric", "{'run_id': '" + UNKNOWN_RUN + "', 'key': 'loss', 'value': 0.1, 'timestamp': 1}",
                        "Run with id=" + UNKNOWN_RUN),
                arguments("runs/update", "{'run_id': '" + UNKNOWN_RUN + "', 'status': 'FINISHED'}", "Run with id=" + UNKNOWN_RUN),
                arguments("runs/delete", "{'run_id': '" + UNKNOWN_RUN + "'}", "Run with id=" + UNKNOWN_RUN),
                arguments("GET metrics/get-history?metric_key=loss&run_id=" + UNKNOWN_RUN, "", "Run with id=" + UNKNOWN_RUN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownIds")
    void answersAnUnknownExperimentOrRunWithResourceDoesNotExist(String endpoint, String body, String message) {
        assertRefusedAndNothingWritten(send(endpoint, body), "RESOURCE_DOES_NOT_EXIST", message);
    }

    // ---- names and values that are taken

    @Test
    void refusesToCreateAnExperimentUnderATakenName() {
        assertRefusedAndNothingWritten(post("experiments/create", "{'name': '$NAME', 'tags': [{'key': 'team', 'value': 'nlp'}]}"),
                "RESOURCE_ALREADY_EXISTS", "Experiment '" + experimentName + "' already exists");
    }

    @Test
    void refusesToRenameAnExperimentOntoATakenName() {
        String other = post("experiments/create", "{'name': '$NAME-other'}").ok().get("experiment_id").asText();
        before = stored();
        assertRefusedAndNothingWritten(post("experiments/update", "{'experiment_id': '" + other + "', 'new_name': '$NAME'}"),
                "RESOURCE_ALREADY_EXISTS", "Experiment '" + experimentName + "' already exists");
    }

    @Test
    void refusesTheNameOfADeletedExperiment() {
        String retired = post("experiments/create", "{'name': '$NAME-retired'}").ok().get("experiment_id").asText();
        post("experiments/delete", "{'experiment_id': '" + retired + "'}").ok();
        before = stored();
        assertRefusedAndNothingWritten(post("experiments/create", "{'name': '$NAME-retired'}"),
                "RESOURCE_ALREADY_EXISTS", "Experiment '" + experimentName + "-retired' already exists");
    }

    @Test
    void refusesToChangeTheValueOfALoggedParam() {
        assertRefusedAndNothingWritten(post("runs/log-parameter", "{'run_id': '$RUN', 'key': 'lr', 'value': '0.2'}"),
                "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='lr' was already logged with value='0.1'");
    }

    @Test
    void refusesTheWholeBatchWhenOneOfItsParamsChangesALoggedValue() {
        assertRefusedAndNothingWritten(post("runs/log-batch", "{'run_id': '$RUN',"
                        + " 'metrics': [{'key': 'loss', 'value': 0.2, 'timestamp': " + START + ", 'step': 2}],"
                        + " 'params': [{'key': 'epochs', 'value': '5'}, {'key': 'lr', 'value': '0.2'}],"
                        + " 'tags': [{'key': 'stage', 'value': 'prod'}]}"),
                "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='lr'");
    }

    @Test
    void refusesABatchThatGivesOneParamTwoValues() {
        assertRefusedAndNothingWritten(post("runs/log-batch", "{'run_id': '$RUN',"
                        + " 'params': [{'key': 'epochs', 'value': '5'}, {'key': 'epochs', 'value': '6'}]}"),
                "INVALID_PARAMETER_VALUE", "Duplicate parameter keys have been submitted: [epochs]");
    }

    // ---- keys over MLflow's 250 characters

    static Stream<Arguments> keysOver250Characters() {
        return Stream.of(
                arguments("runs/log-metric", "{'run_id': '$RUN', 'key': '$LONG', 'value': 1, 'timestamp': 1}"),
                arguments("runs/log-parameter", "{'run_id': '$RUN', 'key': '$LONG', 'value': '1'}"),
                arguments("runs/set-tag", "{'run_id': '$RUN', 'key': '$LONG', 'value': '1'}"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': 'loss', 'value': 0.1, 'timestamp': 1, 'step': 5},"
                        + " {'key': '$LONG', 'value': 1, 'timestamp': 1}]}"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'params': [{'key': 'epochs', 'value': '5'}, {'key': '$LONG', 'value': '1'}]}"),
                arguments("runs/log-batch", "{'run_id': '$RUN', 'tags': [{'key': 'stage', 'value': 'prod'}, {'key': '$LONG', 'value': '1'}]}"),
                arguments("runs/create", "{'experiment_id': '$EXPERIMENT', 'tags': [{'key': '$LONG', 'value': '1'}]}"),
                arguments("experiments/set-experiment-tag", "{'experiment_id': '$EXPERIMENT', 'key': '$LONG', 'value': '1'}"),
                arguments("experiments/create", "{'name': '$NAME-long-tag', 'tags': [{'key': '$LONG', 'value': '1'}]}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keysOver250Characters")
    void refusesAKeyOver250Characters(String endpoint, String body) {
        assertRefusedAndNothingWritten(post(endpoint, body), "INVALID_PARAMETER_VALUE", "had length 251, which exceeded length limit of 250");
    }

    @Test
    void acceptsKeysOfExactly250Characters() {
        String key = "k".repeat(250);
        post("runs/log-batch", "{'run_id': '$RUN', 'metrics': [{'key': '" + key + "', 'value': 1, 'timestamp': 1}],"
                + " 'params': [{'key': '" + key + "', 'value': 'p'}], 'tags': [{'key': '" + key + "', 'value': 't'}]}").ok();
        JsonNode data = http.get("runs/get", "run_id", runId).ok().at("/run/data");
        assertThat(data.get("metrics").findValuesAsText("key")).contains(key);
        assertThat(data.get("params").findValuesAsText("key")).contains(key);
        assertThat(data.get("tags").findValuesAsText("key")).contains(key);
    }

    // ---- helpers

    private void assertRefusedAndNothingWritten(Answer answer, String errorCode, String message) {
        assertThat(answer.status()).as("HTTP status of %s", answer.body()).isEqualTo(MLFLOW_STATUS.get(errorCode));
        assertThat(answer.errorCode()).as("error_code of %s", answer.body()).isEqualTo(errorCode);
        assertThat(answer.message()).contains(message);
        assertThat(stored()).as("what the server holds after the refused request").isEqualTo(before);
    }

    /** Everything a bad request could have touched, read through the API. */
    private Stored stored() {
        JsonNode experiments = http.post("experiments/search", object().put("view_type", "ALL").put("max_results", 1000)).ok();
        ObjectNode search = object().put("run_view_type", "ALL").put("max_results", 1000);
        ArrayNode ids = search.putArray("experiment_ids");
        experiments.path("experiments").forEach(experiment -> ids.add(experiment.get("experiment_id").asText()));
        JsonNode runs = http.post("runs/search", search).ok();
        JsonNode lossHistory = http.get("metrics/get-history", "run_id", runId, "metric_key", "loss").ok();
        return new Stored(experiments, runs, lossHistory);
    }

    private record Stored(JsonNode experiments, JsonNode runs, JsonNode lossHistory) {
    }

    /** A log-batch for the run with the given numbers of metrics, params and tags, values of the given length. */
    private ObjectNode batch(int metrics, int params, int tags, int valueLength) {
        ObjectNode body = object().put("run_id", runId);
        ArrayNode metricArray = body.putArray("metrics");
        for (int i = 0; i < metrics; i++) {
            metricArray.addObject().put("key", "m" + i % 10).put("value", i).put("timestamp", START).put("step", i);
        }
        ArrayNode paramArray = body.putArray("params");
        for (int i = 0; i < params; i++) {
            paramArray.addObject().put("key", "p" + i).put("value", "v".repeat(valueLength));
        }
        ArrayNode tagArray = body.putArray("tags");
        for (int i = 0; i < tags; i++) {
            tagArray.addObject().put("key", "t" + i).put("value", "v".repeat(valueLength));
        }
        return body;
    }

    /** Sends {@code "GET endpoint?query"} or a POST of {@code body} to {@code endpoint}. */
    private Answer send(String endpoint, String body) {
        return endpoint.startsWith("GET ") ? http.get(fill(endpoint.substring(4))) : post(endpoint, body);
    }

    /** POSTs a body written with single quotes for readability. */
    private Answer post(String endpoint, String body) {
        return http.post(endpoint, fill(body).replace('\'', '"'));
    }

    private String fill(String text) {
        return text.replace("$RUN", runId == null ? "" : runId)
                .replace("$NAME", experimentName)
                .replace("$EXPERIMENT", experimentId == null ? "" : experimentId)
                .replace("$LONG", "k".repeat(251));
    }
}
