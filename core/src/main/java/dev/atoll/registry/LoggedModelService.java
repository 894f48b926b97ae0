package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Page;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.Tag;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * MLflow 3's logged-models API ({@code /api/2.0/mlflow/logged-models}): create, get, search, set
 * and delete tags, log params, finalize, delete, and the run outputs ({@code runs/outputs}) that
 * link a run to the models it produced. It is what MLflow 3 clients call while logging a model and
 * before they register it as {@code models:/<model_id>}.
 */
public final class LoggedModelService {
    private static final Pattern MODEL_ID = Pattern.compile("m-[0-9a-f]{32}");
    private static final int MAX_SEARCH = 1000;

    private final RegistryStore store;
    private final Clock clock;
    private final RegistryExperiments experiments;
    private final RegistryRuns runs;
    private final SecureRandom random = new SecureRandom();

    public LoggedModelService(RegistryStore store, Clock clock, RegistryExperiments experiments, RegistryRuns runs) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    public LoggedModel create(String experimentId, String name, String modelType, String sourceRunId,
                              List<Param> params, List<Tag> tags, String creator) {
        if (experimentId == null || experimentId.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'experiment_id'.");
        }
        List<Tag> checkedTags = tags == null ? List.of() : tags;
        RegistryValidation.tags(checkedTags, "logged model");
        List<Param> checkedParams = params == null ? List.of() : params;
        for (Param param : checkedParams) {
            if (param.key() == null || param.key().isEmpty() || param.value() == null) {
                throw AtollException.invalidParameter("Invalid param " + param + ": each needs a non-empty 'key' and a 'value'.");
            }
        }
        String location = experiments.artifactLocation(experimentId);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String modelId = "m-" + HexFormat.of().formatHex(id);
        String modelName = name == null || name.isEmpty() ? "model" : name;
        long now = clock.millis();
        LoggedModel model = new LoggedModel(modelId, experimentId, modelName, now, now,
                location.replaceAll("/+$", "") + "/models/" + modelId + "/artifacts", LoggedModel.Status.LOGGED_MODEL_PENDING, null,
                creator, emptyToNull(modelType), emptyToNull(sourceRunId), false, checkedTags, checkedParams);
        return store.inTransaction(tx -> {
            tx.insertLoggedModel(model);
            return tx.loggedModel(modelId).orElseThrow();
        });
    }

    public LoggedModel get(String modelId) {
        checkId(modelId);
        return store.read(tx -> live(tx, modelId));
    }

    public LoggedModel finalizeModel(String modelId, String status) {
        checkId(modelId);
        LoggedModel.Status parsed = LoggedModel.Status.parse(status);
        return store.inTransaction(tx -> {
            live(tx, modelId);
            tx.updateLoggedModelStatus(modelId, parsed, clock.millis());
            return live(tx, modelId);
        });
    }

    public void delete(String modelId) {
        checkId(modelId);
        store.inTransaction(tx -> {
            live(tx, modelId);
            tx.markLoggedModelDeleted(modelId, clock.millis());
            return null;
        });
    }

    public LoggedModel setTags(String modelId, List<Tag> tags) {
        checkId(modelId);
        List<Tag> checked = tags == null ? List.of() : tags;
        RegistryValidation.tags(checked, "logged model");
        return store.inTransaction(tx -> {
            live(tx, modelId);
            checked.forEach(tag -> tx.setLoggedModelTag(modelId, tag));
            return live(tx, modelId);
        });
    }

    public void deleteTag(String modelId, String key) {
        checkId(modelId);
        store.inTransaction(tx -> {
            live(tx, modelId);
            if (!tx.deleteLoggedModelTag(modelId, key)) {
                throw AtollException.notFound("No tag with key '" + key + "' on logged model " + modelId + ".");
            }
            return null;
        });
    }

    public void logParams(String modelId, List<Param> params) {
        checkId(modelId);
        store.inTransaction(tx -> {
            live(tx, modelId);
            for (Param param : params == null ? List.<Param>of() : params) {
                if (param.key() == null || param.key().isEmpty() || param.value() == null) {
                    throw AtollException.invalidParameter("Invalid param " + param + ": each needs a non-empty 'key' and a 'value'.");
                }
                tx.setLoggedModelParam(modelId, param);
            }
            return null;
        });
    }

    /**
     * MLflow 3's LogOutputs: the run produced these logged models at these steps. The run must exist
     * and be active, and every model must exist; all outputs are recorded, or none.
     */
    public void logOutputs(String runId, List<LoggedModelOutput> outputs) {
        if (runId == null || runId.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'run_id'.");
        }
        Run run = runs.run(runId).orElseThrow(() -> AtollException.notFound("Run with id=" + runId + " not found"));
        if (run.info().lifecycleStage() != LifecycleStage.ACTIVE) {
            throw AtollException.invalidParameter("The run " + runId + " must be in the 'active' state. Current state is "
                    + run.info().lifecycleStage().name().toLowerCase(Locale.ROOT) + ".");
        }
        List<LoggedModelOutput> checked = outputs == null ? List.of() : outputs;
        checked.forEach(output -> checkId(output.modelId()));
        store.inTransaction(tx -> {
            for (LoggedModelOutput output : checked) {
                live(tx, output.modelId());
                tx.insertLoggedModelOutput(runId, output);
            }
            return null;
        });
    }

    /** The logged models a run produced, by step. */
    public List<LoggedModelOutput> outputs(String runId) {
        return store.read(tx -> tx.loggedModelOutputs(List.of(runId))).getOrDefault(runId, List.of());
    }

    /** Logged models of the experiments, newest first, filtered on name, source_run_id, model_type, status or tags. */
    public Page<LoggedModel> search(List<String> experimentIds, String filter, Integer maxResults, String pageToken) {
        if (experimentIds == null || experimentIds.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'experiment_ids'.");
        }
        RegistryFilter parsed = RegistryFilter.forLoggedModels(filter);
        int limit = RegistrySearch.maxResults(maxResults, 100, MAX_SEARCH, "logged models");
        return store.read(tx -> {
            List<LoggedModel> matching = new ArrayList<>(tx.loggedModels(experimentIds).stream().filter(parsed::matches).toList());
            matching.sort(Comparator.comparingLong(LoggedModel::creationTime).reversed().thenComparing(LoggedModel::modelId));
            return RegistrySearch.page(matching, limit, pageToken);
        });
    }

    private static LoggedModel live(RegistryTransaction tx, String modelId) {
        return tx.loggedModel(modelId).filter(m -> !m.deleted())
                .orElseThrow(() -> AtollException.notFound("Logged model with ID '" + modelId + "' not found."));
    }

    private static void checkId(String modelId) {
        if (modelId == null || !MODEL_ID.matcher(modelId).matches()) {
            throw AtollException.invalidParameter("Invalid logged model ID '" + modelId + "': expected 'm-' and 32 hex digits.");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
