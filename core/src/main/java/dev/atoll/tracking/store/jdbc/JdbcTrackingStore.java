package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.jdbc.Database;
import dev.atoll.jdbc.SqlDialect;
import dev.atoll.jdbc.SqlQuery;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.ExperimentQuery;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.MetricSink;
import dev.atoll.tracking.NewRun;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunInfo;
import dev.atoll.tracking.RunQuery;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;
import dev.atoll.tracking.TrackingStore;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The tracking store on SQLite or PostgreSQL. Each method is one transaction. */
public final class JdbcTrackingStore implements TrackingStore {
    private final Database database;
    private final SqlDialect dialect;
    private final RunSearchSql runSearch;
    private final ExperimentSearchSql experimentSearch;
    private final RunLoader loader = new RunLoader();
    private final ExperimentRows experiments = new ExperimentRows();

    public JdbcTrackingStore(Database database) {
        this.database = database;
        this.dialect = database.dialect();
        this.runSearch = new RunSearchSql(dialect);
        this.experimentSearch = new ExperimentSearchSql(dialect);
    }

    // ---- experiments

    @Override
    public String createExperiment(String name, String artifactLocation, List<Tag> tags, long creationTime) {
        try {
            return database.write(connection -> {
                String idValue = dialect == SqlDialect.POSTGRESQL ? "nextval('experiment_ids')" : "NULL";
                long id;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiments (experiment_id, name,"
                        + " artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (" + idValue
                        + ", ?, '', 'active', ?, ?) RETURNING experiment_id")) {
                    insert.setString(1, name);
                    insert.setLong(2, creationTime);
                    insert.setLong(3, creationTime);
                    try (ResultSet key = insert.executeQuery()) {
                        key.next();
                        id = key.getLong(1);
                    }
                }
                String location = artifactLocation != null ? artifactLocation : "mlflow-artifacts:/" + id;
                execute(connection, new SqlQuery().sql("UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?",
                        location, id));
                for (Tag tag : tags) {
                    upsertExperimentTag(connection, id, tag);
                }
                return Long.toString(id);
            });
        } catch (AtollException e) {
            if (e.code() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                throw AtollException.alreadyExists("Experiment '" + name + "' already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Experiment> experiment(String experimentId) {
        Long id = numericId(experimentId);
        if (id == null) {
            return Optional.empty();
        }
        return database.read(connection -> experiments.load(connection, "e.experiment_id = ?", id));
    }

    @Override
    public Optional<Experiment> experimentByName(String name) {
        return database.read(connection -> experiments.load(connection, "e.name = ?", name));
    }

    @Override
    public List<Experiment> searchExperiments(ExperimentQuery query) {
        SqlQuery sql = experimentSearch.page(query);
        return database.read(connection -> {
            List<Long> ids = ids(connection, sql);
            List<Experiment> found = new ArrayList<>(ids.size());
            for (Long id : ids) {
                experiments.load(connection, "e.experiment_id = ?", id).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public void renameExperiment(String experimentId, String newName, long updateTime) {
        long id = requireExperiment(experimentId);
        try {
            database.write(connection -> execute(connection, new SqlQuery().sql(
                    "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?", newName, updateTime, id)));
        } catch (AtollException e) {
            if (e.code() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                throw AtollException.alreadyExists("Experiment '" + newName + "' already exists.");
            }
            throw e;
        }
    }

    @Override
    public void setExperimentLifecycle(String experimentId, LifecycleStage stage, long updateTime) {
        long id = requireExperiment(experimentId);
        database.write(connection -> {
            execute(connection, new SqlQuery().sql("UPDATE experiments SET lifecycle_stage = ?, last_update_time = ?"
                    + " WHERE experiment_id = ?", stage.wireName(), updateTime, id));
            // As MLflow: deleting an experiment deletes its runs; restoring it restores them.
            if (stage == LifecycleStage.DELETED) {
                execute(connection, new SqlQuery().sql("UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?"
                        + " WHERE experiment_id = ? AND lifecycle_stage = 'active'", updateTime, id));
            } else {
                execute(connection, new SqlQuery().sql("UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL"
                        + " WHERE experiment_id = ? AND lifecycle_stage = 'deleted'", id));
            }
            return null;
        });
    }

    @Override
    public void setExperimentTag(String experimentId, Tag tag) {
        long id = requireExperiment(experimentId);
        database.write(connection -> {
            upsertExperimentTag(connection, id, tag);
            return null;
        });
    }

    @Override
    public void deleteExperimentTag(String experimentId, String key) {
        long id = requireExperiment(experimentId);
        database.write(connection -> execute(connection,
                new SqlQuery().sql("DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?", id, key)));
    }

    // ---- runs

    @Override
    public Run createRun(NewRun run) {
        long experimentId = requireExperiment(run.experimentId());
        return database.write(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (run_uuid, experiment_id, name,"
                    + " user_id, status, start_time, artifact_uri, lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?, ?, 'active')"
                    + " RETURNING id")) {
                insert.setString(1, run.runId());
                insert.setLong(2, experimentId);
                insert.setString(3, run.runName());
                insert.setString(4, run.userId());
                insert.setString(5, RunStatus.RUNNING.name());
                insert.setLong(6, run.startTime());
                insert.setString(7, run.artifactUri());
                try (ResultSet key = insert.executeQuery()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
            RunWrites.upsertTags(connection, id, run.tags());
            return loader.load(connection, List.of(id)).get(0);
        });
    }

    @Override
    public Optional<Run> run(String runId) {
        return database.read(connection -> {
            Long id = internalId(connection, runId);
            return id == null ? Optional.<Run>empty() : loader.load(connection, List.of(id)).stream().findFirst();
        });
    }

    @Override
    public Optional<RunInfo> runInfo(String runId) {
        return database.read(connection -> {
            Long id = internalId(connection, runId);
            return id == null ? Optional.<RunInfo>empty() : Optional.ofNullable(loader.infos(connection, List.of(id)).get(id));
        });
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            SqlQuery update = new SqlQuery().sql("UPDATE runs SET run_uuid = run_uuid");
            if (status != null) {
                update.sql(", status = ?", status.name());
            }
            if (endTime != null) {
                update.sql(", end_time = ?", endTime);
            }
            if (runName != null) {
                update.sql(", name = ?", runName);
                RunWrites.upsertTags(connection, id, List.of(new Tag(Run.RUN_NAME_TAG, runName)));
            }
            return execute(connection, update.sql(" WHERE id = ?", id));
        });
    }

    @Override
    public void setRunLifecycle(String runId, LifecycleStage stage, long time) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            SqlQuery update = stage == LifecycleStage.DELETED
                    ? new SqlQuery().sql("UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE id = ?", time, id)
                    : new SqlQuery().sql("UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE id = ?", id);
            return execute(connection, update);
        });
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            RunWrites.insertParams(connection, id, runId, params);
            RunWrites.insertMetrics(connection, dialect, id, metrics);
            RunWrites.upsertTags(connection, id, tags);
            for (Tag tag : tags) {
                if (tag.key().equals(Run.RUN_NAME_TAG)) {
                    execute(connection, new SqlQuery().sql("UPDATE runs SET name = ? WHERE id = ?", tag.value(), id));
                }
            }
            return null;
        });
    }

    @Override
    public void deleteRunTag(String runId, String key) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            return execute(connection, new SqlQuery().sql("DELETE FROM tags WHERE run_id = ? AND key = ?", id, key));
        });
    }

    @Override
    public void changeRunTag(String runId, String key, UnaryOperator<String> change) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            // SQLite has one writer at a time already; PostgreSQL queues the next change of this run here.
            if (dialect == SqlDialect.POSTGRESQL) {
                try (PreparedStatement lock = new SqlQuery().sql("SELECT id FROM runs WHERE id = ? FOR UPDATE", id).prepare(connection)) {
                    lock.executeQuery().close();
                }
            }
            String current = null;
            try (PreparedStatement select = new SqlQuery().sql("SELECT value FROM tags WHERE run_id = ? AND key = ?", id, key)
                    .prepare(connection); ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    current = row.getString(1);
                }
            }
            RunWrites.upsertTags(connection, id, List.of(new Tag(key, change.apply(current))));
            return null;
        });
    }

    @Override
    public void logInputs(String runId, List<DatasetInput> inputs) {
        database.write(connection -> {
            long id = requireRun(connection, runId);
            long experimentId;
            try (PreparedStatement select = connection.prepareStatement("SELECT experiment_id FROM runs WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    experimentId = row.getLong(1);
                }
            }
            RunWrites.insertInputs(connection, experimentId, id, inputs);
            return null;
        });
    }

    @Override
    public List<Run> searchRuns(RunQuery query) {
        List<Long> experimentIds = new ArrayList<>();
        for (String experimentId : query.experimentIds()) {
            Long id = numericId(experimentId);
            if (id != null) {
                experimentIds.add(id);
            }
        }
        if (experimentIds.isEmpty()) {
            return List.of();
        }
        return database.read(connection -> loader.load(connection, pageIds(connection, query, experimentIds)));
    }

    /**
     * A page ordered by a metric comes in two parts: the runs ranked by that metric's index, then
     * the runs where it is NaN or missing. Only a page that starts exactly where the ranked part ends
     * needs to count it.
     */
    private List<Long> pageIds(Connection connection, RunQuery query, List<Long> experimentIds) throws SQLException {
        if (!RunSearchSql.firstOrderIsMetric(query)) {
            return ids(connection, runSearch.pageIds(query, experimentIds));
        }
        List<Long> page = ids(connection, runSearch.rankedByMetric(query, experimentIds, false));
        if (page.size() == query.limit()) {
            return page;
        }
        long ranked = !page.isEmpty() || query.offset() == 0 ? query.offset() + page.size()
                : ids(connection, runSearch.rankedByMetric(query, experimentIds, true)).get(0);
        List<Long> all = new ArrayList<>(page);
        all.addAll(ids(connection, runSearch.unrankedByMetric(query, experimentIds, query.limit() - page.size(),
                (int) Math.max(0, query.offset() - ranked))));
        return all;
    }

    @Override
    public void metricHistory(String runId, String metricKey, int offset, int limit, MetricSink sink) throws IOException {
        IOException failed = database.read(connection -> {
            long id = requireRun(connection, runId);
            // The key is the one asked for: not reading it back saves a million strings on a long history.
            try (PreparedStatement statement = new SqlQuery().sql("SELECT value, is_nan, timestamp, step FROM metrics"
                    + " WHERE run_id = ? AND key = ? ORDER BY step, timestamp, value LIMIT ? OFFSET ?",
                    id, metricKey, limit, offset).prepare(connection)) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new Metric(metricKey, rows.getInt(2) != 0 ? Double.NaN : rows.getDouble(1),
                                rows.getLong(3), rows.getLong(4)));
                    }
                }
            } catch (IOException e) {
                return e;
            }
            return null;
        });
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        database.close();
    }

    // ---- helpers

    private long requireExperiment(String experimentId) {
        Long id = numericId(experimentId);
        boolean exists = id != null && database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM experiments WHERE experiment_id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
        if (!exists) {
            throw AtollException.notFound("No Experiment with id=" + experimentId + " exists");
        }
        return id;
    }

    private static long requireRun(Connection connection, String runId) throws SQLException {
        Long id = internalId(connection, runId);
        if (id == null) {
            throw AtollException.notFound("Run with id=" + runId + " not found");
        }
        return id;
    }

    private static Long internalId(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM runs WHERE run_uuid = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private static void upsertExperimentTag(Connection connection, long experimentId, Tag tag) throws SQLException {
        execute(connection, new SqlQuery().sql("INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value", experimentId, tag.key(), tag.value()));
    }

    private static List<Long> ids(Connection connection, SqlQuery sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    static Void execute(Connection connection, SqlQuery sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection)) {
            statement.executeUpdate();
        }
        return null;
    }

    private static Long numericId(String experimentId) {
        try {
            return Long.parseLong(experimentId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
