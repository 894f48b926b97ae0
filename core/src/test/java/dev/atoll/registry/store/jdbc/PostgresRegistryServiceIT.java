package dev.atoll.registry.store.jdbc;

import dev.atoll.registry.AbstractRegistryServiceTest;
import dev.atoll.registry.RegistrySchemaForTests;
import dev.atoll.registry.RegistryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry on a real PostgreSQL server: a fresh schema per test. */
class PostgresRegistryServiceIT extends AbstractRegistryServiceTest {
    static PostgresForTests postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        assertThat(PostgresForTests.available()).as("PostgreSQL binaries (scripts/prereqs.d/10-postgresql.sh)").isTrue();
        postgres = PostgresForTests.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected RegistryStore createStore() throws Exception {
        String schema = "registry_" + UUID.randomUUID().toString().replace("-", "");
        org.postgresql.ds.PGSimpleDataSource dataSource = postgres.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        dataSource.setCurrentSchema(schema);
        RegistrySchemaForTests.apply(dataSource, "postgresql");
        return new JdbcRegistryStore(dataSource);
    }
}
