package dev.atoll.tracking.store.jdbc;

import dev.atoll.jdbc.Database;
import dev.atoll.tracking.TrackingStore;

/** Opens the tracking store at a JDBC URL: {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}. */
public final class JdbcTrackingStores {
    private JdbcTrackingStores() {
    }

    /** Opens the database, applies pending migrations, and returns the store; closing the store closes the pool. */
    public static TrackingStore open(String jdbcUrl) {
        return new JdbcTrackingStore(Database.open(jdbcUrl));
    }
}
