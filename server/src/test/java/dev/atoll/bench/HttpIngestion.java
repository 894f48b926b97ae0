package dev.atoll.bench;

import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clients that post log-batch requests of {@code batchSize} metric points each, as fast as the
 * server answers. Request bodies are built before the clock starts, so the figure is the server's.
 */
final class HttpIngestion {
    private HttpIngestion() {
    }

    static double pointsPerSecond(TrackingStore store, TrackingService service, int clients, int batchesPerClient,
            int batchSize) throws Exception {
        try (BenchServer server = BenchServer.start(store, service)) {
            List<List<byte[]>> bodies = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String runId = service.createRun("0", null, "ingest-" + c, null, List.of()).info().runId();
                List<byte[]> batches = new ArrayList<>();
                long step = 0;
                for (int b = 0; b < batchesPerClient; b++) {
                    StringBuilder json = new StringBuilder(batchSize * 80).append("{\"run_id\":\"").append(runId).append("\",\"metrics\":[");
                    for (int i = 0; i < batchSize; i++) {
                        if (i > 0) {
                            json.append(',');
                        }
                        json.append(String.format(Locale.ROOT, "{\"key\":\"metric_%d\",\"value\":%.6f,\"timestamp\":%d,\"step\":%d}",
                                i % 10, Math.sin(step), 1_700_000_000_000L + step, step));
                        step++;
                    }
                    batches.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                }
                bodies.add(batches);
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            CountDownLatch ready = new CountDownLatch(clients + 1);
            List<Future<Void>> done = new ArrayList<>();
            for (List<byte[]> batches : bodies) {
                done.add(pool.submit(() -> {
                    try (LoadClient client = new LoadClient("127.0.0.1", server.port())) {
                        List<byte[]> requests = new ArrayList<>();
                        for (byte[] body : batches) {
                            requests.add(client.post("/api/2.0/mlflow/runs/log-batch", body));
                        }
                        ready.countDown();
                        ready.await();
                        for (byte[] request : requests) {
                            client.send(request);
                        }
                    }
                    return null;
                }));
            }
            ready.countDown();
            ready.await();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            try {
                for (Future<Void> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            TrackingBenchmark.log(String.format(Locale.ROOT, "log-batch window %.2f s wall, %.2f s CPU of this process (%d cores)",
                    seconds, (os.getProcessCpuTime() - cpuStart) / 1e9, Runtime.getRuntime().availableProcessors()));
            return (double) clients * batchesPerClient * batchSize / seconds;
        }
    }
}
