package dev.atoll.server;

import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.ArtifactStore;
import dev.atoll.artifacts.ArtifactStores;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import dev.atoll.registry.LoggedModelService;
import dev.atoll.registry.RegistryService;
import dev.atoll.registry.store.jdbc.JdbcRegistryStore;
import dev.atoll.registry.webhooks.WebhookDispatcher;
import dev.atoll.registry.webhooks.WebhookOutbox;
import dev.atoll.registry.webhooks.WebhookTarget;
import dev.atoll.server.artifacts.ArtifactRoutes;
import dev.atoll.server.mlflow.TrackingRoutes;
import dev.atoll.server.modules.ModuleRoutes;
import dev.atoll.server.registry.RegistryRoutes;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code atoll server} serves, wired once: one {@link Database} (tracking, registry and
 * the module catalogue share its pool and, on SQLite, its writer lock), the artifact store, the
 * tracking, artifact, registry and logged-model services and the module catalogue with their route
 * groups, and the webhook dispatcher running in the background. Closing it stops the dispatcher and then closes the database; {@link AtollServer}
 * does that after the last request has finished.
 */
public final class ServerAssembly implements AutoCloseable {
    /** How often the dispatcher looks for webhook deliveries that are due. */
    static final Duration WEBHOOK_POLL = Duration.ofSeconds(1);

    /**
     * What the server is started with.
     *
     * @param jdbcUrl              the metadata store
     * @param artifactsDestination a directory, {@code file:} URI or {@code s3://bucket/prefix?...} URI
     * @param webhooks             receivers of registry events
     * @param environment          where S3 credentials and endpoint come from, as MLflow reads them
     * @param userHeader           the request header a trusted proxy names the user in, or null: every request
     *                             is anonymous (private code modules are listed only to their owner)
     */
    public record Settings(String jdbcUrl, String artifactsDestination, List<WebhookTarget> webhooks,
                           Map<String, String> environment, String userHeader) {
        public Settings {
            webhooks = List.copyOf(webhooks);
            environment = Map.copyOf(environment);
        }
    }

    private final Database database;
    private final WebhookDispatcher dispatcher;
    private final List<Routes> routes;

    private ServerAssembly(Database database, WebhookDispatcher dispatcher, List<Routes> routes) {
        this.database = database;
        this.dispatcher = dispatcher;
        this.routes = routes;
    }

    /** Opens the stores (applying pending migrations), wires the services and starts the webhook dispatcher. */
    public static ServerAssembly open(Settings settings, Clock clock) {
        ArtifactStore artifactStore = ArtifactStores.open(settings.artifactsDestination(), settings.environment());
        Database database = Database.open(settings.jdbcUrl());
        try {
            JdbcTrackingStore trackingStore = new JdbcTrackingStore(database);
            JdbcRegistryStore registryStore = new JdbcRegistryStore(database);
            // runs/get and runs/search return the logged models a run produced, which the registry records (runs/outputs).
            TrackingService tracking = new TrackingService(trackingStore, clock,
                    runIds -> registryStore.read(tx -> tx.loggedModelOutputs(runIds)));
            ArtifactService artifacts = new ArtifactService(artifactStore, runId -> tracking.getRun(runId).info().artifactUri());
            RegistryService registry = new RegistryService(registryStore, clock, trackingStore::run,
                    new WebhookOutbox(settings.webhooks()));
            LoggedModelService loggedModels = new LoggedModelService(registryStore, clock,
                    experimentId -> tracking.getExperiment(experimentId).artifactLocation(), trackingStore::run);
            WebhookDispatcher dispatcher = new WebhookDispatcher(registryStore, settings.webhooks(), clock,
                    WebhookDispatcher.Policy.DEFAULT);
            List<Routes> routes = List.of(new TrackingRoutes(tracking), new ArtifactRoutes(artifacts),
                    new RegistryRoutes(registry, loggedModels, artifacts),
                    new ModuleRoutes(new JdbcModuleCatalogue(database), settings.userHeader() == null
                            ? ModuleRoutes.ANONYMOUS : ModuleRoutes.trustedHeader(settings.userHeader())));
            dispatcher.start(WEBHOOK_POLL);
            return new ServerAssembly(database, dispatcher, routes);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The route groups: MLflow tracking, the artifact proxy, the model registry and logged models, the module catalogue. */
    public List<Routes> routes() {
        return routes;
    }

    @Override
    public void close() {
        dispatcher.close();
        database.close();
    }
}
