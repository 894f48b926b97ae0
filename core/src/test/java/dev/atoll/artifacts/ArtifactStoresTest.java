package dev.atoll.artifacts;

import dev.atoll.artifacts.local.LocalArtifactStore;
import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactStoresTest {
    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "ak", "AWS_SECRET_ACCESS_KEY", "sk");

    @Test
    void directoriesAndFileUrisAreLocalStoresRootedThere(@TempDir Path dir) throws Exception {
        ArtifactStore plain = ArtifactStores.open(dir.resolve("a").toString(), Map.of());
        ArtifactStore fileUri = ArtifactStores.open(dir.resolve("b").toUri().toString(), Map.of());
        fileUri.put(ArtifactPath.parse("1/r/artifacts/x.txt"), new ByteArrayInputStream(new byte[] {'x'}));

        assertThat(plain).isInstanceOf(LocalArtifactStore.class);
        assertThat(dir.resolve("a")).isDirectory();
        assertThat(dir.resolve("b/1/r/artifacts/x.txt")).as("laid out as MLflow's --artifacts-destination").hasContent("x");
    }

    @Test
    void s3UrisCarryBucketPrefixEndpointAndRegion() {
        ArtifactStores.S3Location location = ArtifactStores.s3(
                "s3://models/team/mlflow/?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu-west-1&part_size_mb=16", KEYS);

        assertThat(location.bucket()).isEqualTo("models");
        assertThat(location.prefix()).isEqualTo("team/mlflow");
        assertThat(location.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(location.region()).isEqualTo("eu-west-1");
        assertThat(location.partSize()).isEqualTo(16 * 1024 * 1024);
        assertThat(ArtifactStores.s3("s3://b", Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "s",
                "MLFLOW_S3_ENDPOINT_URL", "http://minio:9000")).endpoint()).isEqualTo(URI.create("http://minio:9000"));
    }

    @Test
    void badDestinationsSayWhatIsWrong() {
        assertThatThrownBy(() -> ArtifactStores.s3("s3://b/x", Map.of())).isInstanceOf(AtollException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
        assertThatThrownBy(() -> ArtifactStores.s3("s3://b/x?color=red", KEYS)).hasMessageContaining("unknown parameter 'color'");
        assertThatThrownBy(() -> ArtifactStores.s3("s3://b/x?part_size_mb=1", KEYS)).hasMessageContaining("from 5 to 512");
        assertThatThrownBy(() -> ArtifactStores.s3("s3://b/../x", KEYS)).hasMessageContaining("'..' segment");
        assertThatThrownBy(() -> ArtifactStores.open("", Map.of())).hasMessageContaining("artifacts destination");
    }
}
