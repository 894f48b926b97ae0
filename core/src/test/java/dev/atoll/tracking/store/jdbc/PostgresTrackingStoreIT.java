package dev.atoll.tracking.store.jdbc;

import dev.atoll.testing.PostgresServer;

class PostgresTrackingStoreIT extends AbstractTrackingStoreContractTest {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.shared().newDatabaseUrl();
    }
}
