package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.search.SearchFilter;
import dev.atoll.search.SearchOrder;
import dev.atoll.tracking.Dataset;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.ExperimentQuery;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.NewRun;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunQuery;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.ViewType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TrackingStore} adapter must do. Each subclass supplies a fresh, empty database.
 */
abstract class AbstractTrackingStoreContractTest {
    protected TrackingStore store;
    private long clock = 1_700_000_000_000L;

    /** A JDBC URL of a new, empty database. */
    protected abstract String newDatabaseUrl();

    @BeforeEach
    void openStore() {
        store = JdbcTrackingStores.open(newDatabaseUrl());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- experiments

    @Test
    void hasTheDefaultExperimentFromTheStart() {
        Experiment experiment = store.experiment("0").orElseThrow();
        assertThat(experiment.name()).isEqualTo("Default");
        assertThat(experiment.lifecycleStage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(store.experimentByName("Default")).contains(experiment);
    }

    @Test
    void createsExperimentsWithIncreasingIdsAndADefaultArtifactLocation() {
        String first = store.createExperiment("first", null, List.of(new Tag("team", "vision")), 10);
        String second = store.createExperiment("second", "s3://bucket/x", List.of(), 20);
        assertThat(first).isEqualTo("1");
        assertThat(second).isEqualTo("2");
        Experiment experiment = store.experiment(first).orElseThrow();
        assertThat(experiment.artifactLocation()).isEqualTo("mlflow-artifacts:/1");
        assertThat(experiment.tags()).containsExactly(new Tag("team", "vision"));
        assertThat(experiment.creationTime()).isEqualTo(10);
        assertThat(store.experiment(second).orElseThrow().artifactLocation()).isEqualTo("s3://bucket/x");
        assertThat(store.experiment("404")).isEmpty();
        assertThat(store.experiment("not-a-number")).isEmpty();
    }

    @Test
    void refusesADuplicateExperimentNameAndWritesNothing() {
        store.createExperiment("taken", null, List.of(), 1);
        assertThatThrownBy(() -> store.createExperiment("taken", null, List.of(new Tag("a", "b")), 2))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
                .hasMessageContaining("'taken' already exists");
        assertThat(allExperiments(ViewType.ALL)).extracting(Experiment::name).containsExactlyInAnyOrder("Default", "taken");
    }

    @Test
    void renamesAndRefusesTakenNames() {
        String id = store.createExperiment("old", null, List.of(), 1);
        store.createExperiment("other", null, List.of(), 1);
        store.renameExperiment(id, "new", 5);
        assertThat(store.experiment(id).orElseThrow()).satisfies(e -> {
            assertThat(e.name()).isEqualTo("new");
            assertThat(e.lastUpdateTime()).isEqualTo(5);
        });
        assertThatThrownBy(() -> store.renameExperiment(id, "other", 6)).hasMessageContaining("'other' already exists");
        assertThatThrownBy(() -> store.renameExperiment("99", "x", 6))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    @Test
    void deletingAnExperimentDeletesItsRunsAndRestoringRestoresThem() {
        String id = store.createExperiment("e", null, List.of(), 1);
        Run run = newRun(id, "r", 100);
        store.setExperimentLifecycle(id, LifecycleStage.DELETED, 7);
        assertThat(store.experiment(id).orElseThrow().lifecycleStage()).isEqualTo(LifecycleStage.DELETED);
        assertThat(store.run(run.info().runId()).orElseThrow().info().lifecycleStage()).isEqualTo(LifecycleStage.DELETED);
        store.setExperimentLifecycle(id, LifecycleStage.ACTIVE, 8);
        assertThat(store.run(run.info().runId()).orElseThrow().info().lifecycleStage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void setsOverwritesAndDeletesExperimentTags() {
        String id = store.createExperiment("e", null, List.of(), 1);
        store.setExperimentTag(id, new Tag("k", "v1"));
        store.setExperimentTag(id, new Tag("k", "v2"));
        assertThat(store.experiment(id).orElseThrow().tags()).containsExactly(new Tag("k", "v2"));
        store.deleteExperimentTag(id, "k");
        assertThat(store.experiment(id).orElseThrow().tags()).isEmpty();
    }

    @Test
    void searchesExperimentsByNameTagsAndViewTypeWithOrderingAndPaging() {
        String a = store.createExperiment("alpha-1", null, List.of(new Tag("team", "nlp")), 100);
        String b = store.createExperiment("Alpha-2", null, List.of(new Tag("team", "vision")), 200);
        String c = store.createExperiment("beta", null, List.of(), 300);
        store.setExperimentLifecycle(c, LifecycleStage.DELETED, 301);

        assertThat(experiments("name LIKE 'alpha%'", List.of(), ViewType.ALL)).containsExactly(a);
        assertThat(experiments("name ILIKE 'alpha%'", List.of("name ASC"), ViewType.ALL)).containsExactly(b, a);
        assertThat(experiments("tags.team = 'vision'", List.of(), ViewType.ALL)).containsExactly(b);
        assertThat(experiments("", List.of(), ViewType.DELETED_ONLY)).containsExactly(c);
        // Default order: creation_time DESC, then id.
        assertThat(experiments("", List.of(), ViewType.ACTIVE_ONLY)).containsExactly(b, a, "0");
        assertThat(store.searchExperiments(new ExperimentQuery(List.of(), List.of(), ViewType.ALL, 1, 2)))
                .extracting(Experiment::experimentId).containsExactly(b, a);
    }

    // ---- runs

    @Test
    void createsAndReadsARunWithItsTags() {
        Run run = store.createRun(new NewRun(runId(), "0", "first-run", "ana", 123, "mlflow-artifacts:/0/x/artifacts",
                List.of(new Tag("mlflow.runName", "first-run"), new Tag("mlflow.parentRunId", "p"))));
        assertThat(run.info().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.info().startTime()).isEqualTo(123L);
        assertThat(run.info().endTime()).isNull();
        assertThat(run.info().userId()).isEqualTo("ana");
        assertThat(run.data().tags()).extracting(Tag::key).containsExactly("mlflow.parentRunId", "mlflow.runName");
        assertThat(store.run(run.info().runId())).contains(run);
        assertThat(store.run("nope")).isEmpty();
        assertThatThrownBy(() -> store.createRun(new NewRun(runId(), "77", "x", "", 1, "u", List.of())))
                .hasMessageContaining("No Experiment with id=77 exists");
    }

    @Test
    void updatesStatusEndTimeAndNameWhichAlsoUpdatesTheRunNameTag() {
        Run run = newRun("0", "before", 1);
        store.updateRun(run.info().runId(), RunStatus.FINISHED, 99L, "after");
        Run updated = store.run(run.info().runId()).orElseThrow();
        assertThat(updated.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(updated.info().endTime()).isEqualTo(99L);
        assertThat(updated.info().runName()).isEqualTo("after");
        assertThat(updated.data().tags()).contains(new Tag("mlflow.runName", "after"));
        store.updateRun(run.info().runId(), null, null, null);
        assertThat(store.run(run.info().runId())).contains(updated);
    }

    @Test
    void keepsTheLatestMetricByStepThenTimestampThenValue() {
        String id = newRun("0", "r", 1).info().runId();
        store.logBatch(id, List.of(new Metric("loss", 0.9, 100, 0), new Metric("loss", 0.5, 50, 2),
                new Metric("loss", 0.7, 10, 1)), List.of(), List.of());
        assertThat(latest(id, "loss")).isEqualTo(new Metric("loss", 0.5, 50, 2));
        store.logBatch(id, List.of(new Metric("loss", 0.4, 60, 2)), List.of(), List.of());
        assertThat(latest(id, "loss")).isEqualTo(new Metric("loss", 0.4, 60, 2));
        store.logBatch(id, List.of(new Metric("loss", 0.45, 60, 2)), List.of(), List.of());
        assertThat(latest(id, "loss").value()).isEqualTo(0.45);
        store.logBatch(id, List.of(new Metric("loss", 9, 1, 1)), List.of(), List.of());
        assertThat(latest(id, "loss").value()).isEqualTo(0.45);
    }

    @Test
    void storesIdenticalMetricPointsOnceAndReadsHistoryInStepOrderWithPaging() {
        String id = newRun("0", "r", 1).info().runId();
        List<Metric> points = List.of(new Metric("acc", 0.3, 3, 3), new Metric("acc", 0.1, 1, 1), new Metric("acc", 0.2, 2, 2));
        store.logBatch(id, points, List.of(), List.of());
        store.logBatch(id, points, List.of(), List.of());
        store.logBatch(id, List.of(points.get(0), new Metric("acc", 0.4, 4, 4), points.get(0)), List.of(), List.of());
        assertThat(store.metricHistory(id, "acc", 0, Integer.MAX_VALUE)).extracting(Metric::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.metricHistory(id, "acc", 1, 1)).extracting(Metric::step).containsExactly(2L);
        assertThat(latest(id, "acc")).isEqualTo(new Metric("acc", 0.4, 4, 4));
        assertThat(store.metricHistory(id, "other", 0, 10)).isEmpty();
    }

    @Test
    void streamsHistoryIntoASinkAndPassesOnTheSinksFailureWithoutKeepingTheConnection() throws Exception {
        String id = newRun("0", "r", 1).info().runId();
        List<Metric> points = new ArrayList<>();
        for (int step = 0; step < 50; step++) {
            points.add(new Metric("loss", 1.0 / (step + 1), step, step));
        }
        store.logBatch(id, points, List.of(), List.of());
        List<Metric> streamed = new ArrayList<>();
        store.metricHistory(id, "loss", 0, Integer.MAX_VALUE, streamed::add);
        assertThat(streamed).isEqualTo(points);
        for (int attempt = 0; attempt < 20; attempt++) {
            int[] seen = {0};
            assertThatThrownBy(() -> store.metricHistory(id, "loss", 0, Integer.MAX_VALUE, point -> {
                if (++seen[0] == 10) {
                    throw new java.io.IOException("client went away");
                }
            })).isInstanceOf(java.io.IOException.class).hasMessage("client went away");
        }
        store.logBatch(id, List.of(new Metric("loss", 0, 100, 100)), List.of(), List.of());
        assertThat(store.metricHistory(id, "loss", 0, Integer.MAX_VALUE)).hasSize(51);
    }

    @Test
    void readsARunsInfoAloneAsTheWholeRunHasIt() {
        String id = newRun("0", "r", 1).info().runId();
        store.logBatch(id, List.of(new Metric("m", 1, 1, 1)), List.of(new Param("p", "v")), List.of(new Tag("t", "v")));
        store.updateRun(id, RunStatus.FINISHED, 99L, null);
        assertThat(store.runInfo(id)).contains(store.run(id).orElseThrow().info());
        assertThat(store.runInfo("0123456789abcdef0123456789abcdef")).isEmpty();
    }

    @Test
    void roundTripsNaNAndInfinities() {
        String id = newRun("0", "r", 1).info().runId();
        store.logBatch(id, List.of(new Metric("x", Double.NaN, 1, 0), new Metric("x", Double.POSITIVE_INFINITY, 1, 1),
                new Metric("x", Double.NEGATIVE_INFINITY, 1, 2)), List.of(), List.of());
        assertThat(store.metricHistory(id, "x", 0, 10)).extracting(Metric::value)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void paramsAreWriteOnceAndAConflictLeavesTheWholeBatchUnwritten() {
        String id = newRun("0", "r", 1).info().runId();
        store.logBatch(id, List.of(), List.of(new Param("lr", "0.1")), List.of());
        store.logBatch(id, List.of(), List.of(new Param("lr", "0.1")), List.of());
        assertThatThrownBy(() -> store.logBatch(id, List.of(new Metric("m", 1, 1, 1)),
                List.of(new Param("depth", "3"), new Param("lr", "0.2")), List.of(new Tag("t", "v"))))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageContaining("key='lr' was already logged with value='0.1'")
                .hasMessageContaining("new value '0.2'");
        Run run = store.run(id).orElseThrow();
        assertThat(run.data().params()).containsExactly(new Param("lr", "0.1"));
        assertThat(run.data().metrics()).isEmpty();
        assertThat(run.data().tags()).extracting(Tag::key).doesNotContain("t");
    }

    /** Every worker of a distributed training job may log the same params to the run at the same moment. */
    @Test
    void concurrentBatchesWithTheSameParamAllSucceed() throws Exception {
        String id = newRun("0", "r", 1).info().runId();
        for (int round = 0; round < 25; round++) {
            Param param = new Param("lr-" + round, "0.1");
            List<Throwable> failures = concurrently(8, worker -> store.logBatch(id, List.of(), List.of(param), List.of()));
            assertThat(failures).as("failures of round %d", round).isEmpty();
        }
        assertThat(store.run(id).orElseThrow().data().params()).hasSize(25).allMatch(param -> param.value().equals("0.1"));
    }

    @Test
    void ofConcurrentBatchesGivingAParamDifferentValuesOneWinsAndTheOthersAreRefusedAsAChange() throws Exception {
        String id = newRun("0", "r", 1).info().runId();
        for (int round = 0; round < 10; round++) {
            String key = "depth-" + round;
            List<Throwable> failures = concurrently(8, worker -> store.logBatch(id, List.of(new Metric(key, worker, 1, 0)),
                    List.of(new Param(key, Integer.toString(worker))), List.of()));
            assertThat(failures).hasSize(7).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                    .hasMessageContaining("Changing param values is not allowed. Param with key='" + key + "'"));
            Run run = store.run(id).orElseThrow();
            String winner = run.data().params().stream().filter(param -> param.key().equals(key)).findFirst().orElseThrow().value();
            assertThat(store.metricHistory(id, key, 0, 10)).extracting(Metric::value)
                    .as("only the winning batch is written").containsExactly(Double.parseDouble(winner));
        }
    }

    /** Batches to one run that name the same metrics, params and tags in different orders do not deadlock. */
    @Test
    void concurrentBatchesNamingTheSameKeysInDifferentOrdersAllSucceed() throws Exception {
        String id = newRun("0", "r", 1).info().runId();
        for (int round = 0; round < 20; round++) {
            int step = round;
            List<Throwable> failures = concurrently(8, worker -> {
                List<String> keys = new ArrayList<>(List.of("a", "b", "c", "d"));
                Collections.rotate(keys, worker);
                store.logBatch(id, keys.stream().map(key -> new Metric(key, worker, 1000L * step + worker, step)).toList(),
                        keys.stream().map(key -> new Param(key + "-" + step, "same")).toList(),
                        keys.stream().map(key -> new Tag(key, "worker " + worker)).toList());
            });
            assertThat(failures).as("failures of round %d", round).isEmpty();
        }
        Run run = store.run(id).orElseThrow();
        assertThat(run.data().params()).hasSize(80);
        assertThat(run.data().metrics()).extracting(Metric::step).containsOnly(19L);
        assertThat(store.metricHistory(id, "a", 0, 1000)).hasSize(160);
    }

    @Test
    void logBatchToAnUnknownRunIsNotFound() {
        assertThatThrownBy(() -> store.logBatch("0123456789abcdef", List.of(), List.of(), List.of()))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST))
                .hasMessage("Run with id=0123456789abcdef not found");
    }

    @Test
    void overwritesAndDeletesRunTagsAndSyncsTheRunName() {
        String id = newRun("0", "r", 1).info().runId();
        store.logBatch(id, List.of(), List.of(), List.of(new Tag("k", "1"), new Tag("mlflow.runName", "renamed")));
        store.logBatch(id, List.of(), List.of(), List.of(new Tag("k", "2")));
        Run run = store.run(id).orElseThrow();
        assertThat(run.data().tags()).contains(new Tag("k", "2"));
        assertThat(run.info().runName()).isEqualTo("renamed");
        store.deleteRunTag(id, "k");
        assertThat(store.run(id).orElseThrow().data().tags()).extracting(Tag::key).doesNotContain("k");
    }

    @Test
    void changesARunTagFromItsCurrentValueAndAFailedChangeWritesNothing() {
        String id = newRun("0", "r", 1).info().runId();
        List<String> seen = new ArrayList<>();
        store.changeRunTag(id, "history", current -> {
            seen.add(current);
            return "[1]";
        });
        store.changeRunTag(id, "history", current -> {
            seen.add(current);
            return "[1, 2]";
        });
        assertThat(seen).containsExactly(null, "[1]");
        assertThat(store.run(id).orElseThrow().data().tags()).contains(new Tag("history", "[1, 2]"));

        assertThatThrownBy(() -> store.changeRunTag(id, "history", current -> {
            throw AtollException.invalidParameter("no");
        })).hasMessage("no");
        assertThat(store.run(id).orElseThrow().data().tags()).contains(new Tag("history", "[1, 2]"));
        assertThatThrownBy(() -> store.changeRunTag("0123456789abcdef", "history", current -> "x"))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    /** Clients that log models from several threads or processes into one run: every change is kept. */
    @Test
    void concurrentChangesOfOneRunTagAreAppliedOneAfterTheOther() throws Exception {
        String id = newRun("0", "r", 1).info().runId();
        for (int round = 0; round < 5; round++) {
            List<Throwable> failures = concurrently(8, worker -> store.changeRunTag(id, "counter",
                    current -> Integer.toString(current == null ? 1 : Integer.parseInt(current) + 1)));
            assertThat(failures).as("failures of round %d", round).isEmpty();
        }
        assertThat(store.run(id).orElseThrow().data().tags()).contains(new Tag("counter", "40"));
    }

    @Test
    void logsDatasetInputsOncePerNameAndDigest() {
        String id = newRun("0", "r", 1).info().runId();
        DatasetInput input = new DatasetInput(List.of(new Tag(DatasetInput.CONTEXT_TAG, "training")),
                new Dataset("iris", "abc123", "local", "{\"uri\": \"data.csv\"}", "{}", null));
        store.logInputs(id, List.of(input));
        store.logInputs(id, List.of(input));
        assertThat(store.run(id).orElseThrow().inputs()).containsExactly(input);
    }

    @Test
    void runLifecycleCanBeDeletedAndRestored() {
        String id = newRun("0", "r", 1).info().runId();
        store.setRunLifecycle(id, LifecycleStage.DELETED, 5);
        assertThat(store.run(id).orElseThrow().info().lifecycleStage()).isEqualTo(LifecycleStage.DELETED);
        assertThat(runs("", List.of(), ViewType.ACTIVE_ONLY)).isEmpty();
        assertThat(runs("", List.of(), ViewType.DELETED_ONLY)).hasSize(1);
        store.setRunLifecycle(id, LifecycleStage.ACTIVE, 6);
        assertThat(runs("", List.of(), ViewType.ACTIVE_ONLY)).hasSize(1);
    }

    // ---- run search

    @Test
    void searchesRunsWithEveryKindOfClause() {
        Run a = newRun("0", "alpha", 100);
        Run b = newRun("0", "Beta", 200);
        Run c = newRun("0", "gamma", 300);
        store.logBatch(a.info().runId(), List.of(new Metric("acc", 0.9, 1, 0)), List.of(new Param("opt", "adam")),
                List.of(new Tag("team", "nlp")));
        store.logBatch(b.info().runId(), List.of(new Metric("acc", 0.7, 1, 0)), List.of(new Param("opt", "sgd")),
                List.of(new Tag("team", "vision")));
        store.logBatch(c.info().runId(), List.of(new Metric("acc", Double.NaN, 1, 0)), List.of(), List.of());
        store.updateRun(b.info().runId(), RunStatus.FINISHED, 250L, null);
        store.logInputs(c.info().runId(), List.of(new DatasetInput(List.of(new Tag(DatasetInput.CONTEXT_TAG, "eval")),
                new Dataset("iris", "d1", "local", "s", null, null))));
        String ida = a.info().runId();
        String idb = b.info().runId();
        String idc = c.info().runId();

        assertThat(runs("metrics.acc > 0.8", List.of(), ViewType.ALL)).containsExactly(ida);
        assertThat(runs("metrics.acc <= 0.9 and metrics.acc >= 0.7", List.of(), ViewType.ALL)).containsExactly(idb, ida);
        assertThat(runs("params.opt = 'adam'", List.of(), ViewType.ALL)).containsExactly(ida);
        assertThat(runs("params.opt != 'adam'", List.of(), ViewType.ALL)).containsExactly(idb);
        assertThat(runs("params.opt LIKE 'S%'", List.of(), ViewType.ALL)).isEmpty();
        assertThat(runs("params.opt ILIKE 'S%'", List.of(), ViewType.ALL)).containsExactly(idb);
        assertThat(runs("tags.team = 'vision'", List.of(), ViewType.ALL)).containsExactly(idb);
        assertThat(runs("attributes.status = 'FINISHED'", List.of(), ViewType.ALL)).containsExactly(idb);
        assertThat(runs("attributes.run_name LIKE 'beta'", List.of(), ViewType.ALL)).isEmpty();
        assertThat(runs("attributes.run_name ILIKE 'beta'", List.of(), ViewType.ALL)).containsExactly(idb);
        assertThat(runs("attributes.start_time >= 200", List.of(), ViewType.ALL)).containsExactly(idc, idb);
        assertThat(runs("attributes.run_id IN ('" + ida + "', '" + idc + "')", List.of(), ViewType.ALL)).containsExactly(idc, ida);
        assertThat(runs("attributes.run_id NOT IN ('" + ida + "')", List.of(), ViewType.ALL)).containsExactly(idc, idb);
        assertThat(runs("datasets.name = 'iris' AND datasets.context = 'eval'", List.of(), ViewType.ALL)).containsExactly(idc);
        assertThat(runs("datasets.digest IN ('d1', 'd2')", List.of(), ViewType.ALL)).containsExactly(idc);
        assertThat(runs("params.opt = 'adam' AND metrics.acc < 0.5", List.of(), ViewType.ALL)).isEmpty();
    }

    @Test
    void ordersRunsWithMissingValuesLastAndStartTimeAsTieBreak() {
        Run a = newRun("0", "a", 100);
        Run b = newRun("0", "b", 200);
        Run c = newRun("0", "c", 300);
        Run d = newRun("0", "d", 400);
        store.logBatch(a.info().runId(), List.of(new Metric("acc", 0.5, 1, 0)), List.of(new Param("p", "y")), List.of());
        store.logBatch(b.info().runId(), List.of(new Metric("acc", 0.9, 1, 0)), List.of(new Param("p", "x")), List.of());
        store.logBatch(c.info().runId(), List.of(new Metric("acc", 0.5, 1, 0)), List.of(), List.of());
        String ida = a.info().runId();
        String idb = b.info().runId();
        String idc = c.info().runId();
        String idd = d.info().runId();

        assertThat(runs("", List.of(), ViewType.ALL)).containsExactly(idd, idc, idb, ida);
        assertThat(runs("", List.of("metrics.acc DESC"), ViewType.ALL)).containsExactly(idb, idc, ida, idd);
        assertThat(runs("", List.of("metrics.acc ASC"), ViewType.ALL)).containsExactly(idc, ida, idb, idd);
        assertThat(runs("", List.of("params.p ASC"), ViewType.ALL)).containsExactly(idb, ida, idd, idc);
        assertThat(runs("", List.of("attributes.start_time ASC"), ViewType.ALL)).containsExactly(ida, idb, idc, idd);
        assertThat(runs("", List.of("attributes.run_name DESC"), ViewType.ALL)).containsExactly(idd, idc, idb, ida);
        RunQuery page = new RunQuery(List.of("0"), List.of(), SearchOrder.parseRunOrderBy(List.of("metrics.acc DESC")),
                ViewType.ALL, 1, 2);
        assertThat(store.searchRuns(page)).extracting(run -> run.info().runId()).containsExactly(idc, ida);
    }

    @Test
    void pagesOneRunAtATimeAcrossRankedNaNAndMissingMetricValues() {
        Run a = newRun("0", "a", 100);
        Run b = newRun("0", "b", 200);
        Run c = newRun("0", "c", 300);
        Run d = newRun("0", "d", 400);
        store.logBatch(a.info().runId(), List.of(new Metric("acc", 0.5, 1, 0)), List.of(), List.of());
        store.logBatch(b.info().runId(), List.of(new Metric("acc", 0.9, 1, 0)), List.of(), List.of());
        store.logBatch(c.info().runId(), List.of(new Metric("acc", Double.NaN, 1, 0)), List.of(), List.of());
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 5; offset++) {
            store.searchRuns(new RunQuery(List.of("0"), List.of(), SearchOrder.parseRunOrderBy(List.of("metrics.acc DESC")),
                    ViewType.ALL, offset, 1)).forEach(run -> paged.add(run.info().runId()));
        }
        assertThat(paged).containsExactly(b.info().runId(), a.info().runId(), c.info().runId(), d.info().runId());
        assertThat(store.searchRuns(new RunQuery(List.of("0"), SearchFilter.parseRunFilter("metrics.acc > 0.6"),
                SearchOrder.parseRunOrderBy(List.of("metrics.acc ASC")), ViewType.ALL, 0, 10)))
                .extracting(run -> run.info().runId()).containsExactly(b.info().runId());
    }

    @Test
    void searchesOnlyTheGivenExperimentsAndReturnsWholeRuns() {
        String other = store.createExperiment("other", null, List.of(), 1);
        Run here = newRun("0", "here", 1);
        newRun(other, "there", 2);
        store.logBatch(here.info().runId(), List.of(new Metric("m", 1, 1, 3)), List.of(new Param("p", "v")), List.of());
        List<Run> found = store.searchRuns(new RunQuery(List.of("0"), List.of(), List.of(), ViewType.ALL, 0, 10));
        assertThat(found).singleElement().satisfies(run -> {
            assertThat(run.data().metrics()).containsExactly(new Metric("m", 1, 1, 3));
            assertThat(run.data().params()).containsExactly(new Param("p", "v"));
        });
        assertThat(store.searchRuns(new RunQuery(List.of("0", other), List.of(), List.of(), ViewType.ALL, 0, 10))).hasSize(2);
    }

    // ---- helpers

    /** Runs {@code work} on {@code threads} threads released at once; returns what they threw. */
    private static List<Throwable> concurrently(int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                started.add(pool.submit(() -> {
                    together.await();
                    work.accept(worker);
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> future : started) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private Run newRun(String experimentId, String name, long startTime) {
        return store.createRun(new NewRun(runId(), experimentId, name, "tester", startTime,
                "mlflow-artifacts:/" + experimentId + "/r/artifacts", List.of(new Tag(Run.RUN_NAME_TAG, name))));
    }

    private static String runId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Metric latest(String runId, String key) {
        return store.run(runId).orElseThrow().data().metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    private List<String> runs(String filter, List<String> orderBy, ViewType viewType) {
        return store.searchRuns(new RunQuery(List.of("0"), SearchFilter.parseRunFilter(filter),
                SearchOrder.parseRunOrderBy(orderBy), viewType, 0, 100)).stream().map(run -> run.info().runId()).toList();
    }

    private List<String> experiments(String filter, List<String> orderBy, ViewType viewType) {
        return store.searchExperiments(new ExperimentQuery(SearchFilter.parseExperimentFilter(filter),
                SearchOrder.parseExperimentOrderBy(orderBy), viewType, 0, 100)).stream().map(Experiment::experimentId).toList();
    }

    private List<Experiment> allExperiments(ViewType viewType) {
        return store.searchExperiments(new ExperimentQuery(List.of(), List.of(), viewType, 0, 100));
    }
}
