package dev.atoll.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/** What differs between the two databases Atoll runs on; everything else is plain SQL both accept. */
public enum SqlDialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String directory;

    SqlDialect(String directory) {
        this.directory = directory;
    }

    public static SqlDialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL '" + jdbcUrl
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://host:port/db");
    }

    /** The folder under {@code db/migration/} that holds this dialect's migrations. */
    public String migrationDirectory() {
        return directory;
    }

    /** Case-insensitive LIKE; SQLite's LIKE is made case-sensitive per connection, as PostgreSQL's is. */
    public String ilike(String column, String parameter) {
        return this == POSTGRESQL ? column + " ILIKE " + parameter : "LOWER(" + column + ") LIKE LOWER(" + parameter + ")";
    }

    public boolean isUniqueViolation(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() != null ? cause.getCause()
                : cause instanceof SQLException sql ? sql.getNextException() : null) {
            if (cause instanceof SQLException sql) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                if (message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                    return true;
                }
            }
        }
        return false;
    }
}
