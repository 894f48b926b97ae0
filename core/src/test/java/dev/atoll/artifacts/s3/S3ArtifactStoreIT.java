package dev.atoll.artifacts.s3;

import dev.atoll.artifacts.AbstractArtifactStoreContractTest;
import dev.atoll.artifacts.ArtifactStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The artifact store contract against a real S3 API server (S3Proxy). */
class S3ArtifactStoreIT extends AbstractArtifactStoreContractTest {
    @TempDir
    static Path blobs;
    static S3ProxyServer server;
    static S3Client client;
    String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start(blobs);
        client = S3ArtifactStore.client(server.endpoint(), "us-east-1", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        server.close();
    }

    @Override
    protected ArtifactStore createStore() {
        bucket = "atoll-" + UUID.randomUUID().toString().substring(0, 8);
        client.createBucket(b -> b.bucket(bucket));
        return new S3ArtifactStore(client, bucket, "mlflow/artifacts", S3ArtifactStore.MIN_PART_SIZE);
    }

    @Test
    void objectsLiveUnderThePrefix() {
        store.put(path("1/r/artifacts/a.txt"), text("a"));

        assertThat(client.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
                .contains("mlflow/artifacts/1/r/artifacts/a.txt");
    }
}
