package dev.atoll.server.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Raw requests to MLflow's REST API ({@code /api/2.0/mlflow/}) with {@code java.net.http}: bodies that
 * no MLflow client would send, and answers read back as JSON whatever their status. A connection
 * that fails is an {@link UncheckedIOException}.
 */
final class MlflowHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;

    MlflowHttp(String trackingUri) {
        this.api = trackingUri + "/api/2.0/mlflow/";
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    Answer post(String endpoint, JsonNode body) {
        return post(endpoint, body.toString());
    }

    Answer post(String endpoint, String body) {
        return send(HttpRequest.newBuilder(URI.create(api + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A GET with query parameters given as name, value, name, value, ... (or already in the endpoint). */
    Answer get(String endpoint, String... query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < query.length; i += 2) {
            parameters.add(URLEncoder.encode(query[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(api + endpoint + parameters)).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the server", e);
        }
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new AssertionError("The server answered " + response.statusCode() + " with a body that is not JSON: "
                    + response.body(), e);
        }
    }

    /** A response: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.path("error_code").asText(null);
        }

        String message() {
            return body.path("message").asText(null);
        }

        /** The body of a 200 answer; anything else fails the test with the server's error. */
        JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("Expected 200, got " + status + ": " + body);
            }
            return body;
        }
    }
}
