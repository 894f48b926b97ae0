package dev.atoll.modules.store.jdbc;

import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleCatalogueContract;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/** The contract against a real SQLite database file, as the embedded server uses. */
class JdbcModuleCatalogueSqliteTest extends ModuleCatalogueContract {
    @TempDir
    Path dir;

    @Override
    protected ModuleCatalogue createCatalogue() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("atoll.db"));
        return new JdbcModuleCatalogue(dataSource).migrate().migrate();
    }
}
