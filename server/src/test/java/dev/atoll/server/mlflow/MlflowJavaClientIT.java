package dev.atoll.server.mlflow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.ExperimentTag;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The official MLflow Java client ({@code org.mlflow:mlflow-client}) against a freshly started Atoll
 * server: what a user of that client sees, value by value. Subclasses choose the database.
 */
abstract class MlflowJavaClientIT {
    private static final long START = 1_700_000_000_000L;
    private LocalTrackingServer server;
    protected MlflowClient client;

    /** A JDBC URL of a new, empty database. */
    protected abstract String newDatabaseUrl();

    @BeforeEach
    void startServer() {
        server = LocalTrackingServer.start(newDatabaseUrl());
        client = new MlflowClient(server.trackingUri());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    // ---- experiments

    @Test
    void hasTheDefaultExperimentZeroWhereRunsGoWithoutAnExperiment() {
        Experiment experiment = client.getExperiment("0");
        assertThat(experiment.getName()).isEqualTo("Default");
        assertThat(experiment.getLifecycleStage()).isEqualTo("active");
        assertThat(experiment.getArtifactLocation()).isEqualTo("mlflow-artifacts:/0");
        assertThat(client.getExperimentByName("Default")).map(Experiment::getExperimentId).contains("0");
        assertThat(names(client.searchExperiments())).containsExactly("Default");

        RunInfo run = client.createRun();
        assertThat(run.getExperimentId()).isEqualTo("0");
        assertThat(run.getUserId()).isEqualTo(System.getProperty("user.name"));
        assertThat(run.getArtifactUri()).isEqualTo("mlflow-artifacts:/0/" + run.getRunId() + "/artifacts");
    }

    @Test
    void createsExperimentsAndFindsThemByIdAndByName() {
        long before = System.currentTimeMillis();
        String churn = client.createExperiment("churn");
        String vision = client.createExperiment(CreateExperiment.newBuilder().setName("vision")
                .setArtifactLocation("s3://models/vision")
                .addTags(ExperimentTag.newBuilder().setKey("team").setValue("cv"))
                .build());
        long after = System.currentTimeMillis();

        assertThat(List.of(churn, vision)).containsExactly("1", "2");
        Experiment created = client.getExperiment(churn);
        assertThat(created.getName()).isEqualTo("churn");
        assertThat(created.getArtifactLocation()).isEqualTo("mlflow-artifacts:/1");
        assertThat(created.getLifecycleStage()).isEqualTo("active");
        assertThat(created.getCreationTime()).isBetween(before, after);
        assertThat(created.getLastUpdateTime()).isEqualTo(created.getCreationTime());
        assertThat(created.getTagsList()).isEmpty();

        Experiment byName = client.getExperimentByName("vision").orElseThrow();
        assertThat(byName.getExperimentId()).isEqualTo(vision);
        assertThat(byName.getArtifactLocation()).isEqualTo("s3://models/vision");
        assertThat(tags(byName)).containsExactly(entry("team", "cv"));
        assertThat(byName).isEqualTo(client.getExperiment(vision));
        assertThat(client.getExperimentByName("no such experiment")).isEmpty();
    }

    @Test
    void renamesDeletesAndRestoresAnExperimentWithItsRuns() {
        String id = client.createExperiment("draft");
        String runId = client.createRun(id).getRunId();
        client.renameExperiment(id, "final");
        assertThat(client.getExperiment(id).getName()).isEqualTo("final");
        assertThat(client.getExperimentByName("draft")).isEmpty();

        client.deleteExperiment(id);
        assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("deleted");
        assertThat(client.getRun(runId).getInfo().getLifecycleStage()).isEqualTo("deleted");
        assertThat(names(client.searchExperiments("", ViewType.ACTIVE_ONLY, 100, List.of()))).containsExactly("Default");
        assertThat(names(client.searchExperiments("", ViewType.DELETED_ONLY, 100, List.of()))).containsExactly("final");

        client.restoreExperiment(id);
        assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("active");
        assertThat(client.getRun(runId).getInfo().getLifecycleStage()).isEqualTo("active");
        assertThat(names(client.searchExperiments("", ViewType.ACTIVE_ONLY, 100, List.of("name ASC"))))
                .containsExactly("Default", "final");
    }

    @Test
    void setsAndOverwritesExperimentTagsAndFindsExperimentsByThem() {
        String tagged = client.createExperiment("tagged");
        client.createExperiment("untagged");
        client.setExperimentTag(tagged, "team", "vision");
        client.setExperimentTag(tagged, "team", "nlp");
        client.setExperimentTag(tagged, "note", "");

        assertThat(tags(client.getExperiment(tagged))).containsOnly(entry("team", "nlp"), entry("note", ""));
        assertThat(names(client.searchExperiments("tags.team = 'nlp'"))).containsExactly("tagged");
        assertThat(names(client.searchExperiments("tags.team = 'vision'"))).isEmpty();
    }

    @Test
    void searchesExperimentsWithAFilterAnOrderAndPageTokens() {
        for (int i = 1; i <= 7; i++) {
            client.createExperiment(String.format("sweep-%02d", i));
        }
        client.createExperiment("baseline");
        String filter = "name LIKE 'sweep-%'";

        Page<Experiment> first = client.searchExperiments(filter, ViewType.ACTIVE_ONLY, 3, List.of("name DESC"));
        assertThat(pages(first).stream().map(MlflowJavaClientIT::names)).containsExactly(
                List.of("sweep-07", "sweep-06", "sweep-05"),
                List.of("sweep-04", "sweep-03", "sweep-02"),
                List.of("sweep-01"));
        String token = first.getNextPageToken().orElseThrow();
        assertThat(names(client.searchExperiments(filter, ViewType.ACTIVE_ONLY, 3, List.of("name DESC"), token)))
                .containsExactly("sweep-04", "sweep-03", "sweep-02");
        assertThat(client.searchExperiments("", ViewType.ALL, 100, List.of("experiment_id ASC")).getItems())
                .extracting(Experiment::getExperimentId).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
    }

    // ---- runs

    @Test
    void createsARunWithARunNameAndTags() {
        String experimentId = client.createExperiment("runs");
        RunInfo created = client.createRun(CreateRun.newBuilder()
                .setExperimentId(experimentId)
                .setRunName("baseline-lr-0.1")
                .setStartTime(START)
                .setUserId("ada")
                .addTags(tag("team", "vision"))
                .addTags(tag("mlflow.source.git.commit", "3f2a9c1"))
                .build());

        assertThat(created.getRunId()).matches("[0-9a-f]{32}");
        assertThat(created.getRunUuid()).isEqualTo(created.getRunId());
        assertThat(created.getRunName()).isEqualTo("baseline-lr-0.1");
        assertThat(created.getExperimentId()).isEqualTo(experimentId);
        assertThat(created.getUserId()).isEqualTo("ada");
        assertThat(created.getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(created.getStartTime()).isEqualTo(START);
        assertThat(created.hasEndTime()).isFalse();
        assertThat(created.getArtifactUri()).isEqualTo("mlflow-artifacts:/" + experimentId + "/" + created.getRunId() + "/artifacts");
        assertThat(created.getLifecycleStage()).isEqualTo("active");

        Run run = client.getRun(created.getRunId());
        assertThat(run.getInfo()).isEqualTo(created);
        assertThat(tags(run)).containsOnly(entry("mlflow.runName", "baseline-lr-0.1"), entry("team", "vision"),
                entry("mlflow.source.git.commit", "3f2a9c1"));
        assertThat(run.getData().getMetricsList()).isEmpty();
        assertThat(run.getData().getParamsList()).isEmpty();
    }

    @Test
    void nestsRunsUnderAParentThroughTheParentRunIdTag() {
        String experimentId = client.createExperiment("sweep");
        String parent = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId).setRunName("sweep").build()).getRunId();
        List<String> children = new ArrayList<>();
        for (String rate : List.of("0.1", "0.01", "0.001")) {
            children.add(client.createRun(CreateRun.newBuilder().setExperimentId(experimentId).setRunName("lr-" + rate)
                    .addTags(tag("mlflow.parentRunId", parent)).build()).getRunId());
        }
        client.createRun(experimentId);

        List<Run> found = client.searchRuns(List.of(experimentId), "tags.mlflow.parentRunId = '" + parent + "'",
                ViewType.ACTIVE_ONLY, 100).getItems();
        assertThat(found).extracting(run -> run.getInfo().getRunId()).containsExactlyInAnyOrderElementsOf(children);
        assertThat(found).allSatisfy(child -> assertThat(tags(child)).containsEntry("mlflow.parentRunId", parent));
        assertThat(tags(client.getRun(parent))).doesNotContainKey("mlflow.parentRunId");
    }

    @Test
    void updatesTheStatusAndEndTimeOfARun() {
        String failed = client.createRun().getRunId();
        client.setTerminated(failed, RunStatus.FAILED, START + 5_000);
        RunInfo failedInfo = client.getRun(failed).getInfo();
        assertThat(failedInfo.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failedInfo.getEndTime()).isEqualTo(START + 5_000);

        String finished = client.createRun().getRunId();
        long before = System.currentTimeMillis();
        client.setTerminated(finished);
        RunInfo finishedInfo = client.getRun(finished).getInfo();
        assertThat(finishedInfo.getStatus()).isEqualTo(RunStatus.FINISHED);
        assertThat(finishedInfo.getEndTime()).isBetween(before, System.currentTimeMillis());
        assertThat(client.getRun(failed).getInfo()).isEqualTo(failedInfo);
    }

    @Test
    void deletesAndRestoresARunAndRefusesLoggingToItWhileDeleted() {
        String experimentId = client.createExperiment("cleanup");
        String kept = client.createRun(experimentId).getRunId();
        String deleted = client.createRun(experimentId).getRunId();

        client.deleteRun(deleted);
        assertThat(client.getRun(deleted).getInfo().getLifecycleStage()).isEqualTo("deleted");
        assertThat(runIds(client.searchRuns(List.of(experimentId), "", ViewType.ACTIVE_ONLY, 100))).containsExactly(kept);
        assertThat(runIds(client.searchRuns(List.of(experimentId), "", ViewType.DELETED_ONLY, 100))).containsExactly(deleted);
        assertThat(runIds(client.searchRuns(List.of(experimentId), "", ViewType.ALL, 100))).containsExactlyInAnyOrder(kept, deleted);
        assertThatThrownBy(() -> client.logParam(deleted, "p", "v"))
                .isInstanceOfSatisfying(MlflowHttpException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getBodyMessage()).contains("INVALID_PARAMETER_VALUE", "must be in the 'active' state");
                });

        client.restoreRun(deleted);
        assertThat(client.getRun(deleted).getInfo().getLifecycleStage()).isEqualTo("active");
        assertThat(runIds(client.searchRuns(List.of(experimentId), "", ViewType.ACTIVE_ONLY, 100)))
                .containsExactlyInAnyOrder(kept, deleted);
        client.logParam(deleted, "p", "v");
        assertThat(params(client.getRun(deleted))).containsExactly(entry("p", "v"));
    }

    // ---- logging

    @Test
    void logsParamsTagsAndMetricsOneAtATime() {
        String runId = client.createRun().getRunId();
        client.logParam(runId, "learning_rate", "0.01");
        client.logParam(runId, "optimizer", "adam");
        client.logParam(runId, "prefix", "");
        client.logParam(runId, "learning_rate", "0.01");
        client.setTag(runId, "stage", "dev");
        client.setTag(runId, "stage", "prod");
        client.setTag(runId, "note", "");
        client.setTag(runId, "temporary", "x");
        client.deleteTag(runId, "temporary");
        client.logMetric(runId, "loss", 0.9, START, 0);
        client.logMetric(runId, "loss", 0.5, START + 1, 1);
        client.logMetric(runId, "loss", 0.0, START + 2, 2);

        Run run = client.getRun(runId);
        assertThat(params(run)).containsOnly(entry("learning_rate", "0.01"), entry("optimizer", "adam"), entry("prefix", ""));
        assertThat(tags(run)).contains(entry("stage", "prod"), entry("note", "")).doesNotContainKey("temporary");
        assertThat(run.getData().getMetricsList()).containsExactly(metric("loss", 0.0, START + 2, 2));
        assertThat(client.getMetricHistory(runId, "loss")).containsExactly(
                metric("loss", 0.9, START, 0), metric("loss", 0.5, START + 1, 1), metric("loss", 0.0, START + 2, 2));
    }

    @Test
    void logsABatchOfMetricsParamsAndTagsAndAcceptsItsRetry() {
        String runId = client.createRun().getRunId();
        List<Metric> accuracy = IntStream.range(0, 5).mapToObj(step -> metric("accuracy", 0.5 + step / 10.0, START + step, step)).toList();
        List<Metric> loss = IntStream.range(0, 5).mapToObj(step -> metric("loss", 1.0 / (step + 1), START + step, step)).toList();
        List<Metric> metrics = new ArrayList<>(accuracy);
        metrics.addAll(loss);
        List<Param> params = List.of(param("epochs", "5"), param("batch_size", "64"), param("empty", ""));
        List<RunTag> tags = List.of(tag("dataset", "mnist@v3"), tag("mlflow.note.content", "first try"));

        client.logBatch(runId, metrics, params, tags);
        client.logBatch(runId, metrics, params, tags);

        Run run = client.getRun(runId);
        assertThat(run.getData().getMetricsList()).containsExactlyInAnyOrder(accuracy.get(4), loss.get(4));
        assertThat(params(run)).containsOnly(entry("epochs", "5"), entry("batch_size", "64"), entry("empty", ""));
        assertThat(tags(run)).contains(entry("dataset", "mnist@v3"), entry("mlflow.note.content", "first try"));
        assertThat(client.getMetricHistory(runId, "accuracy")).containsExactlyElementsOf(accuracy);
        assertThat(client.getMetricHistory(runId, "loss")).containsExactlyElementsOf(loss);
    }

    @Test
    void keepsTheLatestValueOfEachMetricOnTheRunHighestStepThenLatestTimestamp() {
        String runId = client.createRun().getRunId();
        client.logBatch(runId, List.of(
                metric("score", 0.5, START + 100, 5),
                metric("score", 0.9, START + 200, 2),
                metric("score", 0.7, START + 50, 5),
                metric("score", 0.6, START + 100, 5),
                metric("not_a_number", Double.NaN, START, 0),
                metric("overflow", Double.POSITIVE_INFINITY, START, 0),
                metric("underflow", Double.NEGATIVE_INFINITY, START, 0)), List.of(), List.of());
        client.logMetric(runId, "score", 0.1, START + 999, 3);

        Map<String, Metric> latest = latestMetrics(client.getRun(runId));
        assertThat(latest.get("score")).isEqualTo(metric("score", 0.6, START + 100, 5));
        assertThat(latest.get("not_a_number").getValue()).isNaN();
        assertThat(latest.get("overflow").getValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(latest.get("underflow").getValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(client.getMetricHistory(runId, "score")).extracting(Metric::getStep, Metric::getValue)
                .containsExactly(tuple(2L, 0.9), tuple(3L, 0.1), tuple(5L, 0.7), tuple(5L, 0.5), tuple(5L, 0.6));
        assertThat(client.getMetricHistory(runId, "not_a_number")).singleElement()
                .satisfies(point -> assertThat(point.getValue()).isNaN());
    }

    /**
     * The client asks for pages of 25,000 points. A history of exactly that many must come without a
     * next_page_token: client 2.17.2 cannot follow one (it appends the next page to the unmodifiable
     * list of the first and throws UnsupportedOperationException, MlflowClient.java:83), so longer
     * histories are out of its reach whatever the server.
     */
    @Test
    void readsAHistoryOfTheClientsFullPageOf25000Points() {
        String runId = client.createRun().getRunId();
        int points = 25_000;
        for (int batch = 0; batch < points / 1000; batch++) {
            int first = batch * 1000;
            client.logBatch(runId, IntStream.range(first, first + 1000)
                    .mapToObj(step -> metric("loss", step * 0.25, START + step, step)).toList(), List.of(), List.of());
        }

        List<Metric> history = client.getMetricHistory(runId, "loss");
        assertThat(history).hasSize(points);
        assertThat(history).extracting(Metric::getStep).isSorted().doesNotHaveDuplicates();
        assertThat(history.get(points - 1)).isEqualTo(metric("loss", (points - 1) * 0.25, START + points - 1, points - 1));
        assertThat(history).allSatisfy(point -> assertThat(point.getValue()).isEqualTo(point.getStep() * 0.25));
    }

    // ---- search

    @Test
    void searchesRunsWithFiltersAndOrderingAcrossPages() {
        String experimentId = client.createExperiment("grid");
        String otherExperiment = client.createExperiment("elsewhere");
        List<PlannedRun> planned = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Accuracy: distinct values, except one NaN and every fifth run without any.
            Double accuracy = i % 5 == 4 ? null : i == 7 ? Double.NaN : 0.5 + i / 100.0;
            String model = i % 2 == 0 ? "cnn" : "mlp";
            RunStatus status = i % 3 == 0 ? RunStatus.FAILED : RunStatus.FINISHED;
            String runId = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId)
                    .setRunName(String.format("run-%02d", i)).setStartTime(START + i * 1000L).build()).getRunId();
            client.logBatch(runId, accuracy == null ? List.of() : List.of(metric("accuracy", accuracy, START, 0)),
                    List.of(param("model", model), param("seed", Integer.toString(i))), List.of(tag("grid", "yes")));
            client.setTerminated(runId, status, START + i * 1000L + 500);
            planned.add(new PlannedRun(runId, String.format("run-%02d", i), model, accuracy, status, START + i * 1000L));
        }
        client.createRun(otherExperiment);

        Comparator<PlannedRun> byAccuracyDescending = Comparator
                .comparingInt((PlannedRun run) -> run.accuracy() == null ? 2 : run.accuracy().isNaN() ? 1 : 0)
                .thenComparing(run -> run.accuracy() == null || run.accuracy().isNaN() ? 0 : -run.accuracy())
                .thenComparing(PlannedRun::startTime, Comparator.reverseOrder());
        assertPages(experimentId, "", List.of("metrics.accuracy DESC"), 4,
                planned.stream().sorted(byAccuracyDescending).toList());
        assertPages(experimentId, "params.model = 'cnn' and attributes.status = 'FINISHED'", List.of("metrics.accuracy DESC"), 2,
                planned.stream().filter(run -> run.model().equals("cnn") && run.status() == RunStatus.FINISHED)
                        .sorted(byAccuracyDescending).toList());
        assertPages(experimentId, "metrics.accuracy >= 0.6", List.of("params.model ASC", "attributes.start_time DESC"), 5,
                planned.stream().filter(run -> run.accuracy() != null && run.accuracy() >= 0.6)
                        .sorted(Comparator.comparing(PlannedRun::model)
                                .thenComparing(PlannedRun::startTime, Comparator.reverseOrder())).toList());
        assertPages(experimentId, "attributes.run_name LIKE 'run-1%'", List.of("attributes.start_time ASC"), 3,
                planned.stream().filter(run -> run.name().startsWith("run-1"))
                        .sorted(Comparator.comparing(PlannedRun::startTime)).toList());
        assertPages(experimentId, "", List.of(), 10,
                planned.stream().sorted(Comparator.comparing(PlannedRun::startTime, Comparator.reverseOrder())).toList());

        Page<Run> firstPage = client.searchRuns(List.of(experimentId), "params.seed = '3'", ViewType.ACTIVE_ONLY, 10, List.of());
        Run found = firstPage.getItems().iterator().next();
        assertThat(found).isEqualTo(client.getRun(planned.get(3).runId()));
        assertThat(latestMetrics(found).get("accuracy").getValue()).isEqualTo(0.53);
        assertThat(params(found)).containsOnly(entry("model", "mlp"), entry("seed", "3"));
        assertThat(found.getInfo().getStatus()).isEqualTo(RunStatus.FAILED);
    }

    /** Walks the pages of a search both ways the client offers (next page, explicit token) and compares with the expected runs. */
    private void assertPages(String experimentId, String filter, List<String> orderBy, int pageSize, List<PlannedRun> expected) {
        Page<Run> first = client.searchRuns(List.of(experimentId), filter, ViewType.ACTIVE_ONLY, pageSize, orderBy);
        List<List<String>> pages = pages(first).stream().map(MlflowJavaClientIT::runIds).toList();
        List<String> expectedIds = expected.stream().map(PlannedRun::runId).toList();
        assertThat(pages.stream().flatMap(List::stream).toList())
                .as("runs of '%s' ordered by %s, %d per page", filter, orderBy, pageSize)
                .containsExactlyElementsOf(expectedIds);
        assertThat(pages).as("page sizes").hasSize(Math.max(1, (expectedIds.size() + pageSize - 1) / pageSize))
                .allSatisfy(page -> assertThat(page.size()).isLessThanOrEqualTo(pageSize));
        if (pages.size() > 1) {
            String token = first.getNextPageToken().orElseThrow();
            assertThat(runIds(client.searchRuns(List.of(experimentId), filter, ViewType.ACTIVE_ONLY, pageSize, orderBy, token)))
                    .isEqualTo(pages.get(1));
        }
    }

    private record PlannedRun(String runId, String name, String model, Double accuracy, RunStatus status, long startTime) {
    }

    // ---- helpers

    private static <T> List<List<T>> pages(Page<T> first) {
        List<List<T>> pages = new ArrayList<>();
        Page<T> page = first;
        pages.add(items(page));
        while (page.hasNextPage()) {
            page = page.getNextPage();
            pages.add(items(page));
        }
        return pages;
    }

    private static <T> List<T> items(Page<T> page) {
        return StreamSupport.stream(page.getItems().spliterator(), false).toList();
    }

    private static List<String> names(Page<Experiment> page) {
        return names(items(page));
    }

    private static List<String> names(List<Experiment> experiments) {
        return experiments.stream().map(Experiment::getName).toList();
    }

    private static List<String> runIds(Page<Run> page) {
        return runIds(items(page));
    }

    private static List<String> runIds(List<Run> runs) {
        return runs.stream().map(run -> run.getInfo().getRunId()).toList();
    }

    private static Map<String, String> tags(Experiment experiment) {
        return experiment.getTagsList().stream().collect(Collectors.toMap(ExperimentTag::getKey, ExperimentTag::getValue,
                (a, b) -> b, LinkedHashMap::new));
    }

    private static Map<String, String> tags(Run run) {
        return run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue,
                (a, b) -> b, LinkedHashMap::new));
    }

    private static Map<String, String> params(Run run) {
        return run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue,
                (a, b) -> b, LinkedHashMap::new));
    }

    private static Map<String, Metric> latestMetrics(Run run) {
        return run.getData().getMetricsList().stream().collect(Collectors.toMap(Metric::getKey, metric -> metric));
    }

    private static Metric metric(String key, double value, long timestamp, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(timestamp).setStep(step).build();
    }

    private static Param param(String key, String value) {
        return Param.newBuilder().setKey(key).setValue(value).build();
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }
}
