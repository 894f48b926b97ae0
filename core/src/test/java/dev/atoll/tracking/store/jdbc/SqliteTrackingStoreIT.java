package dev.atoll.tracking.store.jdbc;

import dev.atoll.tracking.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteTrackingStoreIT extends AbstractTrackingStoreContractTest {
    @TempDir
    static Path directory;
    private static final AtomicInteger FILES = new AtomicInteger();
    private String lastUrl;

    @Override
    protected String newDatabaseUrl() {
        lastUrl = "jdbc:sqlite:" + directory.resolve("nested/dir/atoll-" + FILES.incrementAndGet() + ".db");
        return lastUrl;
    }

    @Test
    void reopensAnExistingDatabaseWithoutMigratingAgain() {
        String id = store.createExperiment("kept", null, List.of(), 1);
        store.close();
        try (TrackingStore reopened = JdbcTrackingStores.open(lastUrl)) {
            assertThat(reopened.experiment(id).orElseThrow().name()).isEqualTo("kept");
        }
        store = JdbcTrackingStores.open(lastUrl);
    }
}
