package dev.atoll.errors;

/**
 * The one error type that reaches a user: a code (MLflow's names) and a message that says what was
 * wrong, which value, and the rule it broke. Adapters render it (HTTP body, CLI line, MR note).
 */
public class AtollException extends RuntimeException {
    private final ErrorCode code;

    public AtollException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public AtollException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static AtollException invalidParameter(String message) {
        return new AtollException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public static AtollException notFound(String message) {
        return new AtollException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
    }

    public static AtollException alreadyExists(String message) {
        return new AtollException(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
    }
}
