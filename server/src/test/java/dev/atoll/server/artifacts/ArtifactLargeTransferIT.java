package dev.atoll.server.artifacts;

import dev.atoll.artifacts.PatternStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2 GiB artifact up and down through a server whose heap is capped at 256 MB (a child JVM with
 * {@code -Xmx256m}): it only passes if content streams in both directions.
 */
class ArtifactLargeTransferIT {
    private static final long SIZE = 2L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoGigabytesUpAndDownWithA256MegabyteHeap() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ArtifactServerMain.class.getName(), dir.toString())
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("server start; stderr: %s", readQuietly(dir.resolve("server.err"))).startsWith("PORT=");
            int port = Integer.parseInt(ready.split("[= ]")[1]);
            long maxHeap = Long.parseLong(ready.substring(ready.indexOf("MAXHEAP=") + 8));
            assertThat(maxHeap).isLessThanOrEqualTo(256L * 1024 * 1024);
            String url = "http://127.0.0.1:" + port + "/api/2.0/mlflow-artifacts/artifacts/1/run/artifacts/big.bin";

            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            long uploadStart = System.nanoTime();
            HttpURLConnection put = (HttpURLConnection) URI.create(url).toURL().openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setChunkedStreamingMode(1 << 16);
            try (OutputStream body = put.getOutputStream();
                 InputStream content = new DigestInputStream(new PatternStream(SIZE), sent)) {
                content.transferTo(body);
            }
            assertThat(put.getResponseCode()).as("upload; stderr: %s", readQuietly(dir.resolve("server.err"))).isEqualTo(200);
            double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
            assertThat(Files.size(dir.resolve("artifacts/1/run/artifacts/big.bin"))).isEqualTo(SIZE);

            long downloadStart = System.nanoTime();
            HttpURLConnection get = (HttpURLConnection) URI.create(url).toURL().openConnection();
            assertThat(get.getResponseCode()).isEqualTo(200);
            assertThat(get.getContentLengthLong()).isEqualTo(SIZE);
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long count = 0;
            try (InputStream in = get.getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.update(buffer, 0, n);
                    count += n;
                }
            }
            double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
            assertThat(count).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            assertThat(server.isAlive()).isTrue();
            assertThat(readQuietly(dir.resolve("server.err"))).doesNotContain("OutOfMemoryError");
            System.out.printf("2 GiB through a -Xmx256m server: upload %.1f s (%.0f MB/s), download %.1f s (%.0f MB/s)%n",
                    uploadSeconds, SIZE / 1e6 / uploadSeconds, downloadSeconds, SIZE / 1e6 / downloadSeconds);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}
