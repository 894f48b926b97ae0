package dev.atoll.bench;

import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** search-runs over HTTP: 20 rounds of the first five pages, following next_page_token. */
final class HttpSearch {
    private static final Pattern TOKEN = Pattern.compile("\"next_page_token\"\\s*:\\s*\"([^\"]+)\"");

    private HttpSearch() {
    }

    static void measure(TrackingStore store, TrackingService service, String experiment, String filter, List<String> order,
            Stats stats) throws Exception {
        try (BenchServer server = BenchServer.start(store, service)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(server.baseUrl() + "/api/2.0/mlflow/runs/search");
            for (int round = 0; round < 25; round++) {
                String token = null;
                for (int page = 0; page < 5; page++) {
                    String body = "{\"experiment_ids\":[\"" + experiment + "\"],\"filter\":\"" + filter.replace("\"", "\\\"")
                            + "\",\"max_results\":100,\"order_by\":[\"" + order.get(0) + "\"]"
                            + (token == null ? "" : ",\"page_token\":\"" + token + "\"") + "}";
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
                    }
                    if (round >= 5) {
                        stats.add(elapsed);
                    }
                    Matcher matcher = TOKEN.matcher(response.body());
                    token = matcher.find() ? matcher.group(1) : null;
                }
            }
        }
    }
}
