package dev.atoll.modules.store.jdbc;

import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleCatalogueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.Statement;

/** The catalogue contract on a real PostgreSQL server (the scale-out store); tables are emptied per test. */
class JdbcModuleCataloguePostgresIT extends ModuleCatalogueContract {
    private static PostgresScratchServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = new PostgresScratchServer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected ModuleCatalogue createCatalogue() throws Exception {
        JdbcModuleCatalogue catalogue = new JdbcModuleCatalogue(postgres.dataSource()).migrate();
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM module_parameters");
            statement.execute("DELETE FROM module_versions");
        }
        return catalogue;
    }
}
