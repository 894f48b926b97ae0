package dev.atoll.tracking;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's rules on a real SQLite store: what it refuses, it refuses before writing anything. */
class TrackingServiceTest {
    @TempDir
    Path directory;
    private TrackingStore store;
    private TrackingService service;

    @BeforeEach
    void open() {
        store = JdbcTrackingStores.open("jdbc:sqlite:" + directory.resolve("atoll.db"));
        service = new TrackingService(store, Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createsRunsWithAGeneratedNameMirroredInTheRunNameTag() {
        Run run = service.createRun("0", null, null, null, List.of());
        assertThat(run.info().runName()).matches("[a-z]+-[a-z]+-\\d{1,3}");
        assertThat(run.data().tags()).contains(new Tag(Run.RUN_NAME_TAG, run.info().runName()));
        assertThat(run.info().startTime()).isEqualTo(1_000_000L);
        assertThat(run.info().artifactUri()).isEqualTo("mlflow-artifacts:/0/" + run.info().runId() + "/artifacts");
        assertThat(run.info().runId()).hasSize(32);
    }

    @Test
    void refusesARunNameThatContradictsTheRunNameTag() {
        assertThatThrownBy(() -> service.createRun("0", null, "a", null, List.of(new Tag(Run.RUN_NAME_TAG, "b"))))
                .hasMessageContaining("Both 'run_name' argument and 'mlflow.runName' tag are specified");
        assertThat(service.searchRuns(List.of("0"), null, ViewType.ALL, null, null, null).items()).isEmpty();
    }

    @Test
    void refusesNestingUnderAnUnknownParentRun() {
        assertThatThrownBy(() -> service.createRun("0", null, "child", null,
                List.of(new Tag(Run.PARENT_RUN_ID_TAG, "ffffffffffffffffffffffffffffffff"))))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    @Test
    void refusesLoggingToADeletedRunOrCreatingRunsInADeletedExperiment() {
        String experiment = service.createExperiment("e", null, null);
        Run run = service.createRun(experiment, "u", "r", null, List.of());
        service.deleteRun(run.info().runId());
        assertThatThrownBy(() -> service.logParam(run.info().runId(), "p", "v"))
                .hasMessageContaining("must be in the 'active' state. Current state is deleted.");
        service.deleteExperiment(experiment);
        assertThatThrownBy(() -> service.createRun(experiment, "u", "r2", null, List.of()))
                .hasMessageContaining("The experiment " + experiment + " must be in the 'active' state");
    }

    @Test
    void validatesTheWholeBatchBeforeWritingAnyOfIt() {
        String runId = service.createRun("0", null, "r", null, List.of()).info().runId();
        assertThatThrownBy(() -> service.logBatch(runId, List.of(new Metric("ok", 1, 1, 1)),
                List.of(new Param("fine", "1")), List.of(new Tag("bad/../key", "v"))))
                .hasMessageContaining("Invalid tag name: 'bad/../key'");
        Run run = service.getRun(runId);
        assertThat(run.data().metrics()).isEmpty();
        assertThat(run.data().params()).isEmpty();
    }

    @Test
    void pagesThroughRunsWithTokens() {
        for (int i = 0; i < 5; i++) {
            service.createRun("0", null, "run-" + i, (long) i, List.of());
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Run> page = service.searchRuns(List.of("0"), null, null, 2, List.of("attributes.run_name ASC"), token);
            page.items().forEach(run -> names.add(run.info().runName()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);
        assertThat(names).containsExactly("run-0", "run-1", "run-2", "run-3", "run-4");
        assertThat(pages).isEqualTo(3);
        assertThatThrownBy(() -> service.searchRuns(List.of("0"), null, null, 50001, null, null))
                .hasMessageContaining("'max_results'");
        assertThatThrownBy(() -> service.searchRuns(List.of("0"), null, null, null, null, "garbage!"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void returnsTheWholeHistoryOrPagesOfIt() {
        String runId = service.createRun("0", null, "r", null, List.of()).info().runId();
        List<Metric> points = new ArrayList<>();
        for (int step = 0; step < 25; step++) {
            points.add(new Metric("loss", 1.0 / (step + 1), 1000 + step, step));
        }
        service.logBatch(runId, points, List.of(), List.of());
        assertThat(service.getMetricHistory(runId, "loss", null, null).items()).hasSize(25);
        Page<Metric> first = service.getMetricHistory(runId, "loss", 10, null);
        assertThat(first.items()).extracting(Metric::step).startsWith(0L).hasSize(10);
        Page<Metric> second = service.getMetricHistory(runId, "loss", 10, first.nextPageToken());
        assertThat(second.items()).extracting(Metric::step).startsWith(10L);
        assertThatThrownBy(() -> service.getMetricHistory(runId, null, null, null))
                .hasMessage("Missing value for required parameter 'metric_key'.");
    }

    @Test
    void renamesExperimentsButNotOntoATakenName() {
        String a = service.createExperiment("a", null, null);
        service.createExperiment("b", null, null);
        assertThatThrownBy(() -> service.updateExperiment(a, "b"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS));
        service.updateExperiment(a, "c");
        assertThat(service.getExperimentByName("c").experimentId()).isEqualTo(a);
        assertThatThrownBy(() -> service.getExperimentByName("a"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    @Test
    void acceptsEmptyParamAndTagValuesButNotMissingOnes() {
        String experiment = service.createExperiment("e", null, List.of(new Tag("note", "")));
        String runId = service.createRun(experiment, null, "r", null, List.of(new Tag("empty", ""))).info().runId();
        service.logParam(runId, "prefix", "");
        service.setTag(runId, "comment", "");
        service.setExperimentTag(experiment, "owner", "");
        service.logBatch(runId, List.of(), List.of(new Param("suffix", "")), List.of(new Tag("label", "")));

        Run run = service.getRun(runId);
        assertThat(run.data().params()).containsExactlyInAnyOrder(new Param("prefix", ""), new Param("suffix", ""));
        assertThat(run.data().tags()).contains(new Tag("empty", ""), new Tag("comment", ""), new Tag("label", ""));
        assertThat(service.getExperiment(experiment).tags()).containsExactlyInAnyOrder(new Tag("note", ""), new Tag("owner", ""));
        assertThatThrownBy(() -> service.logParam(runId, "absent", null))
                .hasMessage("Missing value for parameter 'absent'. The value may be empty but must be given.");
        assertThatThrownBy(() -> service.logBatch(runId, List.of(), List.of(), List.of(new Tag("absent", null))))
                .hasMessage("Missing value for tag 'absent'. The value may be empty but must be given.");
    }

    @Test
    void deletingAMissingTagIsNotFound() {
        String runId = service.createRun("0", null, "r", null, List.of()).info().runId();
        assertThatThrownBy(() -> service.deleteTag(runId, "absent"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    @Test
    void runsAreReturnedWithTheModelsTheyProducedAskedForOncePerCall() {
        List<List<String>> asked = new ArrayList<>();
        TrackingService withRegistry = new TrackingService(store, Clock.systemUTC(), runIds -> {
            asked.add(runIds);
            return java.util.Map.of(runIds.get(0), List.of(new LoggedModelOutput("m-1", 0), new LoggedModelOutput("m-2", 3)));
        });
        String first = withRegistry.createRun("0", null, "first", 1L, List.of()).info().runId();
        String second = withRegistry.createRun("0", null, "second", 2L, List.of()).info().runId();
        withRegistry.logParam(first, "p", "1");
        withRegistry.setTag(first, "t", "v");
        assertThat(asked).as("writes read the run without its outputs").isEmpty();

        assertThat(withRegistry.getRun(first).outputs())
                .containsExactly(new LoggedModelOutput("m-1", 0), new LoggedModelOutput("m-2", 3));
        List<Run> page = withRegistry.searchRuns(List.of("0"), null, null, null, List.of("attributes.start_time ASC"), null).items();
        assertThat(page).extracting(run -> run.info().runId()).containsExactly(first, second);
        assertThat(page.get(0).outputs()).hasSize(2);
        assertThat(page.get(1).outputs()).as("a run that produced no model").isEmpty();
        assertThat(asked).containsExactly(List.of(first), List.of(first, second));
        assertThat(service.getRun(first).outputs()).as("tracking without a registry").isEmpty();
    }

    // ---- runs/log-model

    private static String model(String runId, String artifactPath) {
        return ("{'run_id': '" + runId + "', 'artifact_path': '" + artifactPath + "', 'utc_time_created': '2024-05-02 10:11:12.123456',"
                + " 'flavors': {'python_function': {'loader_module': 'mlflow.sklearn', 'config': {'secret': 1}},"
                + " 'sklearn': {'pickled_model': 'model.pkl', 'code': null}, 'odd': 'not an object'},"
                + " 'model_uuid': 'abc', 'mlflow_version': '2.12.1', 'signature': {'inputs': '[]'}, 'model_size_bytes': 12}")
                .replace('\'', '"');
    }

    private String history(String runId) {
        return service.getRun(runId).data().tags().stream().filter(tag -> tag.key().equals("mlflow.log-model.history"))
                .map(Tag::value).findFirst().orElse(null);
    }

    @Test
    void logModelKeepsWhatMlflowKeepsOfEachModelInTheRunsHistoryTag() {
        String runId = service.createRun("0", null, "r", null, List.of()).info().runId();
        service.logModel(runId, model(runId, "model"));
        service.logModel(runId, model(runId, "second").replace("\"model_uuid\": \"abc\", ", ""));

        assertThat(history(runId)).isEqualTo(("[{'run_id':'" + runId + "','artifact_path':'model','utc_time_created':'2024-05-02 10:11:12.123456',"
                + "'model_uuid':'abc','flavors':{'python_function':{'loader_module':'mlflow.sklearn'},"
                + "'sklearn':{'pickled_model':'model.pkl','code':null},'odd':'not an object'}},"
                + "{'run_id':'" + runId + "','artifact_path':'second','utc_time_created':'2024-05-02 10:11:12.123456',"
                + "'model_uuid':null,'flavors':{'python_function':{'loader_module':'mlflow.sklearn'},"
                + "'sklearn':{'pickled_model':'model.pkl','code':null},'odd':'not an object'}}]").replace('\'', '"'));
    }

    @Test
    void logModelRefusesWhatMlflowsServerRefusesAndWritesNothing() {
        String runId = service.createRun("0", null, "r", null, List.of()).info().runId();
        service.logModel(runId, model(runId, "model"));
        String before = history(runId);

        assertThatThrownBy(() -> service.logModel(runId, "{not json")).hasMessageStartingWith("Malformed model info: 'model_json' is not valid JSON");
        assertThatThrownBy(() -> service.logModel(runId, "[1]")).hasMessageContaining("must be a JSON object").hasMessageContaining("ARRAY");
        assertThatThrownBy(() -> service.logModel(runId, "{\"run_id\": \"" + runId + "\", \"flavors\": {}}"))
                .hasMessageStartingWith("Model json is missing mandatory fields: [artifact_path, utc_time_created].");
        assertThatThrownBy(() -> service.logModel(runId, "{\"run_id\": \"r\", \"artifact_path\": \"m\", \"utc_time_created\": \"t\", \"flavors\": [\"sklearn\"]}"))
                .hasMessageContaining("for 'flavors' in 'model_json'");
        assertThatThrownBy(() -> service.logModel(runId, null)).hasMessageContaining("'model_json'");
        assertThatThrownBy(() -> service.logModel("ffffffffffffffffffffffffffffffff", model(runId, "m")))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
        String many = "x".repeat(4800);
        assertThatThrownBy(() -> service.logModel(runId, model(runId, many)))
                .hasMessageContaining("with this model added had length").hasMessageContaining("exceeded length limit of 5000")
                .hasMessageContaining("holds 1 models already");
        assertThat(history(runId)).isEqualTo(before);

        service.setTag(runId, "mlflow.log-model.history", "garbage");
        assertThatThrownBy(() -> service.logModel(runId, model(runId, "m")))
                .hasMessageContaining("is not a JSON list of logged models").hasMessageContaining("garbage");
        service.deleteRun(runId);
        assertThatThrownBy(() -> service.logModel(runId, model(runId, "m"))).hasMessageContaining("must be in the 'active' state");
    }
}
