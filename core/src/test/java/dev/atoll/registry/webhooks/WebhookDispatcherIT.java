package dev.atoll.registry.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.atoll.registry.MutableClock;
import dev.atoll.jdbc.Database;
import dev.atoll.registry.RegistryService;
import dev.atoll.registry.RegistryStore;
import dev.atoll.registry.RunsForTests;
import dev.atoll.registry.store.jdbc.JdbcRegistryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook deliveries to a real HTTP receiver on loopback that checks every signature and fails on
 * purpose: retried with back-off on 503, given up at once on 400, logged attempt by attempt.
 */
class WebhookDispatcherIT {
    private static final String SECRET = "receiver-shared-secret";

    @TempDir
    Path dir;
    Database database;
    HttpServer receiver;
    RegistryStore store;
    MutableClock clock = new MutableClock(1_000_000L);
    final AtomicInteger failuresLeft = new AtomicInteger();
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> badSignatures = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            int status;
            if (!WebhookSignature.verify(SECRET, body, signature)) {
                badSignatures.add(signature);
                status = 401;
            } else if (failuresLeft.getAndDecrement() > 0) {
                status = 503;
            } else {
                received.add(exchange.getRequestHeaders().getFirst("X-Atoll-Event") + " " + new String(body, StandardCharsets.UTF_8));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext("/refuses", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        receiver.start();
        database = Database.open("jdbc:sqlite:" + dir.resolve("atoll.db"));
        store = new JdbcRegistryStore(database);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private WebhookDispatcher dispatcher(List<WebhookTarget> targets) {
        return new WebhookDispatcher(store, targets, clock,
                new WebhookDispatcher.Policy(4, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5)));
    }

    private List<WebhookDelivery> log() {
        return store.inTransaction(tx -> tx.deliveries(0, 100));
    }

    @Test
    void retriesWithBackOffAfterInjectedFailuresAndSignsEveryAttempt() {
        List<WebhookTarget> targets = List.of(WebhookTarget.of(url("/hook"), SECRET));
        RegistryService registry = new RegistryService(store, clock, new RunsForTests(), new WebhookOutbox(targets));
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://bucket/model", null, null, null, null, null, "alice");
        failuresLeft.set(2);
        WebhookDispatcher dispatcher = dispatcher(targets);

        assertThat(dispatcher.deliverDue()).isEqualTo(1);   // 503
        assertThat(dispatcher.deliverDue()).as("not due before the back-off").isZero();
        clock.advance(10_000);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);   // 503 again
        clock.advance(10_000);
        assertThat(dispatcher.deliverDue()).as("second back-off is twice the first").isZero();
        clock.advance(10_000);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);   // delivered

        assertThat(badSignatures).isEmpty();
        assertThat(received).hasSize(1);
        assertThat(received.peek()).startsWith("model_version.created ")
                .contains("\"event\":\"model_version.created\"").contains("\"name\":\"m\"").contains("\"version\":\"1\"");
        WebhookDelivery delivery = log().get(0);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivery.history()).extracting(WebhookDelivery.Attempt::statusCode).containsExactly(503, 503, 204);
        assertThat(delivery.history()).extracting(WebhookDelivery.Attempt::time).containsExactly(1_000_000L, 1_010_000L, 1_030_000L);
    }

    @Test
    void givesUpAtOnceOnARefusalAndAfterMaxAttemptsOnErrors() {
        List<WebhookTarget> targets = List.of(WebhookTarget.of(url("/refuses"), SECRET), WebhookTarget.of(url("/hook"), SECRET));
        RegistryService registry = new RegistryService(store, clock, new RunsForTests(), new WebhookOutbox(targets));
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://bucket/model", null, null, null, null, null, "alice");
        registry.setAlias("m", "champion", "1", "alice");
        failuresLeft.set(100);
        WebhookDispatcher dispatcher = dispatcher(targets);

        for (int i = 0; i < 6; i++) {
            dispatcher.deliverDue();
            clock.advance(60_000);
        }

        List<WebhookDelivery> log = log();
        assertThat(log).filteredOn(d -> d.url().endsWith("/refuses"))
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(WebhookDelivery.Status.FAILED);
                    assertThat(d.history()).hasSize(1);
                    assertThat(d.history().get(0).error()).contains("HTTP 400");
                });
        assertThat(log).filteredOn(d -> d.url().endsWith("/hook"))
                .hasSize(2)
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(WebhookDelivery.Status.FAILED);
                    assertThat(d.history()).extracting(WebhookDelivery.Attempt::statusCode).containsExactly(503, 503, 503, 503);
                });
        assertThat(received).isEmpty();
    }

    @Test
    void aDownReceiverIsANetworkErrorAndIsRetried() {
        String closedPort = url("/hook").replace(":" + receiver.getAddress().getPort(), ":9");
        List<WebhookTarget> targets = List.of(WebhookTarget.of(closedPort, SECRET));
        RegistryService registry = new RegistryService(store, clock, new RunsForTests(), new WebhookOutbox(targets));
        registry.createRegisteredModel("m", null, null, "alice");
        registry.createModelVersion("m", "s3://bucket/model", null, null, null, null, null, "alice");

        dispatcher(targets).deliverDue();

        WebhookDelivery delivery = log().get(0);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.history().get(0).statusCode()).isNull();
        assertThat(delivery.history().get(0).error()).contains("ConnectException");
    }

    @Test
    void theRunningDispatcherDeliversNewEventsByItself() throws Exception {
        List<WebhookTarget> targets = List.of(WebhookTarget.of(url("/hook"), SECRET));
        java.time.Clock realClock = java.time.Clock.systemUTC();
        RegistryService registry = new RegistryService(store, realClock, new RunsForTests(), new WebhookOutbox(targets));
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(store, targets, realClock,
                new WebhookDispatcher.Policy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)))) {
            dispatcher.start(Duration.ofMillis(20));
            registry.createRegisteredModel("m", null, null, "alice");
            registry.createModelVersion("m", "s3://bucket/model", null, null, null, null, null, "alice");
            registry.transitionStage("m", "1", "Staging", false, "alice");

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(received).hasSize(2);
        assertThat(received).anyMatch(r -> r.startsWith("model_version.created "))
                .anyMatch(r -> r.startsWith("model_version.stage_changed ") && r.contains("\"to_stage\":\"Staging\""));
        assertThat(log()).allMatch(d -> d.status() == WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void signaturesVerifyOnlyWithTheRightSecretAndBody() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(SECRET, body);

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(SECRET, body, signature)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-123", body, signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, body, null)).isFalse();
    }
}
