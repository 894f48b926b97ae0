package dev.atoll.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The metadata store port for experiment tracking. Adapters: {@code store.jdbc} (SQLite, the
 * embedded default, and PostgreSQL). Every method is atomic: it either applies whole or throws and
 * leaves nothing behind. The store does not validate user input (the {@link TrackingService} does)
 * but it does enforce what only it can check atomically: unique experiment names and write-once
 * params.
 *
 * <p>Errors are {@link dev.atoll.errors.AtollException}s: RESOURCE_DOES_NOT_EXIST for unknown ids,
 * RESOURCE_ALREADY_EXISTS for a taken experiment name, INVALID_PARAMETER_VALUE for a param logged
 * again with a different value.
 */
public interface TrackingStore extends AutoCloseable {

    // ---- experiments

    /** Creates an experiment and returns its id; a null artifact location means the store's default. */
    String createExperiment(String name, String artifactLocation, List<Tag> tags, long creationTime);

    Optional<Experiment> experiment(String experimentId);

    Optional<Experiment> experimentByName(String name);

    /** At most {@code query.limit()} experiments from {@code query.offset()}. */
    List<Experiment> searchExperiments(ExperimentQuery query);

    void renameExperiment(String experimentId, String newName, long updateTime);

    /** Soft-deletes or restores an experiment; deleting it also marks its runs deleted, as MLflow does. */
    void setExperimentLifecycle(String experimentId, LifecycleStage stage, long updateTime);

    void setExperimentTag(String experimentId, Tag tag);

    void deleteExperimentTag(String experimentId, String key);

    // ---- runs

    /** Creates a run with its tags in one transaction and returns it as stored. */
    Run createRun(NewRun run);

    Optional<Run> run(String runId);

    /** The run's info without its metrics, params, tags and inputs (the check before each write). */
    default Optional<RunInfo> runInfo(String runId) {
        return run(runId).map(Run::info);
    }

    /** Updates status, end time and name; null leaves a field as it is. A new name also updates the {@code mlflow.runName} tag. */
    void updateRun(String runId, RunStatus status, Long endTime, String runName);

    void setRunLifecycle(String runId, LifecycleStage stage, long time);

    /**
     * Logs metrics, params and tags in one transaction: all or nothing. Identical metric points are
     * stored once; a param already logged with another value fails the whole batch; a tag overwrites
     * (an {@code mlflow.runName} tag renames the run).
     * The latest value of each metric (highest step, then timestamp, then value) is kept for search.
     */
    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags);

    void deleteRunTag(String runId, String key);

    /**
     * Sets a run's tag to what {@code change} makes of its current value (null when the run has no
     * such tag), in one transaction that holds the run: concurrent changes of one run's tags are
     * applied one after the other, none lost. An exception from {@code change} writes nothing.
     */
    void changeRunTag(String runId, String key, UnaryOperator<String> change);

    /** Records dataset inputs; a dataset with the same name and digest in the experiment is reused. */
    void logInputs(String runId, List<DatasetInput> inputs);

    /** At most {@code query.limit()} runs from {@code query.offset()}, with their latest metrics, params, tags and inputs. */
    List<Run> searchRuns(RunQuery query);

    /**
     * The points of one metric ordered by step, timestamp and value; at most {@code limit} from
     * {@code offset}, handed to {@code sink} as they are read.
     */
    void metricHistory(String runId, String metricKey, int offset, int limit, MetricSink sink) throws IOException;

    /** The same points, collected. */
    default List<Metric> metricHistory(String runId, String metricKey, int offset, int limit) {
        List<Metric> points = new ArrayList<>();
        try {
            metricHistory(runId, metricKey, offset, limit, points::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    @Override
    void close();
}
