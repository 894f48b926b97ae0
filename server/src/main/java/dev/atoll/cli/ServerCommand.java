package dev.atoll.cli;

import dev.atoll.server.AtollServer;
import dev.atoll.server.mlflow.TrackingRoutes;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code atoll server}: the tracking server on this machine, until SIGTERM or Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the tracking server (MLflow REST API) on this machine.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "atoll-data", description = "Directory for the database and artifacts (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "JDBC URL of the metadata store (default: jdbc:sqlite:<data>/atoll.db).")
    String db;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(data);
        String url = db != null ? db : "jdbc:sqlite:" + data.resolve("atoll.db");
        TrackingStore store = JdbcTrackingStores.open(url);
        TrackingService tracking = new TrackingService(store, Clock.systemUTC());
        AtollServer server = new AtollServer(List.of(new TrackingRoutes(tracking)), store, Duration.ofSeconds(30));
        int bound;
        try {
            bound = server.start(host, port);
        } catch (RuntimeException e) {
            store.close();
            throw new dev.atoll.errors.AtollException(dev.atoll.errors.ErrorCode.INVALID_PARAMETER_VALUE,
                    "Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ") — choose another --port or stop what uses it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "atoll-shutdown"));
        System.out.println("Atoll tracking server on http://" + host + ":" + bound + " (data: " + data.toAbsolutePath()
                + ", store: " + redact(url) + ")");
        System.out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
