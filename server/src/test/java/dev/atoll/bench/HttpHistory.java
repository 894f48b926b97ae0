package dev.atoll.bench;

import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;


/** get-history of one metric over HTTP, whole (no max_results), five times after one warm-up, read by a minimal client. */
final class HttpHistory {
    private HttpHistory() {
    }

    static Stats measure(TrackingStore store, TrackingService service, String runId, int expectedPoints) throws Exception {
        Stats stats = new Stats();
        try (BenchServer server = BenchServer.start(store, service);
                LoadClient client = new LoadClient("127.0.0.1", server.port())) {
            byte[] request = client.get("/api/2.0/mlflow/metrics/get-history?run_id=" + runId + "&metric_key=loss");
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                byte[] body = client.send(request);
                long elapsed = System.nanoTime() - t0;
                if (i == 0) {
                    int points = count(body);
                    if (points != expectedPoints) {
                        throw new IllegalStateException("get-history returned " + points + " points, expected " + expectedPoints);
                    }
                } else {
                    stats.add(elapsed);
                }
            }
        }
        return stats;
    }

    /** Counts the points by their "step" fields, without building a million objects in the client. */
    private static int count(byte[] body) {
        byte[] needle = "\"step\"".getBytes();
        int count = 0;
        outer:
        for (int i = 0; i + needle.length <= body.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }
}
