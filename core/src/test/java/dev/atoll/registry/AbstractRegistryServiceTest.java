package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.registry.webhooks.WebhookDelivery;
import dev.atoll.registry.webhooks.WebhookOutbox;
import dev.atoll.registry.webhooks.WebhookTarget;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Page;
import dev.atoll.tracking.Tag;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry service over a real {@link RegistryStore}: every adapter's test subclasses this with
 * a fresh, migrated database.
 */
public abstract class AbstractRegistryServiceTest {
    protected RegistryStore store;
    protected RegistryService registry;
    protected MutableClock clock = new MutableClock(1_700_000_000_000L);
    protected RunsForTests runs = new RunsForTests();

    protected abstract RegistryStore createStore() throws Exception;

    @BeforeEach
    void setUpRegistry() throws Exception {
        store = createStore();
        runs.add("1", "run1", new Tag("mlflow.source.git.commit", "abc123"), new Tag("atoll.data.commit", "d4t4"),
                new Tag("atoll.module.resnet", "1.2.0"), new Tag("atoll.ci.job_url", "https://ci/jobs/7"));
        runs.add("1", "run2");
        registry = new RegistryService(store, clock, runs,
                new WebhookOutbox(List.of(WebhookTarget.of("http://127.0.0.1:9/hook", "a-secret-of-16-chars"))));
    }

    private static void assertError(ThrowableAssert.ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOf(AtollException.class)
                .satisfies(e -> assertThat(((AtollException) e).code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    private List<AuditEntry> history() {
        return registry.history(null, 0, 10_000);
    }

    private List<WebhookDelivery> deliveries() {
        return store.inTransaction(tx -> tx.deliveries(0, 1000));
    }

    @Test
    void createsAndGetsARegisteredModel() {
        RegisteredModel created = registry.createRegisteredModel("fraud", List.of(new Tag("team", "risk")), "detects fraud", "alice");

        assertThat(created.name()).isEqualTo("fraud");
        assertThat(created.creationTime()).isEqualTo(clock.millis());
        RegisteredModel read = registry.getRegisteredModel("fraud");
        assertThat(read.tags()).containsExactly(new Tag("team", "risk"));
        assertThat(read.description()).isEqualTo("detects fraud");
        assertThat(read.userId()).isEqualTo("alice");
    }

    @Test
    void refusesDuplicateAndEmptyNamesAndWritesNothing() {
        registry.createRegisteredModel("fraud", null, null, "alice");
        int before = history().size();

        assertError(() -> registry.createRegisteredModel("fraud", null, null, "bob"), ErrorCode.RESOURCE_ALREADY_EXISTS,
                "Registered Model (name=fraud) already exists.");
        assertError(() -> registry.createRegisteredModel("", null, null, "bob"), ErrorCode.INVALID_PARAMETER_VALUE, "cannot be empty");
        assertError(() -> registry.createRegisteredModel("x", List.of(new Tag("k".repeat(251), "v")), null, "bob"),
                ErrorCode.INVALID_PARAMETER_VALUE, "exceeded length limit of 250");
        assertError(() -> registry.getRegisteredModel("nope"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "Registered Model with name=nope not found");

        assertThat(history()).hasSize(before);
        assertThat(registry.searchRegisteredModels(null, null, null, null).items()).extracting(RegisteredModel::name).containsExactly("fraud");
    }

    @Test
    void renameCarriesVersionsTagsAndAliases() {
        registry.createRegisteredModel("old", List.of(new Tag("t", "1")), null, "alice");
        registry.createModelVersion("old", "runs:/run1/model", "run1", List.of(new Tag("vt", "x")), null, null, null, "alice");
        registry.setAlias("old", "champion", "1", "alice");
        registry.createRegisteredModel("taken", null, null, "alice");

        assertError(() -> registry.renameRegisteredModel("old", "taken", "bob"), ErrorCode.RESOURCE_ALREADY_EXISTS, "name=taken");
        RegisteredModel renamed = registry.renameRegisteredModel("old", "new", "bob");

        assertThat(renamed.name()).isEqualTo("new");
        assertThat(renamed.tags()).containsExactly(new Tag("t", "1"));
        assertThat(renamed.aliases()).containsExactly(new ModelAlias("champion", 1));
        assertThat(registry.getModelVersion("new", "1").tags()).containsExactly(new Tag("vt", "x"));
        assertThat(registry.getModelVersionByAlias("new", "champion").version()).isEqualTo(1);
        assertError(() -> registry.getRegisteredModel("old"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "name=old");
    }

    @Test
    void deleteRemovesEverythingAndVersionNumbersRestartForANewModel() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://bucket/m", null, null, null, null, null, "alice");
        registry.deleteRegisteredModel("m", "alice");

        assertError(() -> registry.getModelVersion("m", "1"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "Model Version (name=m, version=1) not found");
        registry.createRegisteredModel("m", null, null, "alice");
        assertThat(registry.createModelVersion("m", "s3://bucket/m", null, null, null, null, null, "alice").version()).isEqualTo(1);
    }

    @Test
    void versionNumbersAreNeverReusedWithinAModel() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://b/1", null, null, null, null, null, "alice");
        registry.createModelVersion("m", "s3://b/2", null, null, null, null, null, "alice");
        registry.deleteModelVersion("m", "2", "alice");

        assertThat(registry.createModelVersion("m", "s3://b/3", null, null, null, null, null, "alice").version()).isEqualTo(3);
    }

    @Test
    void createModelVersionResolvesRunsSources() {
        registry.createRegisteredModel("m", null, null, "alice");
        clock.advance(1000);
        ModelVersion v1 = registry.createModelVersion("m", "runs:/run1/model", "run1", List.of(new Tag("k", "v")),
                "http://ci/run1", "first", null, "alice");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.stage()).isEqualTo(ModelStage.NONE);
        assertThat(v1.status()).isEqualTo("READY");
        assertThat(v1.runLink()).isEqualTo("http://ci/run1");
        assertThat(v1.source()).isEqualTo("runs:/run1/model");
        assertThat(registry.getModelVersionDownloadUri("m", "1")).isEqualTo("mlflow-artifacts:/1/run1/artifacts/model");
        assertThat(registry.getRegisteredModel("m").lastUpdatedTime()).isEqualTo(clock.millis());
        assertThat(registry.getRegisteredModel("m").latestVersions()).extracting(ModelVersion::version).containsExactly(1L);
    }

    @Test
    void refusesUnsafeOrUnknownSourcesAndWritesNothing() {
        registry.createRegisteredModel("m", null, null, "alice");
        int before = history().size();

        for (String source : List.of("/etc/passwd", "file:///etc/passwd", "relative/path", "C:/x", "s3://b/../../x",
                "s3://b/%2e%2e/x", "mlflow-artifacts:/1/run1/artifacts#/../../x", "runs:/run1/../../../x", "http://h/x?y=1")) {
            assertError(() -> registry.createModelVersion("m", source, null, null, null, null, null, "alice"),
                    ErrorCode.INVALID_PARAMETER_VALUE, "source");
        }
        assertError(() -> registry.createModelVersion("m", "runs:/nope/model", null, null, null, null, null, "alice"),
                ErrorCode.RESOURCE_DOES_NOT_EXIST, "nope");
        assertError(() -> registry.createModelVersion("m", "runs:/run1/model", "run2", null, null, null, null, "alice"),
                ErrorCode.INVALID_PARAMETER_VALUE, "run_id is run2");
        assertError(() -> registry.createModelVersion("absent", "s3://b/x", null, null, null, null, null, "alice"),
                ErrorCode.RESOURCE_DOES_NOT_EXIST, "absent");

        assertThat(history()).hasSize(before);
        assertThat(registry.searchModelVersions(null, null, null, null).items()).isEmpty();
        assertThat(deliveries()).isEmpty();
    }

    @Test
    void stageTransitionsArchiveExistingVersionsOnRequest() {
        registry.createRegisteredModel("m", null, null, "alice");
        for (int i = 0; i < 3; i++) {
            registry.createModelVersion("m", "s3://b/" + i, null, null, null, null, null, "alice");
        }
        registry.transitionStage("m", "1", "production", false, "alice");
        registry.transitionStage("m", "2", "Production", false, "alice");
        ModelVersion v3 = registry.transitionStage("m", "3", "Production", true, "bob");

        assertThat(v3.stage()).isEqualTo(ModelStage.PRODUCTION);
        assertThat(registry.getModelVersion("m", "1").stage()).isEqualTo(ModelStage.ARCHIVED);
        assertThat(registry.getModelVersion("m", "2").stage()).isEqualTo(ModelStage.ARCHIVED);
        assertThat(registry.getLatestVersions("m", List.of("Production"))).extracting(ModelVersion::version).containsExactly(3L);
        assertThat(registry.getLatestVersions("m", null)).extracting(ModelVersion::version).containsExactly(2L, 3L);
        assertError(() -> registry.transitionStage("m", "1", "None", true, "bob"), ErrorCode.INVALID_PARAMETER_VALUE, "not an Active stage");
        assertError(() -> registry.transitionStage("m", "1", "Done", false, "bob"), ErrorCode.INVALID_PARAMETER_VALUE,
                "Invalid Model Version stage: Done");
        assertError(() -> registry.getModelVersion("m", "x"), ErrorCode.INVALID_PARAMETER_VALUE, "positive integer");
    }

    @Test
    void aliasesPointAtVersionsAndReservedNamesAreRefused() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://b/1", null, null, null, null, null, "alice");
        registry.createModelVersion("m", "s3://b/2", null, null, null, null, null, "alice");

        registry.setAlias("m", "champion", "1", "alice");
        registry.setAlias("m", "champion", "2", "bob");
        registry.setAlias("m", "challenger", "1", "bob");

        assertThat(registry.getModelVersionByAlias("m", "champion").version()).isEqualTo(2);
        assertThat(registry.getModelVersion("m", "1").aliases()).containsExactly("challenger");
        for (String reserved : List.of("latest", "LATEST", "v1", "V42")) {
            assertError(() -> registry.setAlias("m", reserved, "1", "bob"), ErrorCode.INVALID_PARAMETER_VALUE, "reserved");
        }
        assertError(() -> registry.setAlias("m", "bad alias!", "1", "bob"), ErrorCode.INVALID_PARAMETER_VALUE, "alphanumerics");
        assertError(() -> registry.setAlias("m", "x", "9", "bob"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "version=9");

        registry.deleteAlias("m", "champion", "bob");
        assertError(() -> registry.getModelVersionByAlias("m", "champion"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "alias champion not found");
        registry.deleteModelVersion("m", "1", "bob");
        assertThat(registry.getRegisteredModel("m").aliases()).isEmpty();
        assertThat(registry.history("m", 0, 100)).last()
                .satisfies(e -> assertThat(List.of(e.action(), e.field(), e.before())).containsExactly(
                        "delete_registered_model_alias", "aliases.challenger", "1"));
        assertThat(deliveries()).filteredOn(d -> d.event().equals("model_version_alias.deleted")).hasSize(2);
    }

    @Test
    void tagsOnModelsAndVersions() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://b/1", null, null, null, null, null, "alice");
        registry.setRegisteredModelTag("m", "owner", "risk", "alice");
        registry.setRegisteredModelTag("m", "owner", "ml", "alice");
        registry.setModelVersionTag("m", "1", "validated", "yes", "alice");

        assertThat(registry.getRegisteredModel("m").tags()).containsExactly(new Tag("owner", "ml"));
        assertThat(registry.getModelVersion("m", "1").tags()).containsExactly(new Tag("validated", "yes"));
        registry.deleteRegisteredModelTag("m", "owner", "alice");
        registry.deleteModelVersionTag("m", "1", "validated", "alice");
        assertThat(registry.getRegisteredModel("m").tags()).isEmpty();
        assertError(() -> registry.deleteRegisteredModelTag("m", "owner", "alice"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "owner");
        assertError(() -> registry.deleteModelVersionTag("m", "1", "validated", "alice"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "validated");
    }

    @Test
    void searchRegisteredModelsFiltersOrdersAndPages() {
        for (String name : List.of("fraud-v2", "Fraud-legacy", "churn", "fraud_x")) {
            clock.advance(10);
            registry.createRegisteredModel(name, List.of(new Tag("team", name.startsWith("churn") ? "growth" : "risk")), null, "alice");
        }

        assertThat(names(registry.searchRegisteredModels("name LIKE 'fraud%'", null, null, null))).containsExactly("fraud-v2", "fraud_x");
        assertThat(names(registry.searchRegisteredModels("name ILIKE 'fraud%'", null, null, null)))
                .containsExactly("Fraud-legacy", "fraud-v2", "fraud_x");
        assertThat(names(registry.searchRegisteredModels("name LIKE 'fraud_v2'", null, null, null))).containsExactly("fraud-v2");
        assertThat(names(registry.searchRegisteredModels("tags.team = 'growth'", null, null, null))).containsExactly("churn");
        assertThat(names(registry.searchRegisteredModels("tags.`team` != 'growth' and name != 'fraud_x'", null, null, null)))
                .containsExactly("Fraud-legacy", "fraud-v2");
        registry.setRegisteredModelTag("churn", "mlflow.prompt.is_prompt", "true", "alice");
        assertThat(names(registry.searchRegisteredModels("tags.`mlflow.prompt.is_prompt` != 'true'", null, null, null)))
                .as("MLflow 3's prompt exclusion keeps models without the tag").containsExactly("Fraud-legacy", "fraud-v2", "fraud_x");
        assertThat(names(registry.searchRegisteredModels(null, null, List.of("last_updated_timestamp DESC"), null)))
                .containsExactly("churn", "fraud_x", "Fraud-legacy", "fraud-v2");

        Page<RegisteredModel> first = registry.searchRegisteredModels(null, 3, List.of("name"), null);
        assertThat(names(first)).containsExactly("Fraud-legacy", "churn", "fraud-v2");
        Page<RegisteredModel> second = registry.searchRegisteredModels(null, 3, List.of("name"), first.nextPageToken());
        assertThat(names(second)).containsExactly("fraud_x");
        assertThat(second.nextPageToken()).isNull();

        assertError(() -> registry.searchRegisteredModels("run_id = 'x'", null, null, null), ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid attribute key 'run_id'");
        assertError(() -> registry.searchRegisteredModels("name = fraud", null, null, null), ErrorCode.INVALID_PARAMETER_VALUE, "quoted string");
        assertError(() -> registry.searchRegisteredModels("name = 'a' OR name = 'b'", null, null, null), ErrorCode.INVALID_PARAMETER_VALUE,
                "expected AND");
        assertError(() -> registry.searchRegisteredModels(null, 0, null, null), ErrorCode.INVALID_PARAMETER_VALUE, "max_results");
        assertError(() -> registry.searchRegisteredModels(null, null, List.of("size"), null), ErrorCode.INVALID_PARAMETER_VALUE, "order by key");
    }

    @Test
    void searchModelVersionsByRunNameTagAndNumber() {
        registry.createRegisteredModel("a", null, null, "alice");
        registry.createRegisteredModel("b", null, null, "alice");
        registry.createModelVersion("a", "runs:/run1/model", "run1", List.of(new Tag("ok", "1")), null, null, null, "alice");
        registry.createModelVersion("a", "runs:/run2/model", "run2", null, null, null, null, "alice");
        registry.createModelVersion("b", "runs:/run1/other", "run1", null, null, null, null, "alice");

        assertThat(keys(registry.searchModelVersions("run_id = 'run1'", null, null, null))).containsExactly("a/1", "b/1");
        assertThat(keys(registry.searchModelVersions("run_id IN ('run2', 'zzz')", null, null, null))).containsExactly("a/2");
        assertThat(keys(registry.searchModelVersions("name = 'a'", null, null, null))).containsExactly("a/2", "a/1");
        assertThat(keys(registry.searchModelVersions("tags.ok = '1'", null, null, null))).containsExactly("a/1");
        assertThat(keys(registry.searchModelVersions("name='a' AND version_number >= 2", null, null, null))).containsExactly("a/2");
        assertThat(keys(registry.searchModelVersions("source_path LIKE '%other'", null, null, null))).containsExactly("b/1");
        assertThat(keys(registry.searchModelVersions(null, 2, List.of("version_number ASC", "name DESC"), null))).containsExactly("b/1", "a/1");
    }

    @Test
    void everyChangeIsInTheAuditHistoryWithBeforeAndAfter() {
        registry.createRegisteredModel("m", null, "first", "alice");
        clock.advance(5);
        registry.updateRegisteredModel("m", "second", "bob");
        registry.createModelVersion("m", "s3://b/1", null, null, null, null, null, "carol");
        registry.transitionStage("m", "1", "Staging", false, "dave");
        registry.setAlias("m", "champion", "1", "erin");

        List<AuditEntry> history = registry.history("m", 0, 100);
        assertThat(history).extracting(AuditEntry::action).containsExactly("create_registered_model", "update_registered_model",
                "create_model_version", "transition_model_version_stage", "set_registered_model_alias");
        AuditEntry update = history.get(1);
        assertThat(update.actor()).isEqualTo("bob");
        assertThat(update.time()).isEqualTo(1_700_000_000_005L);
        assertThat(update.field()).isEqualTo("description");
        assertThat(update.before()).isEqualTo("first");
        assertThat(update.after()).isEqualTo("second");
        AuditEntry stage = history.get(3);
        assertThat(stage.version()).isEqualTo(1L);
        assertThat(stage.before()).isEqualTo("None");
        assertThat(stage.after()).isEqualTo("Staging");
        assertThat(registry.history("m", 3, 1)).extracting(AuditEntry::action).containsExactly("transition_model_version_stage");
    }

    @Test
    void webhookDeliveriesAreQueuedWithTheChange() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://b/1", null, null, null, null, null, "alice");
        registry.setAlias("m", "champion", "1", "alice");
        registry.deleteAlias("m", "champion", "alice");
        registry.transitionStage("m", "1", "Production", false, "alice");

        assertThat(deliveries()).extracting(WebhookDelivery::event).containsExactlyInAnyOrder("model_version.created",
                "model_version_alias.set", "model_version_alias.deleted", "model_version.stage_changed");
        assertThat(deliveries()).allMatch(d -> d.status() == WebhookDelivery.Status.PENDING && d.url().equals("http://127.0.0.1:9/hook"));
        assertThat(deliveries()).filteredOn(d -> d.event().equals("model_version.stage_changed")).first()
                .satisfies(d -> assertThat(d.payload()).contains("\"from_stage\":\"None\"").contains("\"to_stage\":\"Production\""));
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.insertModel(new RegisteredModel("half", 1, 1, "x", null, List.of(new Tag("a", "b")), List.of(), List.of()));
            tx.appendAudit(AuditEntry.of(1, "x", "create_registered_model", "half", null, null, null, null));
            throw new IllegalStateException("crash mid-request");
        })).hasMessage("crash mid-request");

        assertError(() -> registry.getRegisteredModel("half"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "half");
        assertThat(history()).isEmpty();
    }

    @Test
    void lineageFollowsTheRunTags() {
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "runs:/run1/model", "run1", null, null, null, null, "alice");
        registry.createModelVersion("m", "s3://b/x", null, null, null, null, null, "alice");

        Lineage lineage = registry.lineage("m", "1");
        assertThat(lineage.runId()).isEqualTo("run1");
        assertThat(lineage.experimentId()).isEqualTo("1");
        assertThat(lineage.codeCommit()).isEqualTo("abc123");
        assertThat(lineage.dataCommit()).isEqualTo("d4t4");
        assertThat(lineage.moduleVersions()).containsEntry("resnet", "1.2.0");
        assertThat(lineage.ciJobUrl()).isEqualTo("https://ci/jobs/7");
        assertThat(registry.lineage("m", "2").codeCommit()).isNull();
    }

    @Test
    void runOutputsLinkAnActiveRunToExistingLoggedModelsAllOrNothing() {
        LoggedModelService logged = new LoggedModelService(store, clock, id -> "mlflow-artifacts:/" + id, runs);
        String first = logged.create("1", "a", null, "run1", null, null, "alice").modelId();
        String second = logged.create("1", "b", null, "run1", null, null, "alice").modelId();
        runs.addDeleted("1", "trashed");

        logged.logOutputs("run1", List.of(new LoggedModelOutput(second, 3), new LoggedModelOutput(first, 0)));
        logged.logOutputs("run1", List.of(new LoggedModelOutput(first, 0)));

        assertThat(logged.outputs("run1")).containsExactly(new LoggedModelOutput(first, 0), new LoggedModelOutput(second, 3));
        assertError(() -> logged.logOutputs("nope", List.of(new LoggedModelOutput(first, 1))),
                ErrorCode.RESOURCE_DOES_NOT_EXIST, "Run with id=nope not found");
        assertError(() -> logged.logOutputs("trashed", List.of(new LoggedModelOutput(first, 1))),
                ErrorCode.INVALID_PARAMETER_VALUE, "must be in the 'active' state. Current state is deleted.");
        assertError(() -> logged.logOutputs("run2", List.of(new LoggedModelOutput(first, 1),
                new LoggedModelOutput("m-00000000000000000000000000000000", 1))), ErrorCode.RESOURCE_DOES_NOT_EXIST, "Logged model");
        assertError(() -> logged.logOutputs("run2", List.of(new LoggedModelOutput("../x", 1))),
                ErrorCode.INVALID_PARAMETER_VALUE, "Invalid logged model ID");
        assertThat(logged.outputs("run2")).as("nothing half-written").isEmpty();
    }

    /** What runs/search asks for a page of runs: one call, answered run by run, however long the page. */
    @Test
    void theOutputsOfAPageOfRunsComeInOneRead() {
        LoggedModelService logged = new LoggedModelService(store, clock, id -> "mlflow-artifacts:/" + id, runs);
        String first = logged.create("1", "a", null, "run1", null, null, "alice").modelId();
        String second = logged.create("1", "b", null, "run2", null, null, "alice").modelId();
        logged.logOutputs("run1", List.of(new LoggedModelOutput(first, 5), new LoggedModelOutput(second, 2)));
        logged.logOutputs("run2", List.of(new LoggedModelOutput(second, 0)));
        List<String> page = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            page.add(i == 700 ? "run2" : i == 1100 ? "run1" : "no-outputs-" + i);
        }

        Map<String, List<LoggedModelOutput>> outputs = store.read(tx -> tx.loggedModelOutputs(page));
        assertThat(outputs).containsOnly(
                Map.entry("run1", List.of(new LoggedModelOutput(second, 2), new LoggedModelOutput(first, 5))),
                Map.entry("run2", List.of(new LoggedModelOutput(second, 0))));
        Map<String, List<LoggedModelOutput>> none = store.read(tx -> tx.loggedModelOutputs(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void loggedModelsLiveInTheirExperimentAndRegisterAsModelsUris() {
        LoggedModelService logged = new LoggedModelService(store, clock, id -> "mlflow-artifacts:/" + id, runs);
        LoggedModel created = logged.create("1", "classifier", "sklearn", "run1",
                List.of(new dev.atoll.tracking.Param("alpha", "0.1")), List.of(new Tag("k", "v")), "alice");

        assertThat(created.modelId()).matches("m-[0-9a-f]{32}");
        assertThat(created.artifactUri()).isEqualTo("mlflow-artifacts:/1/models/" + created.modelId() + "/artifacts");
        assertThat(created.status()).isEqualTo(LoggedModel.Status.LOGGED_MODEL_PENDING);
        assertThat(logged.finalizeModel(created.modelId(), "LOGGED_MODEL_READY").status()).isEqualTo(LoggedModel.Status.LOGGED_MODEL_READY);
        logged.setTags(created.modelId(), List.of(new Tag("mlflow.modelVersions", "[]")));
        logged.deleteTag(created.modelId(), "k");
        logged.logParams(created.modelId(), List.of(new dev.atoll.tracking.Param("beta", "2")));
        assertThat(logged.get(created.modelId()).tags()).containsExactly(new Tag("mlflow.modelVersions", "[]"));
        assertThat(logged.get(created.modelId()).params()).extracting(dev.atoll.tracking.Param::key).containsExactly("alpha", "beta");
        logged.create("2", "other", null, null, null, null, "bob");
        assertThat(logged.search(List.of("1"), "name LIKE 'class%'", null, null).items()).extracting(LoggedModel::modelId)
                .containsExactly(created.modelId());
        assertThat(logged.search(List.of("1", "2"), null, null, null).items()).hasSize(2);

        registry.createRegisteredModel("m", null, null, "alice");
        ModelVersion version = registry.createModelVersion("m", "models:/" + created.modelId(), null, null, null, null, null, "alice");
        assertThat(version.modelId()).isEqualTo(created.modelId());
        assertThat(version.runId()).isEqualTo("run1");
        assertThat(version.downloadUri()).isEqualTo(created.artifactUri());
        assertThat(registry.lineage("m", "1").codeCommit()).isEqualTo("abc123");

        assertError(() -> registry.createModelVersion("m", "models:/m-00000000000000000000000000000000", null, null, null, null, null, "a"),
                ErrorCode.RESOURCE_DOES_NOT_EXIST, "Logged model");
        assertError(() -> logged.get("../etc"), ErrorCode.INVALID_PARAMETER_VALUE, "Invalid logged model ID");
        assertError(() -> logged.finalizeModel(created.modelId(), "DONE"), ErrorCode.INVALID_PARAMETER_VALUE, "LOGGED_MODEL_READY");
        logged.delete(created.modelId());
        assertError(() -> logged.get(created.modelId()), ErrorCode.RESOURCE_DOES_NOT_EXIST, "not found");
    }

    @Test
    void concurrentRegistrationsGetDistinctVersionNumbers() throws Exception {
        registry.createRegisteredModel("busy", null, null, "alice");
        int threads = 4;
        int each = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Long>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> numbers = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        numbers.add(registry.createModelVersion("busy", "s3://b/x", null, null, null, null, null, "alice").version());
                    }
                    return numbers;
                }));
            }
            List<Long> all = new java.util.ArrayList<>();
            for (var future : futures) {
                all.addAll(future.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * each);
            assertThat(registry.history("busy", 0, 1000)).hasSize(1 + threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> names(Page<RegisteredModel> page) {
        return page.items().stream().map(RegisteredModel::name).toList();
    }

    private static List<String> keys(Page<ModelVersion> page) {
        return page.items().stream().map(v -> v.name() + "/" + v.version()).toList();
    }
}
