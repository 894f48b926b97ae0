package dev.atoll.registry.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.registry.AbstractRegistryServiceTest;
import dev.atoll.registry.RegistryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The registry on a real SQLite database file, migrated by the store's migration runner. */
class SqliteRegistryServiceTest extends AbstractRegistryServiceTest {
    @TempDir
    Path dir;
    Database database;

    @Override
    protected RegistryStore createStore() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("atoll.db"));
        return new JdbcRegistryStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
