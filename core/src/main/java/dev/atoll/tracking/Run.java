package dev.atoll.tracking;

import java.util.List;

/**
 * A run as MLflow returns it: info, data, inputs, and outputs (MLflow 3's {@code RunOutputs}: the
 * logged models it produced, by step).
 */
public record Run(RunInfo info, RunData data, List<DatasetInput> inputs, List<LoggedModelOutput> outputs) {
    /** The tag through which MLflow nests runs. */
    public static final String PARENT_RUN_ID_TAG = "mlflow.parentRunId";
    /** The tag in which MLflow mirrors the run name. */
    public static final String RUN_NAME_TAG = "mlflow.runName";
    public static final String USER_TAG = "mlflow.user";

    public Run {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A run as the tracking store holds it: the outputs are recorded elsewhere ({@link ModelOutputs}). */
    public Run(RunInfo info, RunData data, List<DatasetInput> inputs) {
        this(info, data, inputs, List.of());
    }

    public Run withOutputs(List<LoggedModelOutput> newOutputs) {
        return new Run(info, data, inputs, newOutputs);
    }
}
