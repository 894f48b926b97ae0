package dev.atoll.server.mlflow;

import dev.atoll.testing.PostgresServer;

class PostgresMlflowJavaClientIT extends MlflowJavaClientIT {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.shared().newDatabaseUrl();
    }
}
