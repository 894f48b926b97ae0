package dev.atoll.tracking;

import java.util.List;
import java.util.Map;

/**
 * The logged models that runs produced (MLflow 3's run outputs, {@code POST runs/outputs}), which
 * {@code runs/get} and {@code runs/search} return with each run. The model registry records them;
 * the server wires it in.
 */
@FunctionalInterface
public interface ModelOutputs {
    /** No run has outputs: tracking without a registry. */
    ModelOutputs NONE = runIds -> Map.of();

    /** The outputs of each of these runs, ordered by step then model id; a run with none need not be in the map. */
    Map<String, List<LoggedModelOutput>> forRuns(List<String> runIds);
}
