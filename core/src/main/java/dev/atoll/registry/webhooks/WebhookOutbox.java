package dev.atoll.registry.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atoll.registry.RegistryEvent;
import dev.atoll.registry.RegistryTransaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a registry event into one pending delivery per configured webhook, inside the transaction
 * of the change itself (a transactional outbox): an event is announced if and only if its change
 * committed. The {@link WebhookDispatcher} sends them.
 */
public final class WebhookOutbox {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final List<WebhookTarget> targets;

    public WebhookOutbox(List<WebhookTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public static WebhookOutbox none() {
        return new WebhookOutbox(List.of());
    }

    public List<WebhookTarget> targets() {
        return targets;
    }

    public void enqueue(RegistryTransaction tx, RegistryEvent event) {
        for (WebhookTarget target : targets) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", event.type().wireName());
            body.put("delivery_id", id);
            body.put("timestamp", event.time());
            body.put("data", event.payload());
            tx.enqueueDelivery(new WebhookDelivery(id, target.url().toString(), event.type().wireName(), render(body),
                    WebhookDelivery.Status.PENDING, 0, event.time(), event.time(), List.of()));
        }
    }

    private static String render(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload holds only plain data", e);
        }
    }
}
