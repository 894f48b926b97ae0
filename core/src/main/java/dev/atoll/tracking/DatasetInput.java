package dev.atoll.tracking;

import java.util.List;

/** A dataset as an input of a run, with input tags such as {@code mlflow.data.context}. */
public record DatasetInput(List<Tag> tags, Dataset dataset) {
    /** The input tag that says how the run used the dataset (training, evaluation, ...). */
    public static final String CONTEXT_TAG = "mlflow.data.context";

    public DatasetInput {
        tags = List.copyOf(tags);
    }
}
