package dev.atoll.registry;

import dev.atoll.artifacts.ArtifactUris;
import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Run;

/**
 * Where a new model version's files are: {@code runs:/<run>/<path>} resolves to the run's artifact
 * URI plus the path (as MLflow resolves it at creation), {@code models:/<model_id>} to the logged
 * model's files; any other URI is its own location.
 */
final class ModelSources {
    private ModelSources() {
    }

    /** {@code runs:/<run>/<path>} becomes the run's artifact URI plus the path, as MLflow resolves it at creation. */
    static String storageLocation(RegistryRuns runs, String source, String runId) {
        if (!source.startsWith("runs:/")) {
            return source;
        }
        String rest = source.substring("runs:/".length());
        int slash = rest.indexOf('/');
        String sourceRun = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (sourceRun.isEmpty()) {
            throw AtollException.invalidParameter("Invalid model version source '" + source + "': runs:/ URIs name a run: runs:/<run_id>/<path>.");
        }
        if (runId != null && !runId.isEmpty() && !runId.equals(sourceRun)) {
            throw AtollException.invalidParameter("Invalid model version source '" + source + "': it names run " + sourceRun
                    + " but run_id is " + runId + ".");
        }
        Run run = runs.run(sourceRun).orElseThrow(() -> AtollException.notFound("Run with id=" + sourceRun + " not found"));
        String root = run.info().artifactUri();
        if (root.startsWith(ArtifactUris.SCHEME + ":")) {
            return ArtifactUris.SCHEME + ":/" + ArtifactUris.storePath(root).resolve(path);
        }
        return root.replaceAll("/+$", "") + (path.isEmpty() ? "" : "/" + path);
    }

    /** The logged model a {@code models:/<model_id>} source (or an explicit model_id) names; null for other sources. */
    static LoggedModel loggedModel(RegistryTransaction tx, String source, String modelId) {
        String id = modelId;
        if (source.startsWith("models:/")) {
            String rest = source.substring("models:/".length()).replaceAll("/+$", "");
            if (rest.matches("m-[0-9a-f]{32}")) {
                id = rest;
            } else if (id == null) {
                throw AtollException.invalidParameter("Invalid model version source '" + source
                        + "': models:/ sources name a logged model, models:/<model_id>.");
            }
        }
        if (id == null) {
            return null;
        }
        String wanted = id;
        return tx.loggedModel(wanted).filter(m -> !m.deleted())
                .orElseThrow(() -> AtollException.notFound("Logged model with ID '" + wanted + "' not found."));
    }
}
