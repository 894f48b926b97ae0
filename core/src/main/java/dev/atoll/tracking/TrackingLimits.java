package dev.atoll.tracking;

/** MLflow's limits ({@code mlflow/utils/validation.py}), applied the same way so clients behave the same. */
public final class TrackingLimits {
    public static final int MAX_METRICS_PER_BATCH = 1000;
    public static final int MAX_PARAMS_TAGS_PER_BATCH = 100;
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    public static final int MAX_DATASETS_PER_BATCH = 1000;
    /** A log-batch request body larger than this is refused before it is parsed. */
    public static final int MAX_BATCH_REQUEST_BYTES = 1_000_000;
    public static final int MAX_ENTITY_KEY_LENGTH = 250;
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    public static final int MAX_TAG_VALUE_LENGTH = 5000;
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    public static final int MAX_EXPERIMENT_TAG_VALUE_LENGTH = 5000;
    public static final int MAX_DATASET_NAME_LENGTH = 500;
    public static final int MAX_DATASET_DIGEST_LENGTH = 36;
    public static final int MAX_DATASET_SOURCE_LENGTH = 65535;
    public static final int MAX_DATASET_SCHEMA_LENGTH = 1048575;
    public static final int MAX_DATASET_PROFILE_LENGTH = 16777215;
    public static final int MAX_INPUT_TAG_KEY_LENGTH = 255;
    public static final int MAX_INPUT_TAG_VALUE_LENGTH = 500;
    /** Default and ceiling of max_results for run and experiment searches. */
    public static final int SEARCH_DEFAULT_MAX_RESULTS = 1000;
    public static final int SEARCH_MAX_RESULTS = 50000;
    public static final int MAX_RUN_NAME_LENGTH = 250;

    private TrackingLimits() {
    }
}
