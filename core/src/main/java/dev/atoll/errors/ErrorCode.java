package dev.atoll.errors;

/**
 * The error codes Atoll reports, named and mapped to HTTP statuses exactly as MLflow's
 * {@code databricks.proto} and {@code mlflow/exceptions.py} do, so MLflow clients react to them
 * unchanged.
 */
public enum ErrorCode {
    INTERNAL_ERROR(500),
    INVALID_STATE(500),
    TEMPORARILY_UNAVAILABLE(503),
    REQUEST_LIMIT_EXCEEDED(429),
    ENDPOINT_NOT_FOUND(404),
    RESOURCE_DOES_NOT_EXIST(404),
    PERMISSION_DENIED(403),
    UNAUTHENTICATED(401),
    BAD_REQUEST(400),
    MALFORMED_REQUEST(400),
    INVALID_PARAMETER_VALUE(400),
    RESOURCE_ALREADY_EXISTS(400),
    RESOURCE_CONFLICT(409),
    RESOURCE_LIMIT_EXCEEDED(400);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
