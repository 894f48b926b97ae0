package dev.atoll.server.registry;

import dev.atoll.server.KeyValueJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.registry.AuditEntry;
import dev.atoll.registry.Lineage;
import dev.atoll.registry.ModelAlias;
import dev.atoll.registry.ModelVersion;
import dev.atoll.registry.RegisteredModel;
import dev.atoll.registry.webhooks.WebhookDelivery;
import dev.atoll.tracking.Tag;

import java.util.List;

/** Registry objects as MLflow's JSON has them (proto field names, absent rather than null or empty). */
final class RegistryJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private RegistryJson() {
    }

    static ObjectNode model(RegisteredModel m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", m.name());
        node.put("creation_timestamp", m.creationTime());
        node.put("last_updated_timestamp", m.lastUpdatedTime());
        putIfPresent(node, "user_id", m.userId());
        putIfPresent(node, "description", m.description());
        if (!m.latestVersions().isEmpty()) {
            ArrayNode latest = node.putArray("latest_versions");
            m.latestVersions().forEach(v -> latest.add(version(v)));
        }
        tags(node, m.tags());
        if (!m.aliases().isEmpty()) {
            ArrayNode aliases = node.putArray("aliases");
            for (ModelAlias alias : m.aliases()) {
                aliases.addObject().put("alias", alias.alias()).put("version", Long.toString(alias.version()));
            }
        }
        return node;
    }

    static ObjectNode version(ModelVersion v) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", v.name());
        node.put("version", Long.toString(v.version()));
        node.put("creation_timestamp", v.creationTime());
        node.put("last_updated_timestamp", v.lastUpdatedTime());
        putIfPresent(node, "user_id", v.userId());
        node.put("current_stage", v.stage().label());
        putIfPresent(node, "description", v.description());
        node.put("source", v.source());
        putIfPresent(node, "run_id", v.runId());
        node.put("status", v.status());
        putIfPresent(node, "status_message", v.statusMessage());
        tags(node, v.tags());
        putIfPresent(node, "run_link", v.runLink());
        if (!v.aliases().isEmpty()) {
            ArrayNode aliases = node.putArray("aliases");
            v.aliases().forEach(aliases::add);
        }
        putIfPresent(node, "model_id", v.modelId());
        return node;
    }

    static ObjectNode audit(AuditEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", e.id());
        node.put("timestamp", e.time());
        putIfPresent(node, "user_id", e.actor());
        node.put("action", e.action());
        node.put("name", e.modelName());
        if (e.version() != null) {
            node.put("version", Long.toString(e.version()));
        }
        putIfPresent(node, "field", e.field());
        putIfPresent(node, "value_before", e.before());
        putIfPresent(node, "value_after", e.after());
        return node;
    }

    static ObjectNode lineage(Lineage l) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", l.name());
        node.put("version", Long.toString(l.version()));
        node.put("source", l.source());
        putIfPresent(node, "run_id", l.runId());
        putIfPresent(node, "run_link", l.runLink());
        putIfPresent(node, "experiment_id", l.experimentId());
        putIfPresent(node, "run_name", l.runName());
        putIfPresent(node, "code_repository", l.codeRepository());
        putIfPresent(node, "code_commit", l.codeCommit());
        putIfPresent(node, "data_repository", l.dataRepository());
        putIfPresent(node, "data_commit", l.dataCommit());
        if (!l.moduleVersions().isEmpty()) {
            ObjectNode modules = node.putObject("module_versions");
            l.moduleVersions().forEach(modules::put);
        }
        putIfPresent(node, "ci_job_url", l.ciJobUrl());
        putIfPresent(node, "ci_job_id", l.ciJobId());
        return node;
    }

    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", d.id());
        node.put("url", d.url());
        node.put("event", d.event());
        node.put("status", d.status().name());
        node.put("attempts", d.attempts());
        node.put("created_timestamp", d.createdTime());
        if (d.status() == WebhookDelivery.Status.PENDING) {
            node.put("next_attempt_timestamp", d.nextAttemptTime());
        }
        ArrayNode history = node.putArray("history");
        for (WebhookDelivery.Attempt a : d.history()) {
            ObjectNode attempt = history.addObject().put("attempt", a.number()).put("timestamp", a.time());
            if (a.statusCode() != null) {
                attempt.put("status_code", a.statusCode());
            }
            putIfPresent(attempt, "error", a.error());
        }
        return node;
    }

    private static void tags(ObjectNode node, List<Tag> tags) {
        KeyValueJson.put(node, "tags", tags, Tag::key, Tag::value);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
