package dev.atoll.server.mlflow;

import dev.atoll.testing.PostgresServer;

import java.util.List;

class PostgresCrashRecoveryIT extends CrashRecoveryIT {
    @Override
    protected List<String> storeOptions() {
        return List.of("--db", PostgresServer.shared().newDatabaseUrl());
    }
}
