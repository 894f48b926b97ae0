package dev.atoll.tracking;

import java.util.Locale;

/** Soft deletion: deleted experiments and runs can be restored. */
public enum LifecycleStage {
    ACTIVE, DELETED;

    /** The lower-case name MLflow uses on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleStage fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
