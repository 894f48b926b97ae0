package dev.atoll.registry.webhooks;

import dev.atoll.registry.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends pending webhook deliveries: a signed POST each; 2xx is delivered; 429, 5xx and network
 * errors are retried with exponential back-off ({@code baseDelay * 2^(attempt-1)}, capped) up to
 * {@code maxAttempts}; any other answer fails the delivery at once, since sending it again cannot
 * change it. Every attempt is logged with its outcome in the store.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** How often and how patiently to retry. */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration timeout) {
        public static final Policy DEFAULT = new Policy(6, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(10));

        Duration delayAfter(int attempt) {
            long millis = baseDelay.toMillis() << Math.min(attempt - 1, 30);
            return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
        }
    }

    private final RegistryStore store;
    private final Map<String, WebhookTarget> targets;
    private final Clock clock;
    private final Policy policy;
    private final HttpClient http;
    private ScheduledExecutorService scheduler;

    public WebhookDispatcher(RegistryStore store, List<WebhookTarget> targets, Clock clock, Policy policy) {
        this.store = store;
        this.targets = targets.stream().collect(Collectors.toMap(t -> t.url().toString(), Function.identity(), (a, b) -> b));
        this.clock = clock;
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends every delivery that is due now, once; returns how many were attempted. */
    public int deliverDue() {
        List<WebhookDelivery> due = store.read(tx -> tx.dueDeliveries(clock.millis(), 100));
        for (WebhookDelivery delivery : due) {
            attempt(delivery);
        }
        return due.size();
    }

    private void attempt(WebhookDelivery delivery) {
        int number = delivery.attempts() + 1;
        long now = clock.millis();
        WebhookTarget target = targets.get(delivery.url());
        Integer status = null;
        String error = null;
        boolean retry;
        if (target == null) {
            error = "webhook " + delivery.url() + " is no longer configured";
            retry = false;
        } else {
            try {
                byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(policy.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Atoll-Webhook")
                        .header("X-Atoll-Event", delivery.event())
                        .header("X-Atoll-Delivery", delivery.id())
                        .header(WebhookSignature.HEADER, WebhookSignature.sign(target.secret(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                retry = status == 429 || status >= 500;
                if (status < 200 || status >= 300) {
                    error = "receiver answered HTTP " + status;
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                retry = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // not an attempt; it stays due
            }
        }
        WebhookDelivery.Status next;
        long nextAttempt = now;
        if (error == null) {
            next = WebhookDelivery.Status.DELIVERED;
        } else if (retry && number < policy.maxAttempts()) {
            next = WebhookDelivery.Status.PENDING;
            nextAttempt = now + policy.delayAfter(number).toMillis();
        } else {
            next = WebhookDelivery.Status.FAILED;
            LOG.warn("webhook delivery {} of {} to {} failed after {} attempt(s): {}", delivery.id(), delivery.event(), delivery.url(), number, error);
        }
        WebhookDelivery updated = delivery.next(next, nextAttempt);
        WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(number, now, status, error);
        store.inTransaction(tx -> {
            tx.recordAttempt(updated, attempt);
            return null;
        });
    }

    /** Polls for due deliveries every {@code interval} on a daemon thread until closed. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atoll-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.error("webhook dispatch failed; retrying at the next tick", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
