package dev.atoll.modules.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleCatalogueContract;
import dev.atoll.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;

/** The catalogue contract on a real PostgreSQL server (the scale-out store), a new database per test. */
class JdbcModuleCataloguePostgresIT extends ModuleCatalogueContract {
    private Database database;

    @Override
    protected ModuleCatalogue createCatalogue() {
        database = Database.open(PostgresServer.shared().newDatabaseUrl());
        return new JdbcModuleCatalogue(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
