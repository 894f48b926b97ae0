package dev.atoll.registry.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.registry.RegistryStore;
import dev.atoll.registry.RegistryTransaction;

import java.util.function.Function;

/**
 * The registry on SQLite or PostgreSQL, in the schema of {@code db/migration/<dialect>/V20..V29}
 * (applied by {@link Database#open}). It shares the server's {@link Database}: one pool, and on
 * SQLite one writer lock for tracking and registry alike.
 */
public final class JdbcRegistryStore implements RegistryStore {
    private final Database database;

    public JdbcRegistryStore(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        return database.write(connection -> work.apply(new JdbcRegistryTransaction(connection)));
    }

    @Override
    public <T> T read(Function<RegistryTransaction, T> work) {
        return database.read(connection -> work.apply(new JdbcRegistryTransaction(connection)));
    }
}
