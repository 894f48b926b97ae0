package dev.atoll.server.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A POST over a plain socket whose headers announce a body of {@code contentLength} bytes of which
     * only {@code firstBytes} are sent: the server must answer from the announced length alone.
     */
    Answer announce(String endpoint, long contentLength, String firstBytes) {
        URI uri = URI.create(api + endpoint);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n" + firstBytes).getBytes(StandardCharsets.UTF_8));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                head.append((char) in.readUnsignedByte());
            }
            int status = Integer.parseInt(head.substring(head.indexOf(" ") + 1, head.indexOf(" ") + 4));
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
            if (!length.find()) {
                throw new AssertionError("No Content-Length in the answer:\n" + head);
            }
            byte[] body = new byte[Integer.parseInt(length.group(1))];
            in.readFully(body);
            return new Answer(status, json(status, new String(body, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return new Answer(response.statusCode(), json(response.statusCode(), response.body()));
    }

    private static JsonNode json(int status, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The server answered " + status + " with a body that is not JSON: " + body, e);
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
