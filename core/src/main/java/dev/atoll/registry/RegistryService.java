package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.registry.webhooks.WebhookOutbox;
import dev.atoll.tracking.Page;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.Tag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * MLflow's model registry: every request of {@code model_registry.proto} is one call here. Input is
 * validated before the store is touched; each change runs in one transaction together with its
 * audit entries (who, when, what, before and after) and its webhook deliveries.
 */
public final class RegistryService {
    private final RegistryStore store;
    private final Clock clock;
    private final RegistryRuns runs;
    private final WebhookOutbox webhooks;

    public RegistryService(RegistryStore store, Clock clock, RegistryRuns runs, WebhookOutbox webhooks) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    // ---- registered models

    public RegisteredModel createRegisteredModel(String name, List<Tag> tags, String description, String actor) {
        RegistryValidation.modelName(name);
        List<Tag> checked = orEmpty(tags);
        RegistryValidation.tags(checked, "registered model");
        long now = clock.millis();
        return store.inTransaction(tx -> {
            if (tx.model(name).isPresent()) {
                throw AtollException.alreadyExists("Registered Model (name=" + name + ") already exists.");
            }
            tx.insertModel(new RegisteredModel(name, now, now, actor, description, checked, List.of(), List.of()));
            tx.appendAudit(AuditEntry.of(now, actor, "create_registered_model", name, null, null, null, description));
            checked.forEach(tag -> tx.appendAudit(AuditEntry.of(now, actor, "set_registered_model_tag", name, null,
                    "tags." + tag.key(), null, tag.value())));
            return withLatest(tx, tx.model(name).orElseThrow());
        });
    }

    public RegisteredModel getRegisteredModel(String name) {
        RegistryValidation.modelName(name);
        return store.read(tx -> withLatest(tx, model(tx, name)));
    }

    public RegisteredModel renameRegisteredModel(String name, String newName, String actor) {
        RegistryValidation.modelName(name);
        RegistryValidation.modelName(newName);
        long now = clock.millis();
        return store.inTransaction(tx -> {
            model(tx, name);
            if (!newName.equals(name) && tx.model(newName).isPresent()) {
                throw AtollException.alreadyExists("Registered Model (name=" + newName + ") already exists.");
            }
            tx.renameModel(name, newName, now);
            tx.appendAudit(AuditEntry.of(now, actor, "rename_registered_model", newName, null, "name", name, newName));
            return withLatest(tx, model(tx, newName));
        });
    }

    public RegisteredModel updateRegisteredModel(String name, String description, String actor) {
        RegistryValidation.modelName(name);
        long now = clock.millis();
        return store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            tx.updateModelDescription(name, description, now);
            tx.appendAudit(AuditEntry.of(now, actor, "update_registered_model", name, null, "description", before.description(), description));
            return withLatest(tx, model(tx, name));
        });
    }

    public void deleteRegisteredModel(String name, String actor) {
        RegistryValidation.modelName(name);
        long now = clock.millis();
        store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            tx.deleteModel(name);
            tx.appendAudit(AuditEntry.of(now, actor, "delete_registered_model", name, null, null, before.description(), null));
            return null;
        });
    }

    public Page<RegisteredModel> searchRegisteredModels(String filter, Integer maxResults, List<String> orderBy, String pageToken) {
        RegistryFilter parsed = RegistryFilter.forModels(filter);
        int limit = RegistrySearch.maxResults(maxResults, 100, 1000, "registered models");
        Comparator<RegisteredModel> order = RegistrySearch.modelOrder(orderBy);
        return store.read(tx -> {
            List<RegisteredModel> matching = tx.allModels().stream().filter(parsed::matches).sorted(order).toList();
            Page<RegisteredModel> page = RegistrySearch.page(matching, limit, pageToken);
            return new Page<>(page.items().stream().map(m -> withLatest(tx, m)).toList(), page.nextPageToken());
        });
    }

    public void setRegisteredModelTag(String name, String key, String value, String actor) {
        RegistryValidation.modelName(name);
        Tag tag = new Tag(key, value);
        RegistryValidation.tag(tag, "registered model");
        long now = clock.millis();
        store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            tx.setModelTag(name, tag);
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "set_registered_model_tag", name, null, "tags." + key, tagValue(before.tags(), key), value));
            return null;
        });
    }

    public void deleteRegisteredModelTag(String name, String key, String actor) {
        RegistryValidation.modelName(name);
        RegistryValidation.tag(new Tag(key, null), "registered model");
        long now = clock.millis();
        store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            if (!tx.deleteModelTag(name, key)) {
                throw AtollException.notFound("No tag with name: " + key + " in registered model " + name + ".");
            }
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "delete_registered_model_tag", name, null, "tags." + key, tagValue(before.tags(), key), null));
            return null;
        });
    }

    // ---- aliases

    public void setAlias(String name, String alias, String version, String actor) {
        RegistryValidation.modelName(name);
        RegistryValidation.alias(alias);
        long number = RegistryValidation.version(version);
        long now = clock.millis();
        store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            version(tx, name, number);
            String previous = before.aliases().stream().filter(a -> a.alias().equals(alias))
                    .map(a -> Long.toString(a.version())).findFirst().orElse(null);
            tx.setAlias(name, alias, number);
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "set_registered_model_alias", name, number, "aliases." + alias, previous, Long.toString(number)));
            webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_ALIAS_SET, now, name, number, actor, Map.of("alias", alias)));
            return null;
        });
    }

    public void deleteAlias(String name, String alias, String actor) {
        RegistryValidation.modelName(name);
        RegistryValidation.alias(alias);
        long now = clock.millis();
        store.inTransaction(tx -> {
            RegisteredModel before = model(tx, name);
            ModelAlias existing = before.aliases().stream().filter(a -> a.alias().equals(alias)).findFirst()
                    .orElseThrow(() -> AtollException.notFound("Registered model alias " + alias + " not found."));
            tx.deleteAlias(name, alias);
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "delete_registered_model_alias", name, existing.version(), "aliases." + alias,
                    Long.toString(existing.version()), null));
            webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_ALIAS_DELETED, now, name, existing.version(), actor, Map.of("alias", alias)));
            return null;
        });
    }

    public ModelVersion getModelVersionByAlias(String name, String alias) {
        RegistryValidation.modelName(name);
        if (alias == null || alias.isEmpty()) {
            throw AtollException.invalidParameter("Registered model alias name cannot be empty.");
        }
        return store.read(tx -> {
            ModelAlias found = model(tx, name).aliases().stream().filter(a -> a.alias().equals(alias)).findFirst()
                    .orElseThrow(() -> AtollException.notFound("Registered model alias " + alias + " not found."));
            return version(tx, name, found.version());
        });
    }

    // ---- model versions

    public ModelVersion createModelVersion(String name, String source, String runId, List<Tag> tags, String runLink,
                                           String description, String modelId, String actor) {
        RegistryValidation.modelName(name);
        RegistryValidation.source(source);
        List<Tag> checked = orEmpty(tags);
        RegistryValidation.tags(checked, "model version");
        long now = clock.millis();
        return store.inTransaction(tx -> {
            model(tx, name);
            String storage;
            String linkedRun = emptyToNull(runId);
            String linkedModel = emptyToNull(modelId);
            LoggedModel logged = ModelSources.loggedModel(tx, source, linkedModel);
            if (logged != null && source.startsWith("models:/")) {
                // models:/<model_id> (MLflow 3): the files are the logged model's; so are its run and id.
                storage = logged.artifactUri();
                linkedRun = linkedRun == null ? logged.sourceRunId() : linkedRun;
            } else {
                storage = ModelSources.storageLocation(runs, source, runId);
            }
            linkedModel = logged == null ? null : logged.modelId();
            long number = tx.nextVersion(name);
            tx.insertVersion(new ModelVersion(name, number, now, now, actor, ModelStage.NONE, description, source, storage,
                    linkedRun, emptyToNull(runLink), ModelVersion.READY, null, linkedModel, checked, List.of()));
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "create_model_version", name, number, "source", null, source));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("source", source);
            data.put("run_id", linkedRun == null ? "" : linkedRun);
            webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_CREATED, now, name, number, actor, data));
            return version(tx, name, number);
        });
    }

    public ModelVersion getModelVersion(String name, String version) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        return store.read(tx -> version(tx, name, number));
    }

    public ModelVersion updateModelVersion(String name, String version, String description, String actor) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        long now = clock.millis();
        return store.inTransaction(tx -> {
            ModelVersion before = version(tx, name, number);
            tx.updateVersionDescription(name, number, description, now);
            tx.appendAudit(AuditEntry.of(now, actor, "update_model_version", name, number, "description", before.description(), description));
            return version(tx, name, number);
        });
    }

    public void deleteModelVersion(String name, String version, String actor) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        long now = clock.millis();
        store.inTransaction(tx -> {
            ModelVersion before = version(tx, name, number);
            tx.deleteVersion(name, number);
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "delete_model_version", name, number, null, before.source(), null));
            for (String alias : before.aliases()) {
                // The aliases went with the version: record and announce that as if they had been deleted one by one.
                tx.appendAudit(AuditEntry.of(now, actor, "delete_registered_model_alias", name, number, "aliases." + alias,
                        Long.toString(number), null));
                webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_ALIAS_DELETED, now, name, number, actor, Map.of("alias", alias)));
            }
            return null;
        });
    }

    public Page<ModelVersion> searchModelVersions(String filter, Integer maxResults, List<String> orderBy, String pageToken) {
        RegistryFilter parsed = RegistryFilter.forVersions(filter);
        int limit = RegistrySearch.maxResults(maxResults, 10_000, 200_000, "model versions");
        Comparator<ModelVersion> order = RegistrySearch.versionOrder(orderBy);
        return store.read(tx -> RegistrySearch.page(
                tx.versions(null).stream().filter(parsed::matches).sorted(order).toList(), limit, pageToken));
    }

    public void setModelVersionTag(String name, String version, String key, String value, String actor) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        Tag tag = new Tag(key, value);
        RegistryValidation.tag(tag, "model version");
        long now = clock.millis();
        store.inTransaction(tx -> {
            ModelVersion before = version(tx, name, number);
            tx.setVersionTag(name, number, tag);
            tx.appendAudit(AuditEntry.of(now, actor, "set_model_version_tag", name, number, "tags." + key, tagValue(before.tags(), key), value));
            return null;
        });
    }

    public void deleteModelVersionTag(String name, String version, String key, String actor) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        RegistryValidation.tag(new Tag(key, null), "model version");
        long now = clock.millis();
        store.inTransaction(tx -> {
            ModelVersion before = version(tx, name, number);
            if (!tx.deleteVersionTag(name, number, key)) {
                throw AtollException.notFound("No tag with name: " + key + " in model version (name=" + name + ", version=" + number + ").");
            }
            tx.appendAudit(AuditEntry.of(now, actor, "delete_model_version_tag", name, number, "tags." + key, tagValue(before.tags(), key), null));
            return null;
        });
    }

    /** Legacy stages: moves a version; {@code archiveExisting} archives the others in Staging/Production first. */
    public ModelVersion transitionStage(String name, String version, String stage, boolean archiveExisting, String actor) {
        RegistryValidation.modelName(name);
        long number = RegistryValidation.version(version);
        ModelStage target = ModelStage.parse(stage);
        if (archiveExisting && target != ModelStage.STAGING && target != ModelStage.PRODUCTION) {
            throw AtollException.invalidParameter("Model version transition cannot archive existing model versions because '"
                    + target.label() + "' is not an Active stage. Valid stages are Staging and Production.");
        }
        long now = clock.millis();
        return store.inTransaction(tx -> {
            ModelVersion before = version(tx, name, number);
            if (archiveExisting) {
                for (ModelVersion other : tx.versions(name)) {
                    if (other.version() != number && other.stage() == target) {
                        tx.updateVersionStage(name, other.version(), ModelStage.ARCHIVED, now);
                        tx.appendAudit(AuditEntry.of(now, actor, "transition_model_version_stage", name, other.version(), "current_stage",
                                other.stage().label(), ModelStage.ARCHIVED.label()));
                        webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_STAGE_CHANGED, now, name, other.version(), actor,
                                Map.of("from_stage", other.stage().label(), "to_stage", ModelStage.ARCHIVED.label())));
                    }
                }
            }
            tx.updateVersionStage(name, number, target, now);
            tx.touchModel(name, now);
            tx.appendAudit(AuditEntry.of(now, actor, "transition_model_version_stage", name, number, "current_stage",
                    before.stage().label(), target.label()));
            webhooks.enqueue(tx, event(RegistryEvent.Type.MODEL_VERSION_STAGE_CHANGED, now, name, number, actor,
                    Map.of("from_stage", before.stage().label(), "to_stage", target.label())));
            return version(tx, name, number);
        });
    }

    /** The newest version in each requested stage (every stage if {@code stages} is empty). */
    public List<ModelVersion> getLatestVersions(String name, List<String> stages) {
        RegistryValidation.modelName(name);
        List<ModelStage> wanted = orEmpty(stages).stream().map(ModelStage::parse).toList();
        return store.read(tx -> {
            model(tx, name);
            return latest(tx.versions(name), wanted);
        });
    }

    public String getModelVersionDownloadUri(String name, String version) {
        return getModelVersion(name, version).downloadUri();
    }

    public Lineage lineage(String name, String version) {
        ModelVersion found = getModelVersion(name, version);
        Run run = found.runId() == null ? null : runs.run(found.runId()).orElse(null);
        return Lineage.of(found, run);
    }

    /** The audit history of one model (every model if name is null), oldest first. */
    public List<AuditEntry> history(String name, int offset, int limit) {
        if (name != null) {
            RegistryValidation.modelName(name);
        }
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw AtollException.invalidParameter("Invalid paging offset=" + offset + ", max_results=" + limit
                    + ": offset must be >= 0 and max_results between 1 and 10000.");
        }
        return store.read(tx -> tx.audit(name, offset, limit));
    }

    /** The webhook delivery log, newest first, with each attempt's outcome. */
    public List<dev.atoll.registry.webhooks.WebhookDelivery> webhookDeliveries(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw AtollException.invalidParameter("Invalid paging offset=" + offset + ", max_results=" + limit
                    + ": offset must be >= 0 and max_results between 1 and 1000.");
        }
        return store.read(tx -> tx.deliveries(offset, limit));
    }

    // ---- helpers

    private RegisteredModel withLatest(RegistryTransaction tx, RegisteredModel model) {
        return model.withLatestVersions(latest(tx.versions(model.name()), List.of()));
    }

    private static List<ModelVersion> latest(List<ModelVersion> versions, List<ModelStage> stages) {
        Map<ModelStage, ModelVersion> newest = new EnumMap<>(ModelStage.class);
        for (ModelVersion version : versions) {
            if (stages.isEmpty() || stages.contains(version.stage())) {
                newest.merge(version.stage(), version, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        List<ModelVersion> result = new ArrayList<>(newest.values());
        result.sort(Comparator.comparingLong(ModelVersion::version));
        return result;
    }

    private static RegisteredModel model(RegistryTransaction tx, String name) {
        return tx.model(name).orElseThrow(() -> AtollException.notFound("Registered Model with name=" + name + " not found"));
    }

    private static ModelVersion version(RegistryTransaction tx, String name, long version) {
        return tx.version(name, version).orElseThrow(
                () -> AtollException.notFound("Model Version (name=" + name + ", version=" + version + ") not found"));
    }

    private static RegistryEvent event(RegistryEvent.Type type, long time, String name, long version, String actor, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("version", Long.toString(version));
        payload.put("actor", actor);
        payload.putAll(extra);
        return new RegistryEvent(type, time, payload);
    }

    private static String tagValue(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static Optional<String> optional(String value) {
        return Optional.ofNullable(emptyToNull(value));
    }
}
