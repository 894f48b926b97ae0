package dev.atoll.registry;

import dev.atoll.tracking.Run;
import dev.atoll.tracking.Tag;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model version came from: its run and, through the run's tags, the code commit, the data
 * commit, the code module versions and the CI job that produced it. Missing facts are null (or an
 * empty map): a run logged by a plain MLflow client has a code commit at most.
 */
public record Lineage(
        String name,
        long version,
        String source,
        String runId,
        String runLink,
        String experimentId,
        String runName,
        String codeRepository,
        String codeCommit,
        String dataRepository,
        String dataCommit,
        Map<String, String> moduleVersions,
        String ciJobUrl,
        String ciJobId) {

    /** MLflow's own tags for the code a run came from. */
    public static final String CODE_COMMIT_TAG = "mlflow.source.git.commit";
    public static final String CODE_REPO_TAG = "mlflow.source.git.repoURL";
    /** Atoll's tags, written by the generated pipelines (see docs/registry.md#lineage). */
    public static final String DATA_COMMIT_TAG = "atoll.data.commit";
    public static final String DATA_REPO_TAG = "atoll.data.repository";
    public static final String MODULE_TAG_PREFIX = "atoll.module.";
    public static final String CI_JOB_URL_TAG = "atoll.ci.job_url";
    public static final String CI_JOB_ID_TAG = "atoll.ci.job_id";

    static Lineage of(ModelVersion version, Run run) {
        if (run == null) {
            return new Lineage(version.name(), version.version(), version.source(), version.runId(), version.runLink(),
                    null, null, null, null, null, null, Map.of(), null, null);
        }
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : run.data().tags()) {
            tags.put(tag.key(), tag.value());
        }
        Map<String, String> modules = new TreeMap<>();
        tags.forEach((key, value) -> {
            if (key.startsWith(MODULE_TAG_PREFIX) && key.length() > MODULE_TAG_PREFIX.length()) {
                modules.put(key.substring(MODULE_TAG_PREFIX.length()), value);
            }
        });
        return new Lineage(version.name(), version.version(), version.source(), version.runId(), version.runLink(),
                run.info().experimentId(), run.info().runName(), tags.get(CODE_REPO_TAG), tags.get(CODE_COMMIT_TAG),
                tags.get(DATA_REPO_TAG), tags.get(DATA_COMMIT_TAG), Map.copyOf(modules), tags.get(CI_JOB_URL_TAG), tags.get(CI_JOB_ID_TAG));
    }
}
