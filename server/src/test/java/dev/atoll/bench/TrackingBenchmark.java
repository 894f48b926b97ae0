package dev.atoll.bench;

import dev.atoll.testing.PostgresServer;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Page;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.ViewType;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tracking benchmark of docs/benchmarks.md: ingestion (HTTP log-batch beside the raw JDBC
 * ceiling), search-runs on 100,000 runs, and a 1,000,000-point metric history, on SQLite and on
 * PostgreSQL. Run it with scripts/bench/tracking-bench.sh; it prints a Markdown table.
 */
public final class TrackingBenchmark {
    private static final int CLIENTS = 4;
    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 100_000);
        int historyPoints = Integer.getInteger("history", 1_000_000);
        int ingestBatches = Integer.getInteger("batches", 300);
        String only = System.getProperty("db", "sqlite,postgresql");
        List<String> rows = new ArrayList<>();
        for (String db : only.split(",")) {
            rows.addAll(bench(db.trim(), runs, historyPoints, ingestBatches));
        }
        System.out.println();
        System.out.println("| database | measure | result | reference in the same run | ratio |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> bench(String db, int runs, int historyPoints, int ingestBatches) throws Exception {
        List<String> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("atoll-bench-");
        String url = switch (db) {
            case "sqlite" -> "jdbc:sqlite:" + dir.resolve("atoll.db");
            case "postgresql" -> PostgresServer.shared().newDatabaseUrl();
            default -> throw new IllegalArgumentException("db must be sqlite or postgresql, not " + db);
        };
        log(db + ": " + url);
        try (TrackingStore store = JdbcTrackingStores.open(url)) {
            TrackingService service = new TrackingService(store, Clock.systemUTC());

            // 1. Ingestion: the raw ceiling and log-batch through HTTP with 4 clients, alternating,
            // the same number of points each; one unmeasured round first warms the JIT for both.
            int ceilingThreads = db.equals("sqlite") ? 1 : CLIENTS;
            int ceilingBatches = CLIENTS * ingestBatches / ceilingThreads;
            RawJdbcCeiling.pointsPerSecond(url, ceilingThreads, ceilingBatches / 4, BATCH);
            HttpIngestion.pointsPerSecond(store, service, CLIENTS, ingestBatches / 4, BATCH);
            List<Double> ceilings = new ArrayList<>();
            List<Double> https = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                ceilings.add(RawJdbcCeiling.pointsPerSecond(url, ceilingThreads, ceilingBatches, BATCH));
                https.add(HttpIngestion.pointsPerSecond(store, service, CLIENTS, ingestBatches, BATCH));
                log(String.format(Locale.ROOT, "round %d: raw JDBC %,.0f points/s (%d writer threads), HTTP log-batch %,.0f points/s"
                        + " (%d clients)", round + 1, ceilings.get(round), ceilingThreads, https.get(round), CLIENTS));
            }
            double ceiling = Stats.median(ceilings);
            double http = Stats.median(https);
            rows.add(String.format(Locale.ROOT, "| %s | log-batch over HTTP, %d clients × %d-point batches (median of 3) | %,.0f points/s"
                    + " | raw JDBC batch insert, %d thread(s): %,.0f points/s | %.2f |",
                    db, CLIENTS, BATCH, http, ceilingThreads, ceiling, http / ceiling));

            // 2. Search over runs × 20 metrics × 10 params.
            String experiment = service.createExperiment("search-bench", null, List.of());
            long start = System.nanoTime();
            SearchDataset.fill(url, Long.parseLong(experiment), runs, 20, 10);
            log(String.format(Locale.ROOT, "filled %,d runs in %.1f s", runs, (System.nanoTime() - start) / 1e9));
            if (db.equals("postgresql")) {
                // What autovacuum does after a bulk change, done now rather than a minute later.
                try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                        java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE");
                }
            }
            Stats search = new Stats();
            Stats searchHttp = new Stats();
            String filter = "metrics.metric_0 > 0.5 AND params.param_0 = 'adam'";
            List<String> order = List.of("metrics.metric_1 DESC");
            for (int warm = 0; warm < 5; warm++) {
                service.searchRuns(List.of(experiment), filter, ViewType.ACTIVE_ONLY, 100, order, null);
            }
            int matched = 0;
            for (int round = 0; round < 20; round++) {
                String token = null;
                for (int pageNo = 0; pageNo < 5; pageNo++) {
                    long t0 = System.nanoTime();
                    Page<Run> page = service.searchRuns(List.of(experiment), filter, ViewType.ACTIVE_ONLY, 100, order, token);
                    search.add(System.nanoTime() - t0);
                    matched = Math.max(matched, page.items().size());
                    token = page.nextPageToken();
                }
            }
            HttpSearch.measure(store, service, experiment, filter, order, searchHttp);
            rows.add(String.format(Locale.ROOT, "| %s | search-runs, %,d runs × 20 metrics × 10 params, `%s` order by"
                    + " `%s`, pages of 100 (in process) | median %.1f ms, p95 %.1f ms | target p95 ≤ 100 ms | %.2f |",
                    db, runs, filter, order.get(0), search.medianMs(), search.p95Ms(), search.p95Ms() / 100));
            rows.add(String.format(Locale.ROOT, "| %s | the same over HTTP (JSON of 100 whole runs) | median %.1f ms, p95 %.1f ms"
                    + " | target p95 ≤ 100 ms | %.2f |", db, searchHttp.medianMs(), searchHttp.p95Ms(), searchHttp.p95Ms() / 100));

            // 3. History of one metric with a million points.
            Run run = service.createRun("0", null, "history-bench", null, List.of());
            String runId = run.info().runId();
            List<Metric> batch = new ArrayList<>(BATCH);
            for (int step = 0; step < historyPoints; step++) {
                batch.add(new Metric("loss", 1.0 / (step + 1), 1_700_000_000_000L + step, step));
                if (batch.size() == BATCH) {
                    store.logBatch(runId, batch, List.of(), List.of());
                    batch.clear();
                }
            }
            Stats history = new Stats();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                int size = service.getMetricHistory(runId, "loss", null, null).items().size();
                history.add(System.nanoTime() - t0);
                if (size != historyPoints) {
                    throw new IllegalStateException("history returned " + size + " points, expected " + historyPoints);
                }
            }
            Stats historyHttp = HttpHistory.measure(store, service, runId, historyPoints);
            rows.add(String.format(Locale.ROOT, "| %s | get-history, %,d points (in process) | median %.0f ms | target ≤ 1000 ms | %.2f |",
                    db, historyPoints, history.medianMs(), history.medianMs() / 1000));
            rows.add(String.format(Locale.ROOT, "| %s | get-history over HTTP (%,d points of JSON) | median %.0f ms | target ≤ 1000 ms | %.2f |",
                    db, historyPoints, historyHttp.medianMs(), historyHttp.medianMs() / 1000));
        }
        return rows;
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }
}
