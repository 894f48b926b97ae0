package dev.atoll.registry;

/**
 * One recorded registry change: who did what to which model (and version), when, with the value
 * before and after ({@code null} where there was none). {@code id} orders entries; it is assigned
 * by the store.
 */
public record AuditEntry(
        long id,
        long time,
        String actor,
        String action,
        String modelName,
        Long version,
        String field,
        String before,
        String after) {

    public static AuditEntry of(long time, String actor, String action, String modelName, Long version,
                                String field, String before, String after) {
        return new AuditEntry(0, time, actor, action, modelName, version, field, before, after);
    }
}
