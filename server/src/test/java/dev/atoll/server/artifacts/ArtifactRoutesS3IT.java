package dev.atoll.server.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.ArtifactUris;
import dev.atoll.artifacts.s3.S3ArtifactStore;
import dev.atoll.artifacts.s3.S3ProxyServer;
import dev.atoll.server.AtollServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The artifact proxy over the S3 store, against a real S3 API server (S3Proxy) started here. */
class ArtifactRoutesS3IT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final long LARGE = 40L * 1024 * 1024 + 13;

    @TempDir
    Path dir;
    S3ProxyServer s3;
    S3Client client;
    AtollServer server;
    String baseUrl;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        s3 = S3ProxyServer.start(dir);
        client = S3ArtifactStore.client(s3.endpoint(), "us-east-1", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        client.createBucket(b -> b.bucket("artifacts"));
        ArtifactService service = new ArtifactService(new S3ArtifactStore(client, "artifacts", "mlflow", S3ArtifactStore.MIN_PART_SIZE),
                runId -> ArtifactUris.runUri("1", runId));
        server = new AtollServer(List.of(new ArtifactRoutes(service)), null, Duration.ofSeconds(5));
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        client.close();
        s3.close();
    }

    @Test
    void largeUploadStreamsIntoAMultipartObjectAndBackOut() throws Exception {
        String url = baseUrl + PROXY + "1/r1/artifacts/model/weights.bin";
        String sent = ArtifactLargeTransferIT.upload(url, LARGE);

        assertThat(client.headObject(b -> b.bucket("artifacts").key("mlflow/1/r1/artifacts/model/weights.bin")).contentLength())
                .isEqualTo(LARGE);
        ArtifactLargeTransferIT.Download back = ArtifactLargeTransferIT.download(url);
        assertThat(back.sha256()).isEqualTo(sent);
        assertThat(back.contentLength()).isEqualTo(LARGE);

        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/api/2.0/mlflow/artifacts/list?run_id=r1&path=model")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listing.body()).contains("\"path\":\"model/weights.bin\"").contains("\"file_size\":" + LARGE);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl + PROXY + "1/r1/artifacts/model")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(client.listObjectsV2(b -> b.bucket("artifacts")).contents()).isEmpty();
    }

    @Test
    void proxyMultipartUploadUsesS3MultipartUpload() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/2.0/mlflow-artifacts/mpu/create/1/r1/artifacts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"big.bin\", \"num_parts\": 2}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(created.body());
        List<String> parts = new ArrayList<>();
        byte[] first = new byte[5 * 1024 * 1024];
        for (JsonNode credential : body.get("credentials")) {
            byte[] content = credential.get("part_number").asInt() == 1 ? first : new byte[] {1, 2, 3};
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(credential.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            parts.add("{\"part_number\": " + credential.get("part_number").asInt() + ", \"etag\": \"" + put.headers().firstValue("ETag").orElseThrow() + "\"}");
        }
        HttpResponse<String> completed = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/2.0/mlflow-artifacts/mpu/complete/1/r1/artifacts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"big.bin\", \"upload_id\": \"" + body.get("upload_id").asText()
                        + "\", \"parts\": [" + String.join(",", parts) + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        assertThat(client.headObject(b -> b.bucket("artifacts").key("mlflow/1/r1/artifacts/big.bin")).contentLength())
                .isEqualTo(first.length + 3);
    }
}
