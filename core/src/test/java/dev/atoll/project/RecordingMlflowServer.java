package dev.atoll.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers the MLflow REST calls the Python helper makes, the way MLflow's
 * server does (same paths, same JSON shapes, 404 RESOURCE_DOES_NOT_EXIST for an unknown experiment),
 * and records every request so a test can check what a script logged.
 */
final class RecordingMlflowServer implements AutoCloseable {
    record Call(String method, String path, String query, byte[] body, String authorization) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();

    RecordingMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} requests get a 503, as an overloaded server would answer. */
    void failNext(int count) {
        failuresToServe.set(count);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
        }
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}");
            return;
        }
        switch (path) {
            case "/api/2.0/mlflow/experiments/get-by-name" -> respond(exchange, 404,
                    "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Could not find experiment\"}");
            case "/api/2.0/mlflow/experiments/create" -> respond(exchange, 200, "{\"experiment_id\":\"7\"}");
            case "/api/2.0/mlflow/runs/create", "/api/2.0/mlflow/runs/get" -> respond(exchange, 200,
                    "{\"run\":{\"info\":{\"run_id\":\"r1\",\"experiment_id\":\"7\",\"status\":\"RUNNING\","
                            + "\"artifact_uri\":\"mlflow-artifacts:/7/r1/artifacts\"},\"data\":{}}}");
            default -> respond(exchange, 200, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
