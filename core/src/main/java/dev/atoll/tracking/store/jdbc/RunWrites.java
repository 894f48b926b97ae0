package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.SqlDialect;
import dev.atoll.tracking.Dataset;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batched writes of log-batch and log-inputs, inside the caller's transaction. Rows are written
 * in key order, so that concurrent batches to one run lock them in the same order: on PostgreSQL,
 * two batches naming the same keys in different orders would otherwise deadlock.
 */
final class RunWrites {
    private static final Comparator<Metric> METRIC_ORDER = Comparator.comparing(Metric::key).thenComparingLong(Metric::step)
            .thenComparingLong(Metric::timestamp).thenComparingDouble(Metric::value);

    private RunWrites() {
    }

    /**
     * Params are write-once: the same value again is a no-op, another value fails the whole batch.
     * Another transaction may log the same key between the read and the insert (PostgreSQL runs
     * writers concurrently): the insert then skips it, and the value it committed must be the same.
     */
    static void insertParams(Connection connection, long runId, String runUuid, List<Param> params) throws SQLException {
        if (params.isEmpty()) {
            return;
        }
        Map<String, String> existing = storedParams(connection, runId);
        List<Param> fresh = new ArrayList<>();
        for (Param param : inKeyOrder(params, Comparator.comparing(Param::key))) {
            String old = existing.get(param.key());
            if (old == null) {
                fresh.add(param);
            } else if (!old.equals(param.value())) {
                throw changedParam(runUuid, param, old);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        int[] inserted;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (run_id, key) DO NOTHING")) {
            for (Param param : fresh) {
                insert.setLong(1, runId);
                insert.setString(2, param.key());
                insert.setString(3, param.value());
                insert.addBatch();
            }
            inserted = insert.executeBatch();
        }
        if (Arrays.stream(inserted).allMatch(count -> count == 1)) {
            return;
        }
        Map<String, String> committed = storedParams(connection, runId);
        for (Param param : fresh) {
            String value = committed.get(param.key());
            if (!param.value().equals(value)) {
                throw changedParam(runUuid, param, value);
            }
        }
    }

    private static Map<String, String> storedParams(Connection connection, long runId) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT key, value FROM params WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return stored;
    }

    private static AtollException changedParam(String runUuid, Param param, String old) {
        return AtollException.invalidParameter("Changing param values is not allowed. Param with key='"
                + param.key() + "' was already logged with value='" + old + "' for run ID='" + runUuid
                + "'. Attempted logging new value '" + param.value() + "'.");
    }

    /**
     * Identical points are stored once; the latest point per key is kept in latest_metrics. On
     * PostgreSQL, ON CONFLICT costs a speculative insertion per row (1.8x a plain INSERT), so the
     * batch is tried plain behind a savepoint and only a batch that repeats a point pays it.
     */
    static void insertMetrics(Connection connection, SqlDialect dialect, long runId, List<Metric> metrics) throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        List<Metric> ordered = inKeyOrder(metrics, METRIC_ORDER);
        if (dialect == SqlDialect.POSTGRESQL) {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                insertPoints(connection, runId, ordered, "");
                connection.releaseSavepoint(beforeInsert);
            } catch (SQLException e) {
                if (!dialect.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(beforeInsert);
                insertPoints(connection, runId, ordered, " ON CONFLICT DO NOTHING");
            }
        } else {
            insertPoints(connection, runId, ordered, " ON CONFLICT DO NOTHING");
        }
        Map<String, Metric> latest = new TreeMap<>();
        for (Metric metric : ordered) {
            latest.merge(metric.key(), metric, (current, candidate) -> MetricRows.isLater(candidate, current) ? candidate : current);
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO latest_metrics (run_id, key, value, is_nan,"
                + " timestamp, step) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value,"
                + " is_nan = excluded.is_nan, timestamp = excluded.timestamp, step = excluded.step"
                + " WHERE excluded.step > latest_metrics.step"
                + " OR (excluded.step = latest_metrics.step AND excluded.timestamp > latest_metrics.timestamp)"
                + " OR (excluded.step = latest_metrics.step AND excluded.timestamp = latest_metrics.timestamp"
                + " AND excluded.is_nan = 0 AND (latest_metrics.is_nan = 1 OR excluded.value > latest_metrics.value))")) {
            for (Metric metric : latest.values()) {
                upsert.setLong(1, runId);
                upsert.setString(2, metric.key());
                MetricRows.bindValue(upsert, 3, metric.value());
                upsert.setLong(5, metric.timestamp());
                upsert.setLong(6, metric.step());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void insertPoints(Connection connection, long runId, List<Metric> points, String onConflict) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metrics (run_id, key, step, timestamp, value,"
                + " is_nan) VALUES (?, ?, ?, ?, ?, ?)" + onConflict)) {
            for (Metric metric : points) {
                insert.setLong(1, runId);
                insert.setString(2, metric.key());
                insert.setLong(3, metric.step());
                insert.setLong(4, metric.timestamp());
                MetricRows.bindValue(insert, 5, metric.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void upsertTags(Connection connection, long runId, List<Tag> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value")) {
            // A stable sort: of two tags with one key, the later still wins.
            for (Tag tag : inKeyOrder(tags, Comparator.comparing(Tag::key))) {
                upsert.setLong(1, runId);
                upsert.setString(2, tag.key());
                upsert.setString(3, tag.value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static <T> List<T> inKeyOrder(List<T> rows, Comparator<T> order) {
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return sorted;
    }

    /** A dataset is shared by the runs of an experiment that log the same name and digest. */
    static void insertInputs(Connection connection, long experimentId, long runId, List<DatasetInput> inputs) throws SQLException {
        for (DatasetInput input : inputs) {
            Dataset dataset = input.dataset();
            long datasetId = datasetId(connection, experimentId, dataset);
            Long inputId = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM inputs WHERE run_id = ? AND dataset_id = ?")) {
                select.setLong(1, runId);
                select.setLong(2, datasetId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        inputId = row.getLong(1);
                    }
                }
            }
            if (inputId == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO inputs (dataset_id, run_id) VALUES (?, ?) RETURNING id")) {
                    insert.setLong(1, datasetId);
                    insert.setLong(2, runId);
                    try (ResultSet key = insert.executeQuery()) {
                        key.next();
                        inputId = key.getLong(1);
                    }
                }
            }
            try (PreparedStatement tag = connection.prepareStatement("INSERT INTO input_tags (input_id, key, value) VALUES (?, ?, ?)"
                    + " ON CONFLICT (input_id, key) DO UPDATE SET value = excluded.value")) {
                for (Tag inputTag : input.tags()) {
                    tag.setLong(1, inputId);
                    tag.setString(2, inputTag.key());
                    tag.setString(3, inputTag.value());
                    tag.addBatch();
                }
                tag.executeBatch();
            }
        }
    }

    private static long datasetId(Connection connection, long experimentId, Dataset dataset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM datasets WHERE experiment_id = ? AND name = ? AND digest = ?")) {
            select.setLong(1, experimentId);
            select.setString(2, dataset.name());
            select.setString(3, dataset.digest());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO datasets (experiment_id, name, digest,"
                + " source_type, source, schema_json, profile) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, experimentId);
            insert.setString(2, dataset.name());
            insert.setString(3, dataset.digest());
            insert.setString(4, dataset.sourceType());
            insert.setString(5, dataset.source());
            insert.setString(6, dataset.schema());
            insert.setString(7, dataset.profile());
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
