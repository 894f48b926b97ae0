package dev.atoll.cli;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.registry.webhooks.WebhookTarget;
import dev.atoll.server.AtollServer;
import dev.atoll.server.ServerAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code atoll server}: tracking, artifacts, the model registry and its webhooks on this machine,
 * until SIGTERM or Ctrl-C.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the Atoll server on this machine: MLflow's tracking and model registry REST API,"
                + " the artifact proxy, logged models and registry webhooks.")
public final class ServerCommand implements Callable<Integer> {
    /** The environment variable that holds the secret webhook bodies are signed with. */
    static final String WEBHOOK_SECRET = "ATOLL_WEBHOOK_SECRET";

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "atoll-data", description = "Directory for the database and artifacts (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "JDBC URL of the metadata store (default: jdbc:sqlite:<data>/atoll.db).")
    String db;

    @Option(names = "--artifacts-destination", paramLabel = "DIR|s3://BUCKET[/PREFIX][?endpoint=URL&region=R&part_size_mb=N]",
            description = "Where artifact files are stored: a directory, or an S3 bucket with the keys in AWS_ACCESS_KEY_ID"
                    + " and AWS_SECRET_ACCESS_KEY (default: <data>/artifacts).")
    String artifactsDestination;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "Send registry events (model version created, alias set or deleted, stage changed) to URL as POSTs"
                    + " signed with HMAC-SHA256 of $" + WEBHOOK_SECRET + "; repeat for more receivers.")
    List<String> webhooks = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(data);
        String url = db != null ? db : "jdbc:sqlite:" + data.resolve("atoll.db");
        String artifacts = artifactsDestination != null ? artifactsDestination : data.resolve("artifacts").toString();
        Map<String, String> environment = System.getenv();
        ServerAssembly assembly = ServerAssembly.open(
                new ServerAssembly.Settings(url, artifacts, webhookTargets(environment), environment), Clock.systemUTC());
        AtollServer server = new AtollServer(assembly.routes(), assembly, Duration.ofSeconds(30));
        int bound;
        try {
            bound = server.start(host, port);
        } catch (RuntimeException e) {
            assembly.close();
            throw new AtollException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ") — choose another --port or stop what uses it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "atoll-shutdown"));
        System.out.println("Atoll server on http://" + host + ":" + bound + " (data: " + data.toAbsolutePath()
                + ", store: " + redact(url) + ", artifacts: " + artifacts
                + (webhooks.isEmpty() ? "" : ", webhooks: " + webhooks.size()) + ")");
        System.out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private List<WebhookTarget> webhookTargets(Map<String, String> environment) {
        if (webhooks.isEmpty()) {
            return List.of();
        }
        String secret = environment.get(WEBHOOK_SECRET);
        if (secret == null || secret.isEmpty()) {
            throw AtollException.invalidParameter("--webhook needs a signing secret, and " + WEBHOOK_SECRET
                    + " is not set — export " + WEBHOOK_SECRET + " (at least 16 characters, shared with the receivers)");
        }
        List<WebhookTarget> targets = new ArrayList<>();
        for (String webhook : webhooks) {
            targets.add(WebhookTarget.of(webhook, secret));
        }
        return targets;
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
