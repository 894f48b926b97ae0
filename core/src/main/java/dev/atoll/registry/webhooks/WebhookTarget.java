package dev.atoll.registry.webhooks;

import dev.atoll.errors.AtollException;

import java.net.URI;

/** A configured receiver: the URL to POST to and the secret that signs each body. */
public record WebhookTarget(URI url, String secret) {

    public WebhookTarget {
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw AtollException.invalidParameter("Invalid webhook URL '" + url + "': it must be an http or https URL with a host.");
        }
        if (secret == null || secret.length() < 16) {
            throw AtollException.invalidParameter("Invalid webhook secret for " + url
                    + ": it must be at least 16 characters, so that signatures cannot be guessed.");
        }
    }

    /** A target from configuration text; INVALID_PARAMETER_VALUE names what is wrong. */
    public static WebhookTarget of(String url, String secret) {
        try {
            return new WebhookTarget(URI.create(url), secret);
        } catch (IllegalArgumentException e) {
            throw AtollException.invalidParameter("Invalid webhook URL '" + url + "': " + e.getMessage());
        }
    }
}
