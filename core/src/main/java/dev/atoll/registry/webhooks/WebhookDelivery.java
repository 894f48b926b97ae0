package dev.atoll.registry.webhooks;

import java.util.List;

/**
 * One event to deliver to one webhook URL, and what has happened to it so far. A delivery is
 * PENDING until it succeeds (DELIVERED) or gives up (FAILED: a refusal that retrying cannot fix, or
 * too many attempts).
 */
public record WebhookDelivery(
        String id,
        String url,
        String event,
        String payload,
        Status status,
        int attempts,
        long createdTime,
        long nextAttemptTime,
        List<Attempt> history) {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** One POST: when, the HTTP status (null if none came back) and the error, if any. */
    public record Attempt(int number, long time, Integer statusCode, String error) {
    }

    public WebhookDelivery next(Status newStatus, long nextAttempt) {
        return new WebhookDelivery(id, url, event, payload, newStatus, attempts + 1, createdTime, nextAttempt, history);
    }
}
