package dev.atoll.server.mlflow;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

class SqliteMlflowJavaClientIT extends MlflowJavaClientIT {
    private static final AtomicInteger FILES = new AtomicInteger();
    @TempDir
    static Path directory;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + directory.resolve("atoll-" + FILES.incrementAndGet() + ".db");
    }
}
