package dev.atoll.diff.run;

import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.ViewType;

import java.util.List;

/**
 * Finds the runs a comparison is between, through the {@link TrackingService}: a run by id, the
 * latest finished run of a git branch (MLflow's {@value #BRANCH_TAG} tag, which MLflow clients
 * and Atoll's CI templates set), or the baseline: the latest finished run tagged
 * {@value #BASELINE_TAG}{@code =true}.
 */
public final class RunFinder {
    public static final String BRANCH_TAG = "mlflow.source.git.branch";
    public static final String BASELINE_TAG = "atoll.baseline";
    private static final String BRANCH_PREFIX = "branch:";
    private static final String BASELINE = "baseline";

    private final TrackingService tracking;

    public RunFinder(TrackingService tracking) {
        this.tracking = tracking;
    }

    /**
     * Resolves a selector: {@code branch:NAME}, {@code baseline}, or a run id.
     *
     * @param experiments experiment ids or names to search for branch and baseline runs
     */
    public Run find(String selector, List<String> experiments) {
        if (selector.startsWith(BRANCH_PREFIX)) {
            return latestOnBranch(selector.substring(BRANCH_PREFIX.length()), experiments);
        }
        if (selector.equals(BASELINE)) {
            return baseline(experiments);
        }
        return tracking.getRun(selector);
    }

    public Run latestOnBranch(String branch, List<String> experiments) {
        return latest("tags.`" + BRANCH_TAG + "` = '" + quote(branch) + "'", experiments,
                "no finished run of branch '" + branch + "'", "log runs with the tag " + BRANCH_TAG + "=" + branch
                        + " (MLflow sets it when the run starts in a git checkout)");
    }

    public Run baseline(List<String> experiments) {
        return latest("tags.`" + BASELINE_TAG + "` = 'true'", experiments, "no finished run tagged " + BASELINE_TAG + "=true",
                "tag the run to compare against, e.g. mlflow.set_tag('" + BASELINE_TAG + "', 'true')");
    }

    private Run latest(String filter, List<String> experiments, String missing, String hint) {
        if (experiments.isEmpty()) {
            throw AtollException.invalidParameter(missing.replace("no finished run", "a run") + " is looked up in experiments"
                    + " — name at least one with --experiment");
        }
        List<String> ids = experiments.stream().map(this::experimentId).toList();
        List<Run> runs = tracking.searchRuns(ids, filter + " AND attributes.status = 'FINISHED'", ViewType.ACTIVE_ONLY, 1,
                List.of("attributes.start_time DESC"), null).items();
        if (runs.isEmpty()) {
            throw AtollException.notFound(missing + " in experiment(s) " + String.join(", ", experiments) + " — " + hint);
        }
        return runs.get(0);
    }

    /** An experiment's id from its id or its name. */
    private String experimentId(String idOrName) {
        if (idOrName.chars().allMatch(Character::isDigit)) {
            return idOrName;
        }
        Experiment experiment = tracking.getExperimentByName(idOrName);
        return experiment.experimentId();
    }

    /** A string literal of the search grammar: backslash and quote escaped. */
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
