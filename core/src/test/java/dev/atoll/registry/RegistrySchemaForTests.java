package dev.atoll.registry;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies the registry's migration files (V20..) to a test database. It runs the same SQL files the
 * store's migration runner applies in production, statement by statement.
 */
public final class RegistrySchemaForTests {
    private RegistrySchemaForTests() {
    }

    /** The registry's migrations, in order. */
    public static final java.util.List<String> MIGRATIONS = java.util.List.of("V20__model_registry.sql", "V21__logged_models.sql");

    public static void apply(DataSource dataSource, String dialect) throws SQLException, IOException {
        for (String migration : MIGRATIONS) {
            applyFile(dataSource, "/db/migration/" + dialect + "/" + migration);
        }
    }

    private static void applyFile(DataSource dataSource, String resource) throws SQLException, IOException {
        String sql;
        try (InputStream in = RegistrySchemaForTests.class.getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String part : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        }
    }
}
