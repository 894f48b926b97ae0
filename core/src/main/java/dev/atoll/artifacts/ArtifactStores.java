package dev.atoll.artifacts;

import dev.atoll.artifacts.local.LocalArtifactStore;
import dev.atoll.artifacts.s3.S3ArtifactStore;
import dev.atoll.errors.AtollException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the artifact store a server is configured with (MLflow's {@code --artifacts-destination}):
 * a directory path or {@code file:} URI for the local store, or
 * {@code s3://<bucket>[/<prefix>][?endpoint=<url>&region=<region>&part_size_mb=<n>]} for S3, with the
 * keys from {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (and the endpoint from
 * {@code MLFLOW_S3_ENDPOINT_URL} if the URI has none), as MLflow reads them.
 */
public final class ArtifactStores {
    private ArtifactStores() {
    }

    public static ArtifactStore open(String destination, Map<String, String> environment) {
        if (destination == null || destination.isBlank()) {
            throw AtollException.invalidParameter("Invalid artifacts destination '': give a directory or an s3://bucket/prefix URI.");
        }
        if (!destination.startsWith("s3://")) {
            Path directory = destination.startsWith("file:") ? Path.of(uri(destination)) : Path.of(destination);
            return new LocalArtifactStore(directory);
        }
        S3Location location = s3(destination, environment);
        return new S3ArtifactStore(S3ArtifactStore.client(location.endpoint(), location.region(), location.accessKey(), location.secretKey()),
                location.bucket(), location.prefix(), location.partSize());
    }

    /** Where an {@code s3://} destination points and how to reach it. */
    public record S3Location(String bucket, String prefix, URI endpoint, String region, String accessKey, String secretKey, int partSize) {
    }

    public static S3Location s3(String destination, Map<String, String> environment) {
        URI uri = uri(destination);
        String bucket = uri.getHost();
        if (bucket == null || bucket.isEmpty()) {
            throw AtollException.invalidParameter("Invalid artifacts destination '" + destination + "': s3:// URIs name a bucket, s3://<bucket>/<prefix>.");
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw AtollException.invalidParameter("Invalid artifacts destination '" + destination + "': query parameter '" + pair
                            + "' is not key=value.");
                }
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        for (String key : query.keySet()) {
            if (!key.equals("endpoint") && !key.equals("region") && !key.equals("part_size_mb")) {
                throw AtollException.invalidParameter("Invalid artifacts destination '" + destination + "': unknown parameter '" + key
                        + "'; use endpoint, region or part_size_mb.");
            }
        }
        String endpoint = query.getOrDefault("endpoint", environment.getOrDefault("MLFLOW_S3_ENDPOINT_URL", "https://s3.amazonaws.com"));
        String region = query.getOrDefault("region", environment.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey == null || secretKey == null) {
            throw AtollException.invalidParameter("Missing S3 credentials for '" + destination
                    + "': set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        }
        int partSize = S3ArtifactStore.DEFAULT_PART_SIZE;
        if (query.containsKey("part_size_mb")) {
            try {
                partSize = Math.multiplyExact(Integer.parseInt(query.get("part_size_mb")), 1024 * 1024);
            } catch (NumberFormatException | ArithmeticException e) {
                partSize = -1;
            }
            if (partSize < S3ArtifactStore.MIN_PART_SIZE || partSize > 512 * 1024 * 1024) {
                throw AtollException.invalidParameter("Invalid part_size_mb '" + query.get("part_size_mb") + "' in '" + destination
                        + "': it must be a whole number from 5 to 512.");
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "").replaceFirst("/+$", "");
        String prefix = path.isEmpty() ? "" : ArtifactPath.parse(path).toString();
        return new S3Location(bucket, prefix, uri(endpoint), region, accessKey, secretKey, partSize);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw AtollException.invalidParameter("Invalid URI '" + text + "': " + e.getReason() + ".");
        }
    }
}
