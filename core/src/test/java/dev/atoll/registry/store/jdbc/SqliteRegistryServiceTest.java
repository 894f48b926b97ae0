package dev.atoll.registry.store.jdbc;

import dev.atoll.registry.AbstractRegistryServiceTest;
import dev.atoll.registry.RegistrySchemaForTests;
import dev.atoll.registry.RegistryStore;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/** The registry on a real SQLite database file. */
class SqliteRegistryServiceTest extends AbstractRegistryServiceTest {
    @TempDir
    Path dir;

    @Override
    protected RegistryStore createStore() throws Exception {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("atoll.db"));
        RegistrySchemaForTests.apply(dataSource, "sqlite");
        return new JdbcRegistryStore(dataSource);
    }
}
