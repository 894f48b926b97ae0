package dev.atoll.server.mlflow;

import java.util.List;

/** The default store: SQLite in the data directory (WAL, synchronous=NORMAL). */
class SqliteCrashRecoveryIT extends CrashRecoveryIT {
    @Override
    protected List<String> storeOptions() {
        return List.of();
    }
}
