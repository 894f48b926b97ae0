package dev.atoll.registry.store.jdbc;

import dev.atoll.registry.AuditEntry;
import dev.atoll.registry.LoggedModel;
import dev.atoll.registry.ModelAlias;
import dev.atoll.registry.ModelStage;
import dev.atoll.registry.ModelVersion;
import dev.atoll.registry.RegisteredModel;
import dev.atoll.registry.RegistryTransaction;
import dev.atoll.registry.webhooks.WebhookDelivery;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of one registry transaction on one connection. */
final class JdbcRegistryTransaction extends JdbcStatements implements RegistryTransaction {
    /** Bind variables per IN list: a page of runs can hold 50,000; this keeps each statement small. */
    private static final int IN_LIST_CHUNK = 500;

    JdbcRegistryTransaction(Connection connection) {
        super(connection);
    }

    // ---- registered models

    @Override
    public Optional<RegisteredModel> model(String name) {
        List<RegisteredModel> found = query("SELECT * FROM registered_models WHERE name = ?", this::modelRow, name);
        return found.stream().findFirst().map(m -> withTagsAndAliases(m, modelTags(name), aliases(name)));
    }

    @Override
    public List<RegisteredModel> allModels() {
        Map<String, List<Tag>> tags = new HashMap<>();
        query("SELECT name, tag_key, tag_value FROM registered_model_tags ORDER BY name, tag_key", rs -> {
            tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Tag(rs.getString(2), rs.getString(3)));
            return null;
        });
        Map<String, List<ModelAlias>> aliases = new HashMap<>();
        query("SELECT name, alias, version FROM registered_model_aliases ORDER BY name, alias", rs -> {
            aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ModelAlias(rs.getString(2), rs.getLong(3)));
            return null;
        });
        return query("SELECT * FROM registered_models ORDER BY name", this::modelRow).stream()
                .map(m -> withTagsAndAliases(m, tags.getOrDefault(m.name(), List.of()), aliases.getOrDefault(m.name(), List.of())))
                .toList();
    }

    private RegisteredModel modelRow(ResultSet rs) throws SQLException {
        return new RegisteredModel(rs.getString("name"), rs.getLong("creation_time"), rs.getLong("last_updated_time"),
                rs.getString("user_id"), rs.getString("description"), List.of(), List.of(), List.of());
    }

    private static RegisteredModel withTagsAndAliases(RegisteredModel m, List<Tag> tags, List<ModelAlias> aliases) {
        return new RegisteredModel(m.name(), m.creationTime(), m.lastUpdatedTime(), m.userId(), m.description(),
                List.copyOf(tags), List.copyOf(aliases), List.of());
    }

    private List<Tag> modelTags(String name) {
        return query("SELECT tag_key, tag_value FROM registered_model_tags WHERE name = ? ORDER BY tag_key",
                rs -> new Tag(rs.getString(1), rs.getString(2)), name);
    }

    private List<ModelAlias> aliases(String name) {
        return query("SELECT alias, version FROM registered_model_aliases WHERE name = ? ORDER BY alias",
                rs -> new ModelAlias(rs.getString(1), rs.getLong(2)), name);
    }

    @Override
    public void insertModel(RegisteredModel model) {
        update("INSERT INTO registered_models (name, creation_time, last_updated_time, user_id, description, next_version)"
                + " VALUES (?, ?, ?, ?, ?, 1)", model.name(), model.creationTime(), model.lastUpdatedTime(), model.userId(), model.description());
        model.tags().forEach(tag -> setModelTag(model.name(), tag));
    }

    @Override
    public void updateModelDescription(String name, String description, long time) {
        update("UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?", description, time, name);
    }

    @Override
    public void touchModel(String name, long time) {
        update("UPDATE registered_models SET last_updated_time = ? WHERE name = ?", time, name);
    }

    @Override
    public void renameModel(String name, String newName, long time) {
        update("UPDATE registered_models SET name = ?, last_updated_time = ? WHERE name = ?", newName, time, name);
        for (String table : List.of("registered_model_tags", "registered_model_aliases", "model_versions", "model_version_tags")) {
            update("UPDATE " + table + " SET name = ? WHERE name = ?", newName, name);
        }
    }

    @Override
    public void deleteModel(String name) {
        for (String table : List.of("registered_model_tags", "registered_model_aliases", "model_version_tags", "model_versions", "registered_models")) {
            update("DELETE FROM " + table + " WHERE name = ?", name);
        }
    }

    @Override
    public long nextVersion(String name) {
        // Increment first: the update locks the model's row (PostgreSQL), so concurrent creates queue up
        // instead of reading the same number.
        update("UPDATE registered_models SET next_version = next_version + 1 WHERE name = ?", name);
        return query("SELECT next_version FROM registered_models WHERE name = ?", rs -> rs.getLong(1), name).get(0) - 1;
    }

    @Override
    public void setModelTag(String name, Tag tag) {
        update("DELETE FROM registered_model_tags WHERE name = ? AND tag_key = ?", name, tag.key());
        update("INSERT INTO registered_model_tags (name, tag_key, tag_value) VALUES (?, ?, ?)", name, tag.key(), tag.value());
    }

    @Override
    public boolean deleteModelTag(String name, String key) {
        return update("DELETE FROM registered_model_tags WHERE name = ? AND tag_key = ?", name, key) > 0;
    }

    @Override
    public void setAlias(String name, String alias, long version) {
        update("DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias);
        update("INSERT INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?)", name, alias, version);
    }

    @Override
    public boolean deleteAlias(String name, String alias) {
        return update("DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias) > 0;
    }

    // ---- model versions

    @Override
    public Optional<ModelVersion> version(String name, long version) {
        return query("SELECT * FROM model_versions WHERE name = ? AND version = ?", this::versionRow, name, version).stream()
                .findFirst()
                .map(v -> v.withTagsAndAliases(
                        query("SELECT tag_key, tag_value FROM model_version_tags WHERE name = ? AND version = ? ORDER BY tag_key",
                                rs -> new Tag(rs.getString(1), rs.getString(2)), name, version),
                        query("SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? ORDER BY alias",
                                rs -> rs.getString(1), name, version)));
    }

    @Override
    public List<ModelVersion> versions(String name) {
        String where = name == null ? "" : " WHERE name = ?";
        Object[] args = name == null ? new Object[0] : new Object[] {name};
        Map<String, List<Tag>> tags = new HashMap<>();
        query("SELECT name, version, tag_key, tag_value FROM model_version_tags" + where + " ORDER BY tag_key", rs -> {
            tags.computeIfAbsent(rs.getString(1) + "\0" + rs.getLong(2), k -> new ArrayList<>()).add(new Tag(rs.getString(3), rs.getString(4)));
            return null;
        }, args);
        Map<String, List<String>> aliases = new HashMap<>();
        query("SELECT name, version, alias FROM registered_model_aliases" + where + " ORDER BY alias", rs -> {
            aliases.computeIfAbsent(rs.getString(1) + "\0" + rs.getLong(2), k -> new ArrayList<>()).add(rs.getString(3));
            return null;
        }, args);
        return query("SELECT * FROM model_versions" + where + " ORDER BY name, version", this::versionRow, args).stream()
                .map(v -> v.withTagsAndAliases(tags.getOrDefault(v.name() + "\0" + v.version(), List.of()),
                        aliases.getOrDefault(v.name() + "\0" + v.version(), List.of())))
                .toList();
    }

    private ModelVersion versionRow(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString("name"), rs.getLong("version"), rs.getLong("creation_time"),
                rs.getLong("last_updated_time"), rs.getString("user_id"), ModelStage.parse(rs.getString("current_stage")),
                rs.getString("description"), rs.getString("source"), rs.getString("storage_location"), rs.getString("run_id"),
                rs.getString("run_link"), rs.getString("status"), rs.getString("status_message"), rs.getString("model_id"),
                List.of(), List.of());
    }

    @Override
    public void insertVersion(ModelVersion v) {
        update("INSERT INTO model_versions (name, version, creation_time, last_updated_time, user_id, current_stage, description,"
                        + " source, storage_location, run_id, run_link, status, status_message, model_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.name(), v.version(), v.creationTime(), v.lastUpdatedTime(), v.userId(), v.stage().label(), v.description(),
                v.source(), v.storageLocation(), v.runId(), v.runLink(), v.status(), v.statusMessage(), v.modelId());
        v.tags().forEach(tag -> setVersionTag(v.name(), v.version(), tag));
    }

    @Override
    public void updateVersionDescription(String name, long version, String description, long time) {
        update("UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND version = ?", description, time, name, version);
    }

    @Override
    public void updateVersionStage(String name, long version, ModelStage stage, long time) {
        update("UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                stage.label(), time, name, version);
    }

    @Override
    public void deleteVersion(String name, long version) {
        update("DELETE FROM model_version_tags WHERE name = ? AND version = ?", name, version);
        update("DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", name, version);
        update("DELETE FROM model_versions WHERE name = ? AND version = ?", name, version);
    }

    @Override
    public void setVersionTag(String name, long version, Tag tag) {
        update("DELETE FROM model_version_tags WHERE name = ? AND version = ? AND tag_key = ?", name, version, tag.key());
        update("INSERT INTO model_version_tags (name, version, tag_key, tag_value) VALUES (?, ?, ?, ?)", name, version, tag.key(), tag.value());
    }

    @Override
    public boolean deleteVersionTag(String name, long version, String key) {
        return update("DELETE FROM model_version_tags WHERE name = ? AND version = ? AND tag_key = ?", name, version, key) > 0;
    }

    // ---- logged models

    @Override
    public void insertLoggedModel(LoggedModel m) {
        update("INSERT INTO logged_models (model_id, experiment_id, name, creation_time, last_updated_time, artifact_uri, status,"
                        + " status_message, creator_id, model_type, source_run_id, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                m.modelId(), m.experimentId(), m.name(), m.creationTime(), m.lastUpdatedTime(), m.artifactUri(), m.status().name(),
                m.statusMessage(), m.creatorId(), m.modelType(), m.sourceRunId());
        m.tags().forEach(tag -> setLoggedModelTag(m.modelId(), tag));
        m.params().forEach(param -> setLoggedModelParam(m.modelId(), param));
    }

    @Override
    public Optional<LoggedModel> loggedModel(String modelId) {
        return query("SELECT * FROM logged_models WHERE model_id = ?", this::loggedModelRow, modelId).stream().findFirst()
                .map(this::withTagsAndParams);
    }

    @Override
    public List<LoggedModel> loggedModels(List<String> experimentIds) {
        if (experimentIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(experimentIds.size(), "?"));
        return query("SELECT * FROM logged_models WHERE deleted = 0 AND experiment_id IN (" + marks + ")"
                + " ORDER BY creation_time DESC, model_id", this::loggedModelRow, experimentIds.toArray()).stream()
                .map(this::withTagsAndParams).toList();
    }

    private LoggedModel withTagsAndParams(LoggedModel m) {
        return m.with(
                query("SELECT tag_key, tag_value FROM logged_model_tags WHERE model_id = ? ORDER BY tag_key",
                        rs -> new Tag(rs.getString(1), rs.getString(2)), m.modelId()),
                query("SELECT param_key, param_value FROM logged_model_params WHERE model_id = ? ORDER BY param_key",
                        rs -> new dev.atoll.tracking.Param(rs.getString(1), rs.getString(2)), m.modelId()));
    }

    private LoggedModel loggedModelRow(ResultSet rs) throws SQLException {
        return new LoggedModel(rs.getString("model_id"), rs.getString("experiment_id"), rs.getString("name"),
                rs.getLong("creation_time"), rs.getLong("last_updated_time"), rs.getString("artifact_uri"),
                LoggedModel.Status.parse(rs.getString("status")), rs.getString("status_message"), rs.getString("creator_id"),
                rs.getString("model_type"), rs.getString("source_run_id"), rs.getInt("deleted") != 0, List.of(), List.of());
    }

    @Override
    public void updateLoggedModelStatus(String modelId, LoggedModel.Status status, long time) {
        update("UPDATE logged_models SET status = ?, last_updated_time = ? WHERE model_id = ?", status.name(), time, modelId);
    }

    @Override
    public void markLoggedModelDeleted(String modelId, long time) {
        update("UPDATE logged_models SET deleted = 1, last_updated_time = ? WHERE model_id = ?", time, modelId);
    }

    @Override
    public void setLoggedModelTag(String modelId, Tag tag) {
        update("DELETE FROM logged_model_tags WHERE model_id = ? AND tag_key = ?", modelId, tag.key());
        update("INSERT INTO logged_model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)", modelId, tag.key(), tag.value());
    }

    @Override
    public boolean deleteLoggedModelTag(String modelId, String key) {
        return update("DELETE FROM logged_model_tags WHERE model_id = ? AND tag_key = ?", modelId, key) > 0;
    }

    @Override
    public void setLoggedModelParam(String modelId, dev.atoll.tracking.Param param) {
        update("DELETE FROM logged_model_params WHERE model_id = ? AND param_key = ?", modelId, param.key());
        update("INSERT INTO logged_model_params (model_id, param_key, param_value) VALUES (?, ?, ?)", modelId, param.key(), param.value());
    }

    @Override
    public void insertLoggedModelOutput(String runId, LoggedModelOutput output) {
        update("INSERT INTO logged_model_outputs (run_id, model_id, step) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                runId, output.modelId(), output.step());
    }

    @Override
    public Map<String, List<LoggedModelOutput>> loggedModelOutputs(List<String> runIds) {
        Map<String, List<LoggedModelOutput>> outputs = new HashMap<>();
        for (int from = 0; from < runIds.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = runIds.subList(from, Math.min(runIds.size(), from + IN_LIST_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            query("SELECT run_id, model_id, step FROM logged_model_outputs WHERE run_id IN (" + marks + ")"
                    + " ORDER BY run_id, step, model_id",
                    rs -> outputs.computeIfAbsent(rs.getString("run_id"), id -> new ArrayList<>())
                            .add(new LoggedModelOutput(rs.getString("model_id"), rs.getLong("step"))), chunk.toArray());
        }
        return outputs;
    }

    // ---- audit and webhooks

    @Override
    public void appendAudit(AuditEntry e) {
        update("INSERT INTO registry_audit (change_time, actor, action, model_name, version, field, value_before, value_after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.time(), e.actor(), e.action(), e.modelName(), e.version(), e.field(), e.before(), e.after());
    }

    @Override
    public List<AuditEntry> audit(String modelName, int offset, int limit) {
        String where = modelName == null ? "" : " WHERE model_name = ?";
        List<Object> args = new ArrayList<>();
        if (modelName != null) {
            args.add(modelName);
        }
        args.add(limit);
        args.add(offset);
        return query("SELECT * FROM registry_audit" + where + " ORDER BY id LIMIT ? OFFSET ?", rs -> new AuditEntry(
                rs.getLong("id"), rs.getLong("change_time"), rs.getString("actor"), rs.getString("action"), rs.getString("model_name"),
                nullableLong(rs, "version"), rs.getString("field"), rs.getString("value_before"), rs.getString("value_after")), args.toArray());
    }

    @Override
    public void enqueueDelivery(WebhookDelivery d) {
        update("INSERT INTO registry_webhook_deliveries (id, url, event, payload, status, attempts, created_time, next_attempt_time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", d.id(), d.url(), d.event(), d.payload(), d.status().name(), d.attempts(),
                d.createdTime(), d.nextAttemptTime());
    }

    @Override
    public List<WebhookDelivery> dueDeliveries(long now, int limit) {
        return query("SELECT * FROM registry_webhook_deliveries WHERE status = 'PENDING' AND next_attempt_time <= ?"
                + " ORDER BY created_time, id LIMIT ?", this::deliveryRow, now, limit);
    }

    @Override
    public void recordAttempt(WebhookDelivery d, WebhookDelivery.Attempt attempt) {
        update("UPDATE registry_webhook_deliveries SET status = ?, attempts = ?, next_attempt_time = ? WHERE id = ?",
                d.status().name(), d.attempts(), d.nextAttemptTime(), d.id());
        update("INSERT INTO registry_webhook_attempts (delivery_id, attempt, attempt_time, status_code, error) VALUES (?, ?, ?, ?, ?)",
                d.id(), attempt.number(), attempt.time(), attempt.statusCode(), attempt.error());
    }

    @Override
    public List<WebhookDelivery> deliveries(int offset, int limit) {
        List<WebhookDelivery> rows = query("SELECT * FROM registry_webhook_deliveries ORDER BY created_time DESC, id LIMIT ? OFFSET ?",
                this::deliveryRow, limit, offset);
        List<WebhookDelivery> withHistory = new ArrayList<>();
        for (WebhookDelivery d : rows) {
            List<WebhookDelivery.Attempt> history = query(
                    "SELECT * FROM registry_webhook_attempts WHERE delivery_id = ? ORDER BY attempt", rs -> new WebhookDelivery.Attempt(
                            rs.getInt("attempt"), rs.getLong("attempt_time"), nullableInt(rs), rs.getString("error")), d.id());
            withHistory.add(new WebhookDelivery(d.id(), d.url(), d.event(), d.payload(), d.status(), d.attempts(), d.createdTime(),
                    d.nextAttemptTime(), history));
        }
        return withHistory;
    }

    private static Integer nullableInt(ResultSet rs) throws SQLException {
        int value = rs.getInt("status_code");
        return rs.wasNull() ? null : value;
    }

    private WebhookDelivery deliveryRow(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getString("id"), rs.getString("url"), rs.getString("event"), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getLong("created_time"),
                rs.getLong("next_attempt_time"), List.of());
    }
}
