package dev.atoll.bench;

import dev.atoll.server.AtollServer;
import dev.atoll.server.mlflow.TrackingRoutes;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;

import java.time.Duration;
import java.util.List;

/**
 * The production HTTP server in this process on a free loopback port, over a store the benchmark
 * owns: stopping it leaves the store open for the next measurement.
 */
final class BenchServer implements AutoCloseable {
    private final AtollServer server;
    private final int port;

    private BenchServer(AtollServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static BenchServer start(TrackingStore store, TrackingService service) {
        AtollServer server = new AtollServer(List.of(new TrackingRoutes(service)), null, Duration.ofSeconds(5));
        return new BenchServer(server, server.start("127.0.0.1", 0));
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
