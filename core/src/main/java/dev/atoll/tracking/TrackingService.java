package dev.atoll.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.search.Comparison;
import dev.atoll.search.OrderBy;
import dev.atoll.search.PageToken;
import dev.atoll.search.SearchFilter;
import dev.atoll.search.SearchOrder;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static dev.atoll.tracking.TrackingValidation.required;

/**
 * Experiment tracking as MLflow clients see it: every request of MLflow's tracking API is one call
 * here. The service validates input completely before it touches the store, so a refused request
 * writes nothing; the store guarantees atomicity of what it is then asked to do.
 */
public final class TrackingService {
    private final TrackingStore store;
    private final Clock clock;
    private final ModelOutputs modelOutputs;
    private final RandomGenerator random = new SecureRandom();

    /** Tracking on its own: runs have no model outputs. */
    public TrackingService(TrackingStore store, Clock clock) {
        this(store, clock, ModelOutputs.NONE);
    }

    public TrackingService(TrackingStore store, Clock clock, ModelOutputs modelOutputs) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.modelOutputs = Objects.requireNonNull(modelOutputs, "modelOutputs");
    }

    // ---- experiments

    public String createExperiment(String name, String artifactLocation, List<Tag> tags) {
        TrackingValidation.experimentName(name, "name");
        if (artifactLocation != null && artifactLocation.startsWith("runs:")) {
            throw AtollException.invalidParameter("Artifact location cannot be a runs:/ URI. Given: '" + artifactLocation + "'");
        }
        List<Tag> checkedTags = orEmpty(tags);
        checkedTags.forEach(TrackingValidation::experimentTag);
        if (store.experimentByName(name).isPresent()) {
            throw experimentNameTaken(name);
        }
        String location = artifactLocation == null || artifactLocation.isEmpty() ? null : artifactLocation;
        return store.createExperiment(name, location, checkedTags, now());
    }

    public Experiment getExperiment(String experimentId) {
        TrackingValidation.experimentId(experimentId);
        return store.experiment(experimentId).orElseThrow(() -> experimentNotFound(experimentId));
    }

    public Experiment getExperimentByName(String name) {
        required(name, "experiment_name");
        return store.experimentByName(name).orElseThrow(
                () -> AtollException.notFound("Could not find experiment with name '" + name + "'"));
    }

    public Page<Experiment> searchExperiments(String filter, List<String> orderBy, Integer maxResults, String pageToken,
            ViewType viewType) {
        int limit = maxResults(maxResults);
        int offset = PageToken.decode(pageToken);
        List<Comparison> comparisons = SearchFilter.parseExperimentFilter(filter);
        List<OrderBy> ordering = SearchOrder.parseExperimentOrderBy(orEmpty(orderBy));
        List<Experiment> found = store.searchExperiments(new ExperimentQuery(comparisons, ordering,
                viewType == null ? ViewType.ACTIVE_ONLY : viewType, offset, limit + 1));
        return page(found, offset, limit);
    }

    public void updateExperiment(String experimentId, String newName) {
        Experiment experiment = getExperiment(experimentId);
        TrackingValidation.experimentName(newName, "new_name");
        if (experiment.lifecycleStage() != LifecycleStage.ACTIVE) {
            throw AtollException.invalidParameter("Cannot rename a non-active experiment. Experiment " + experimentId
                    + " is " + experiment.lifecycleStage().wireName() + "; restore it first.");
        }
        if (experiment.name().equals(newName)) {
            return;
        }
        if (store.experimentByName(newName).isPresent()) {
            throw experimentNameTaken(newName);
        }
        store.renameExperiment(experimentId, newName, now());
    }

    public void deleteExperiment(String experimentId) {
        Experiment experiment = getExperiment(experimentId);
        if (experiment.lifecycleStage() == LifecycleStage.ACTIVE) {
            store.setExperimentLifecycle(experimentId, LifecycleStage.DELETED, now());
        }
    }

    public void restoreExperiment(String experimentId) {
        Experiment experiment = getExperiment(experimentId);
        if (experiment.lifecycleStage() == LifecycleStage.DELETED) {
            store.setExperimentLifecycle(experimentId, LifecycleStage.ACTIVE, now());
        }
    }

    public void setExperimentTag(String experimentId, String key, String value) {
        Tag tag = new Tag(key, value);
        TrackingValidation.experimentTag(tag);
        requireActive(getExperiment(experimentId));
        store.setExperimentTag(experimentId, tag);
    }

    public void deleteExperimentTag(String experimentId, String key) {
        required(key, "key");
        Experiment experiment = requireActive(getExperiment(experimentId));
        if (experiment.tags().stream().noneMatch(tag -> tag.key().equals(key))) {
            throw AtollException.notFound("No tag with name: " + key + " in experiment with id " + experimentId);
        }
        store.deleteExperimentTag(experimentId, key);
    }

    // ---- runs

    public Run createRun(String experimentId, String userId, String runName, Long startTime, List<Tag> tags) {
        Experiment experiment = requireActive(getExperiment(experimentId));
        List<Tag> runTags = new ArrayList<>(orEmpty(tags));
        runTags.forEach(TrackingValidation::tag);
        String nameFromTag = tagValue(runTags, Run.RUN_NAME_TAG);
        if (runName != null && !runName.isEmpty() && nameFromTag != null && !nameFromTag.equals(runName)) {
            throw AtollException.invalidParameter("Both 'run_name' argument and 'mlflow.runName' tag are specified, but with"
                    + " different values (run_name='" + runName + "', mlflow.runName='" + nameFromTag + "').");
        }
        String name = runName != null && !runName.isEmpty() ? runName
                : nameFromTag != null ? nameFromTag : RunNames.random(random);
        TrackingValidation.length("Run name", TrackingLimits.MAX_RUN_NAME_LENGTH, name);
        if (nameFromTag == null) {
            runTags.add(new Tag(Run.RUN_NAME_TAG, name));
        }
        String user = userId != null ? userId : Objects.requireNonNullElse(tagValue(runTags, Run.USER_TAG), "");
        String parent = tagValue(runTags, Run.PARENT_RUN_ID_TAG);
        if (parent != null && store.run(parent).isEmpty()) {
            throw AtollException.notFound("Parent run with id=" + parent + " not found (tag " + Run.PARENT_RUN_ID_TAG + ")");
        }
        String runId = UUID.randomUUID().toString().replace("-", "");
        long start = startTime != null ? startTime : now();
        String artifactUri = stripTrailingSlash(experiment.artifactLocation()) + "/" + runId + "/artifacts";
        return store.createRun(new NewRun(runId, experimentId, name, user, start, artifactUri, runTags));
    }

    /** A run with everything MLflow returns of it, its model outputs included. */
    public Run getRun(String runId) {
        return withOutputs(List.of(run(runId))).get(0);
    }

    /** The run's info only: what a write checks before it writes (a whole run costs four queries more). */
    private RunInfo getRunInfo(String runId) {
        TrackingValidation.runId(runId);
        return store.runInfo(runId).orElseThrow(() -> runNotFound(runId));
    }

    public RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName) {
        requireActive(getRunInfo(runId));
        if (runName != null) {
            TrackingValidation.length("Run name", TrackingLimits.MAX_RUN_NAME_LENGTH, runName);
        }
        store.updateRun(runId, status, endTime, runName == null || runName.isEmpty() ? null : runName);
        return getRunInfo(runId);
    }

    public void deleteRun(String runId) {
        getRunInfo(runId);
        store.setRunLifecycle(runId, LifecycleStage.DELETED, now());
    }

    public void restoreRun(String runId) {
        getRunInfo(runId);
        store.setRunLifecycle(runId, LifecycleStage.ACTIVE, now());
    }

    public void logMetric(String runId, String key, Double value, Long timestamp, Long step) {
        Metric metric = new Metric(key, required(value, "value"), required(timestamp, "timestamp"), step == null ? 0 : step);
        TrackingValidation.metric(metric);
        requireActive(getRunInfo(runId));
        store.logBatch(runId, List.of(metric), List.of(), List.of());
    }

    public void logParam(String runId, String key, String value) {
        Param param = new Param(key, value);
        TrackingValidation.param(param);
        requireActive(getRunInfo(runId));
        store.logBatch(runId, List.of(), List.of(param), List.of());
    }

    public void setTag(String runId, String key, String value) {
        Tag tag = new Tag(key, value);
        TrackingValidation.tag(tag);
        requireActive(getRunInfo(runId));
        store.logBatch(runId, List.of(), List.of(), List.of(tag));
    }

    public void deleteTag(String runId, String key) {
        required(key, "key");
        Run run = requireActive(run(runId));
        if (run.data().tags().stream().noneMatch(tag -> tag.key().equals(key))) {
            throw AtollException.notFound("No tag with name: " + key + " in run with id " + runId);
        }
        store.deleteRunTag(runId, key);
    }

    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
        TrackingValidation.runId(runId);
        List<Metric> batchMetrics = orEmpty(metrics);
        List<Param> batchParams = orEmpty(params);
        List<Tag> batchTags = orEmpty(tags);
        TrackingValidation.batchLimits(batchMetrics, batchParams, batchTags);
        TrackingValidation.metrics(batchMetrics);
        batchParams.forEach(TrackingValidation::param);
        batchTags.forEach(TrackingValidation::tag);
        TrackingValidation.uniqueParamKeys(batchParams);
        requireActive(getRunInfo(runId));
        store.logBatch(runId, batchMetrics, batchParams, batchTags);
    }

    public void logInputs(String runId, List<DatasetInput> datasets) {
        List<DatasetInput> inputs = orEmpty(datasets);
        if (inputs.size() > TrackingLimits.MAX_DATASETS_PER_BATCH) {
            throw AtollException.invalidParameter("A batch logging request can contain at most "
                    + TrackingLimits.MAX_DATASETS_PER_BATCH + " datasets. Got " + inputs.size() + " datasets.");
        }
        inputs.forEach(TrackingValidation::datasetInput);
        requireActive(getRunInfo(runId));
        store.logInputs(runId, inputs);
    }

    /**
     * MLflow 2's {@code runs/log-model} ({@code record_logged_model}): adds the model, given as the
     * JSON of its MLmodel file, to the list in the run's {@code mlflow.log-model.history} tag, as
     * MLflow keeps it ({@link LoggedModelHistory}). Models logged at once to one run are all kept.
     */
    public void logModel(String runId, String modelJson) {
        TrackingValidation.runId(runId);
        ObjectNode entry = LoggedModelHistory.entry(required(modelJson, "model_json"));
        requireActive(getRunInfo(runId));
        store.changeRunTag(runId, LoggedModelHistory.TAG, history -> LoggedModelHistory.append(history, entry));
    }

    public Page<Run> searchRuns(List<String> experimentIds, String filter, ViewType viewType, Integer maxResults,
            List<String> orderBy, String pageToken) {
        List<String> ids = orEmpty(experimentIds);
        ids.forEach(TrackingValidation::experimentId);
        int limit = maxResults(maxResults);
        int offset = PageToken.decode(pageToken);
        List<Comparison> comparisons = SearchFilter.parseRunFilter(filter);
        List<OrderBy> ordering = SearchOrder.parseRunOrderBy(orEmpty(orderBy));
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<Run> found = store.searchRuns(new RunQuery(ids, comparisons, ordering,
                viewType == null ? ViewType.ACTIVE_ONLY : viewType, offset, limit + 1));
        Page<Run> page = page(found, offset, limit);
        return new Page<>(withOutputs(page.items()), page.nextPageToken());
    }

    /** All points when {@code maxResults} is null, as MLflow's server does; pages otherwise. */
    public Page<Metric> getMetricHistory(String runId, String metricKey, Integer maxResults, String pageToken) {
        required(metricKey, "metric_key");
        getRunInfo(runId);
        int offset = PageToken.decode(pageToken);
        if (maxResults == null) {
            return new Page<>(store.metricHistory(runId, metricKey, offset, Integer.MAX_VALUE), null);
        }
        if (maxResults < 1) {
            throw AtollException.invalidParameter("max_results must be a positive number, got " + maxResults);
        }
        List<Metric> found = store.metricHistory(runId, metricKey, offset, maxResults + 1);
        return page(found, offset, maxResults);
    }

    /** The whole history of one metric, point by point into {@code sink}, in history order. */
    public void streamMetricHistory(String runId, String metricKey, MetricSink sink) throws IOException {
        required(metricKey, "metric_key");
        getRunInfo(runId);
        store.metricHistory(runId, metricKey, 0, Integer.MAX_VALUE, sink);
    }

    // ---- helpers

    /** A whole run as the store holds it, without its model outputs (deleting a tag checks the run has it). */
    private Run run(String runId) {
        TrackingValidation.runId(runId);
        return store.run(runId).orElseThrow(() -> runNotFound(runId));
    }

    /** The runs with the logged models each produced, asked for all of them at once. */
    private List<Run> withOutputs(List<Run> runs) {
        if (runs.isEmpty()) {
            return runs;
        }
        Map<String, List<LoggedModelOutput>> outputs = modelOutputs.forRuns(runs.stream().map(run -> run.info().runId()).toList());
        return runs.stream().map(run -> run.withOutputs(outputs.getOrDefault(run.info().runId(), List.of()))).toList();
    }

    private static int maxResults(Integer maxResults) {
        if (maxResults == null) {
            return TrackingLimits.SEARCH_DEFAULT_MAX_RESULTS;
        }
        if (maxResults < 1 || maxResults > TrackingLimits.SEARCH_MAX_RESULTS) {
            throw AtollException.invalidParameter("Invalid value " + maxResults + " for parameter 'max_results' supplied."
                    + " It must be at most " + TrackingLimits.SEARCH_MAX_RESULTS + " and at least 1.");
        }
        return maxResults;
    }

    /** {@code found} holds up to limit + 1 items: the extra one only says that another page exists. */
    private static <T> Page<T> page(List<T> found, int offset, int limit) {
        if (found.size() > limit) {
            return new Page<>(found.subList(0, limit), PageToken.encode(offset + limit));
        }
        return new Page<>(found, null);
    }

    private Experiment requireActive(Experiment experiment) {
        if (experiment.lifecycleStage() != LifecycleStage.ACTIVE) {
            throw AtollException.invalidParameter("The experiment " + experiment.experimentId()
                    + " must be in the 'active' state. Current state is " + experiment.lifecycleStage().wireName() + ".");
        }
        return experiment;
    }

    private static Run requireActive(Run run) {
        requireActive(run.info());
        return run;
    }

    private static RunInfo requireActive(RunInfo info) {
        if (info.lifecycleStage() != LifecycleStage.ACTIVE) {
            throw AtollException.invalidParameter("The run " + info.runId()
                    + " must be in the 'active' state. Current state is " + info.lifecycleStage().wireName() + ".");
        }
        return info;
    }

    private static AtollException experimentNotFound(String experimentId) {
        return AtollException.notFound("No Experiment with id=" + experimentId + " exists");
    }

    private static AtollException runNotFound(String runId) {
        return AtollException.notFound("Run with id=" + runId + " not found");
    }

    private static AtollException experimentNameTaken(String name) {
        return AtollException.alreadyExists("Experiment '" + name + "' already exists.");
    }

    private static String tagValue(List<Tag> tags, String key) {
        String value = null;
        for (Tag tag : tags) {
            if (tag.key().equals(key)) {
                value = tag.value();
            }
        }
        return value;
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private long now() {
        return clock.millis();
    }
}
