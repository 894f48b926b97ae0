package dev.atoll.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Random;
import java.util.UUID;

/**
 * Fills an experiment with runs × metrics × params straight through JDBC in large transactions:
 * setting up 100,000 runs through the API would measure the setup, not the search. Rows are exactly
 * what the store writes (runs, metrics, latest_metrics, params, the run-name tag).
 */
final class SearchDataset {
    static final String[] OPTIMIZERS = {"adam", "sgd", "rmsprop", "adagrad"};

    private SearchDataset() {
    }

    static void fill(String jdbcUrl, long experimentId, int runs, int metrics, int params) throws Exception {
        Random random = new Random(42);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs (id, run_uuid, experiment_id, name,"
                    + " user_id, status, start_time, end_time, artifact_uri, lifecycle_stage) VALUES (?, ?, ?, ?, 'bench',"
                    + " 'FINISHED', ?, ?, ?, 'active')");
                 PreparedStatement metric = connection.prepareStatement("INSERT INTO metrics (run_id, key, step, timestamp,"
                         + " value, is_nan) VALUES (?, ?, 0, ?, ?, 0)");
                 PreparedStatement latest = connection.prepareStatement("INSERT INTO latest_metrics (run_id, key, value,"
                         + " is_nan, timestamp, step) VALUES (?, ?, ?, 0, ?, 0)");
                 PreparedStatement param = connection.prepareStatement("INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)");
                 PreparedStatement tag = connection.prepareStatement("INSERT INTO tags (run_id, key, value) VALUES (?, 'mlflow.runName', ?)")) {
                for (int i = 1; i <= runs; i++) {
                    long id = 10_000_000L + i;
                    String uuid = UUID.nameUUIDFromBytes(("run" + i).getBytes()).toString().replace("-", "");
                    long start = 1_700_000_000_000L + i * 1000L;
                    run.setLong(1, id);
                    run.setString(2, uuid);
                    run.setLong(3, experimentId);
                    run.setString(4, "run-" + i);
                    run.setLong(5, start);
                    run.setLong(6, start + 500);
                    run.setString(7, "mlflow-artifacts:/" + experimentId + "/" + uuid + "/artifacts");
                    run.addBatch();
                    tag.setLong(1, id);
                    tag.setString(2, "run-" + i);
                    tag.addBatch();
                    for (int m = 0; m < metrics; m++) {
                        double value = random.nextDouble();
                        metric.setLong(1, id);
                        metric.setString(2, "metric_" + m);
                        metric.setLong(3, start);
                        metric.setDouble(4, value);
                        metric.addBatch();
                        latest.setLong(1, id);
                        latest.setString(2, "metric_" + m);
                        latest.setDouble(3, value);
                        latest.setLong(4, start);
                        latest.addBatch();
                    }
                    for (int p = 0; p < params; p++) {
                        param.setLong(1, id);
                        param.setString(2, "param_" + p);
                        param.setString(3, p == 0 ? OPTIMIZERS[random.nextInt(OPTIMIZERS.length)] : Integer.toString(random.nextInt(100)));
                        param.addBatch();
                    }
                    if (i % 1000 == 0 || i == runs) {
                        run.executeBatch();
                        tag.executeBatch();
                        metric.executeBatch();
                        latest.executeBatch();
                        param.executeBatch();
                        connection.commit();
                    }
                }
            }
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
            connection.commit();
        }
    }
}
