package dev.atoll.tracking.store.jdbc;

import dev.atoll.jdbc.SqlQuery;
import dev.atoll.tracking.Dataset;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunData;
import dev.atoll.tracking.RunInfo;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads whole runs (info, latest metrics, params, tags, inputs) for a page of internal ids with one
 * query per table, never one per run.
 */
final class RunLoader {
    /** Bind variables per IN list; both databases accept far more, this keeps statements cacheable and small. */
    private static final int CHUNK = 500;

    List<Run> load(Connection connection, List<Long> ids) throws SQLException {
        List<Run> runs = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            runs.addAll(loadChunk(connection, ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return runs;
    }

    /** The runs' own columns only: what a write needs to check that its run is active. */
    Map<Long, RunInfo> infos(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, RunInfo> infos = new HashMap<>();
        query(connection, "SELECT id, run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri,"
                + " lifecycle_stage FROM runs WHERE id IN ", ids, row -> infos.put(row.getLong(1), new RunInfo(
                row.getString(2), Long.toString(row.getLong(3)), row.getString(4), row.getString(5),
                RunStatus.valueOf(row.getString(6)), nullableLong(row, 7), nullableLong(row, 8), row.getString(9),
                LifecycleStage.fromWireName(row.getString(10)))));
        return infos;
    }

    private List<Run> loadChunk(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, RunInfo> infos = infos(connection, ids);
        Map<Long, List<Metric>> metrics = new HashMap<>();
        Map<Long, List<Param>> params = new HashMap<>();
        Map<Long, List<Tag>> tags = new HashMap<>();
        query(connection, "SELECT run_id, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_id IN ", ids,
                row -> metrics.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(MetricRows.metric(row, 2)));
        query(connection, "SELECT run_id, key, value FROM params WHERE run_id IN ", ids,
                row -> params.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Param(row.getString(2), row.getString(3))));
        query(connection, "SELECT run_id, key, value FROM tags WHERE run_id IN ", ids,
                row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Tag(row.getString(2), row.getString(3))));
        Map<Long, List<DatasetInput>> inputs = inputs(connection, ids);

        List<Run> runs = new ArrayList<>(ids.size());
        for (Long id : ids) {
            RunInfo info = infos.get(id);
            if (info == null) {
                continue;
            }
            List<Metric> runMetrics = metrics.getOrDefault(id, List.of());
            List<Param> runParams = params.getOrDefault(id, List.of());
            List<Tag> runTags = tags.getOrDefault(id, List.of());
            runs.add(new Run(info, new RunData(
                    sorted(runMetrics, Comparator.comparing(Metric::key)),
                    sorted(runParams, Comparator.comparing(Param::key)),
                    sorted(runTags, Comparator.comparing(Tag::key))),
                    inputs.getOrDefault(id, List.of())));
        }
        return runs;
    }

    private Map<Long, List<DatasetInput>> inputs(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Long> runOfInput = new LinkedHashMap<>();
        Map<Long, Dataset> datasetOfInput = new HashMap<>();
        query(connection, "SELECT i.id, i.run_id, d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile"
                + " FROM inputs i JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id IN ", ids, row -> {
                    runOfInput.put(row.getLong(1), row.getLong(2));
                    datasetOfInput.put(row.getLong(1), new Dataset(row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8)));
                });
        if (runOfInput.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Tag>> inputTags = new HashMap<>();
        List<Long> inputIds = new ArrayList<>(runOfInput.keySet());
        query(connection, "SELECT input_id, key, value FROM input_tags WHERE input_id IN ", inputIds,
                row -> inputTags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Tag(row.getString(2), row.getString(3))));
        Map<Long, List<DatasetInput>> result = new HashMap<>();
        for (Map.Entry<Long, Long> entry : runOfInput.entrySet()) {
            result.computeIfAbsent(entry.getValue(), id -> new ArrayList<>()).add(new DatasetInput(
                    sorted(inputTags.getOrDefault(entry.getKey(), List.of()), Comparator.comparing(Tag::key)),
                    datasetOfInput.get(entry.getKey())));
        }
        return result;
    }

    private static void query(Connection connection, String sql, List<Long> ids, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = new SqlQuery().sql(sql).list(ids).prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                consumer.accept(rows);
            }
        }
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }
}
