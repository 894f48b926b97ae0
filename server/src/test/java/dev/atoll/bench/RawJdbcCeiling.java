package dev.atoll.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling for ingestion: plain JDBC batch inserts of 1000 points per transaction into the
 * store's own metrics table, with nothing else (no HTTP, no JSON, no validation, no latest-metric
 * upkeep). SQLite allows one writer, so its ceiling is one writing thread; PostgreSQL gets as many
 * threads as the HTTP benchmark has clients.
 */
final class RawJdbcCeiling {
    /** Run ids far above the store's own, fresh for every call so repeated rounds never collide. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_RUN_ID = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

    private RawJdbcCeiling() {
    }

    static double pointsPerSecond(String jdbcUrl, int threads, int batchesPerThread, int batchSize) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long runId = NEXT_RUN_ID.getAndIncrement();
            done.add(pool.submit(() -> {
                // The fastest plain JDBC can do: PostgreSQL's driver rewrites the batch into multi-row INSERTs.
                String url = jdbcUrl.startsWith("jdbc:postgresql:") ? jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                        + "reWriteBatchedInserts=true" : jdbcUrl;
                try (Connection connection = DriverManager.getConnection(url)) {
                    try (Statement pragma = connection.createStatement()) {
                        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                            pragma.execute("PRAGMA journal_mode=WAL");
                            pragma.execute("PRAGMA synchronous=NORMAL");
                            pragma.execute("PRAGMA busy_timeout=30000");
                        }
                    }
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO metrics (run_id, key, step, timestamp, value, is_nan) VALUES (?, ?, ?, ?, ?, 0)")) {
                        long step = 0;
                        for (int b = 0; b < batchesPerThread; b++) {
                            for (int i = 0; i < batchSize; i++) {
                                insert.setLong(1, runId);
                                insert.setString(2, "metric_" + (i % 10));
                                insert.setLong(3, step++);
                                insert.setLong(4, 1_700_000_000_000L + step);
                                insert.setDouble(5, Math.sin(step));
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return (double) threads * batchesPerThread * batchSize / seconds;
    }
}
