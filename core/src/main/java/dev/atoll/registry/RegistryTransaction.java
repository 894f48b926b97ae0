package dev.atoll.registry;

import dev.atoll.registry.webhooks.WebhookDelivery;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads and writes of one registry transaction. Rows are plain: a model read here carries its
 * tags and aliases but no latest versions, a version carries its tags and aliases. The store checks
 * nothing the service can check; a version or model that does not exist is a programming error
 * here, except where a method returns Optional or boolean.
 */
public interface RegistryTransaction {

    // ---- registered models

    Optional<RegisteredModel> model(String name);

    /** Every registered model, ordered by name. The registry is small enough to filter in memory. */
    List<RegisteredModel> allModels();

    void insertModel(RegisteredModel model);

    void updateModelDescription(String name, String description, long time);

    void touchModel(String name, long time);

    /** Renames a model and everything that names it (versions, tags, aliases). */
    void renameModel(String name, String newName, long time);

    /** Deletes a model with its versions, tags and aliases. */
    void deleteModel(String name);

    /** Reserves and returns the next version number of a model (numbers are never reused). */
    long nextVersion(String name);

    void setModelTag(String name, Tag tag);

    boolean deleteModelTag(String name, String key);

    void setAlias(String name, String alias, long version);

    boolean deleteAlias(String name, String alias);

    // ---- model versions

    Optional<ModelVersion> version(String name, long version);

    /** The versions of one model (all models if {@code name} is null), with tags and aliases. */
    List<ModelVersion> versions(String name);

    void insertVersion(ModelVersion version);

    void updateVersionDescription(String name, long version, String description, long time);

    void updateVersionStage(String name, long version, ModelStage stage, long time);

    /** Deletes a version with its tags and the aliases that point at it. */
    void deleteVersion(String name, long version);

    void setVersionTag(String name, long version, Tag tag);

    boolean deleteVersionTag(String name, long version, String key);

    // ---- logged models (MLflow 3)

    void insertLoggedModel(LoggedModel model);

    /** A logged model, deleted ones included (the service decides what a deleted one means). */
    Optional<LoggedModel> loggedModel(String modelId);

    /** The logged models of the given experiments that are not deleted, newest first. */
    List<LoggedModel> loggedModels(List<String> experimentIds);

    void updateLoggedModelStatus(String modelId, LoggedModel.Status status, long time);

    void markLoggedModelDeleted(String modelId, long time);

    void setLoggedModelTag(String modelId, Tag tag);

    boolean deleteLoggedModelTag(String modelId, String key);

    void setLoggedModelParam(String modelId, dev.atoll.tracking.Param param);

    /** Records that a run produced a logged model at a step; recording the same again changes nothing. */
    void insertLoggedModelOutput(String runId, LoggedModelOutput output);

    /** The logged models each of these runs produced, by step and model id; a run that produced none is not in the map. */
    Map<String, List<LoggedModelOutput>> loggedModelOutputs(List<String> runIds);

    // ---- audit history and webhook outbox

    void appendAudit(AuditEntry entry);

    /** Audit entries of one model (all models if null), oldest first, at most {@code limit} from {@code offset}. */
    List<AuditEntry> audit(String modelName, int offset, int limit);

    void enqueueDelivery(WebhookDelivery delivery);

    /** Deliveries whose next attempt is due at {@code now}, oldest first. */
    List<WebhookDelivery> dueDeliveries(long now, int limit);

    /** Records an attempt's outcome and the delivery's new state. */
    void recordAttempt(WebhookDelivery updated, WebhookDelivery.Attempt attempt);

    /** Deliveries, newest first, with their attempts. */
    List<WebhookDelivery> deliveries(int offset, int limit);
}
