package dev.atoll.tracking;

import java.util.List;

/** A run as MLflow returns it: info, data and inputs. */
public record Run(RunInfo info, RunData data, List<DatasetInput> inputs) {
    /** The tag through which MLflow nests runs. */
    public static final String PARENT_RUN_ID_TAG = "mlflow.parentRunId";
    /** The tag in which MLflow mirrors the run name. */
    public static final String RUN_NAME_TAG = "mlflow.runName";
    public static final String USER_TAG = "mlflow.user";

    public Run {
        inputs = List.copyOf(inputs);
    }
}
