package dev.atoll.server.mlflow;

import dev.atoll.server.AtollServer;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The tracking server as {@code atoll server} wires it (store, service, MLflow routes, error
 * mapping), in this JVM on a free loopback port, over the database at a JDBC URL.
 */
final class LocalTrackingServer implements AutoCloseable {
    private final AtollServer server;
    private final int port;

    private LocalTrackingServer(AtollServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalTrackingServer start(String jdbcUrl) {
        TrackingStore store = JdbcTrackingStores.open(jdbcUrl);
        AtollServer server = new AtollServer(List.of(new TrackingRoutes(new TrackingService(store, Clock.systemUTC()))),
                store, Duration.ofSeconds(5));
        try {
            return new LocalTrackingServer(server, server.start("127.0.0.1", 0));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** The tracking URI an MLflow client is given: {@code http://127.0.0.1:<port>}. */
    String trackingUri() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
