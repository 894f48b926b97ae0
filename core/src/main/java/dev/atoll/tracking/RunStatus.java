package dev.atoll.tracking;

/** A run's state, as in MLflow's {@code RunStatus}. */
public enum RunStatus {
    RUNNING, SCHEDULED, FINISHED, FAILED, KILLED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
