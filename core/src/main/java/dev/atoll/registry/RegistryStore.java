package dev.atoll.registry;

import java.util.function.Function;

/**
 * The metadata store port of the model registry. Adapter: {@code registry.store.jdbc} (SQLite and
 * PostgreSQL). All work happens in {@link #inTransaction}: the change, its audit entries and its
 * webhook deliveries commit together or not at all, so a failed request leaves nothing behind.
 */
public interface RegistryStore {

    /**
     * Runs {@code work} in one transaction and returns its result; an exception from {@code work}
     * rolls everything back and propagates unchanged.
     */
    <T> T inTransaction(Function<RegistryTransaction, T> work);

    /** Runs read-only {@code work}; adapters may run it without a write transaction (and its lock). */
    default <T> T read(Function<RegistryTransaction, T> work) {
        return inTransaction(work);
    }
}
