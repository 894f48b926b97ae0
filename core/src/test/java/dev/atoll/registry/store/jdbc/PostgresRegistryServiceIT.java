package dev.atoll.registry.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.registry.AbstractRegistryServiceTest;
import dev.atoll.registry.RegistryStore;
import dev.atoll.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;

/** The registry on a real PostgreSQL server: a fresh database per test, migrated by the store's runner. */
class PostgresRegistryServiceIT extends AbstractRegistryServiceTest {
    Database database;

    @Override
    protected RegistryStore createStore() {
        database = Database.open(PostgresServer.shared().newDatabaseUrl());
        return new JdbcRegistryStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
