package dev.atoll.modules.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleCatalogueContract;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real SQLite database file, as the embedded server uses. */
class JdbcModuleCatalogueSqliteTest extends ModuleCatalogueContract {
    @TempDir
    Path dir;
    private Database database;

    @Override
    protected ModuleCatalogue createCatalogue() {
        database = Database.open(url());
        return new JdbcModuleCatalogue(database);
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("atoll.db");
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void keepsRecordedVersionsWhenTheDatabaseIsOpenedAgain() {
        ModuleVersion kept = version("kept", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "a");
        new JdbcModuleCatalogue(database).record(kept);
        database.close();

        database = Database.open(url());

        assertThat(new JdbcModuleCatalogue(database).get("kept", "1.0.0")).contains(kept);
    }
}
