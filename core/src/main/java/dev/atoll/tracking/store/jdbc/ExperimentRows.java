package dev.atoll.tracking.store.jdbc;

import dev.atoll.jdbc.SqlQuery;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an experiment with its tags. */
final class ExperimentRows {

    Optional<Experiment> load(Connection connection, String condition, Object value) throws SQLException {
        long id;
        String name;
        String location;
        String stage;
        long created;
        long updated;
        try (PreparedStatement select = new SqlQuery().sql("SELECT e.experiment_id, e.name, e.artifact_location,"
                + " e.lifecycle_stage, e.creation_time, e.last_update_time FROM experiments e WHERE " + condition, value)
                .prepare(connection); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            id = row.getLong(1);
            name = row.getString(2);
            location = row.getString(3);
            stage = row.getString(4);
            created = row.getLong(5);
            updated = row.getLong(6);
        }
        List<Tag> tags = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key, value FROM experiment_tags WHERE experiment_id = ? ORDER BY key")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tags.add(new Tag(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return Optional.of(new Experiment(Long.toString(id), name, location, LifecycleStage.fromWireName(stage),
                created, updated, tags));
    }
}
