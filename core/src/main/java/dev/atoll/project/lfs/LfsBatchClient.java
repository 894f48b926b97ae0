package dev.atoll.project.lfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lfs.lib.LongObjectId;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A client of the Git LFS batch API (basic transfer): asks the server which objects to upload or
 * download and where, then moves each object with the given href and headers. Downloads are hashed as
 * they arrive, so a corrupt transfer never enters the local store.
 */
public final class LfsBatchClient {
    private static final String MEDIA_TYPE = "application/vnd.git-lfs+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Map<String, String> headers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();

    /** {@code endpoint} is the LFS URL ({@code …/info/lfs} for a git remote); {@code headers} e.g. Authorization. */
    public LfsBatchClient(URI endpoint, Map<String, String> headers) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.headers = Map.copyOf(headers);
    }

    /** The LFS endpoint git-lfs derives from a remote URL: {@code <remote>.git/info/lfs}. */
    public static URI endpointOf(String remoteUrl) {
        String base = remoteUrl.replaceAll("/+$", "");
        return URI.create((base.endsWith(".git") ? base : base + ".git") + "/info/lfs");
    }

    /** Uploads the objects the server does not have yet; returns how many were sent. */
    public int upload(Collection<LfsPointer> pointers, LfsObjectStore store) throws IOException {
        int sent = 0;
        for (JsonNode object : batch("upload", pointers)) {
            JsonNode upload = object.path("actions").path("upload");
            if (upload.isMissingNode()) {
                continue;
            }
            LfsPointer pointer = pointerOf(object);
            if (!store.contains(pointer)) {
                throw new IOException("LFS object " + pointer.getOid().name() + " is not in the local store, so it cannot be pushed — add the file again");
            }
            HttpRequest.Builder put = request(upload).PUT(HttpRequest.BodyPublishers.ofFile(store.objectPath(pointer)))
                    .header("Content-Type", "application/octet-stream");
            HttpResponse<String> response = send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("uploading LFS object " + pointer.getOid().name() + " failed: HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode verify = object.path("actions").path("verify");
            if (!verify.isMissingNode()) {
                ObjectNode body = JSON.createObjectNode().put("oid", pointer.getOid().name()).put("size", pointer.getSize());
                HttpResponse<String> verified = send(request(verify).header("Content-Type", MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (verified.statusCode() / 100 != 2) {
                    throw new IOException("the LFS server did not verify " + pointer.getOid().name() + ": HTTP " + verified.statusCode());
                }
            }
            sent++;
        }
        return sent;
    }

    /** Downloads the objects missing from the local store; returns how many were fetched. */
    public int download(Collection<LfsPointer> pointers, LfsObjectStore store) throws IOException {
        List<LfsPointer> missing = pointers.stream().filter(p -> !store.contains(p)).distinct().toList();
        if (missing.isEmpty()) {
            return 0;
        }
        int fetched = 0;
        for (JsonNode object : batch("download", missing)) {
            LfsPointer pointer = pointerOf(object);
            JsonNode download = object.path("actions").path("download");
            if (download.isMissingNode()) {
                throw new IOException("the LFS server has no download for " + pointer.getOid().name() + " — was it pushed?");
            }
            HttpResponse<InputStream> response = send(request(download).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("downloading LFS object " + pointer.getOid().name() + " failed: HTTP " + response.statusCode());
                }
                store.receive(body, pointer);
            }
            fetched++;
        }
        return fetched;
    }

    private List<JsonNode> batch(String operation, Collection<LfsPointer> pointers) throws IOException {
        if (pointers.isEmpty()) {
            return List.of();
        }
        ObjectNode body = JSON.createObjectNode().put("operation", operation);
        body.putArray("transfers").add("basic");
        ArrayNode objects = body.putArray("objects");
        for (LfsPointer pointer : pointers) {
            objects.addObject().put("oid", pointer.getOid().name()).put("size", pointer.getSize());
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(endpoint + "/objects/batch"))
                .header("Accept", MEDIA_TYPE).header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(post::header);
        HttpResponse<String> response = send(post.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("LFS batch " + operation + " at " + endpoint + " failed: HTTP " + response.statusCode() + " " + response.body()
                    + " — check the LFS URL and your credentials");
        }
        List<JsonNode> result = new ArrayList<>();
        for (Iterator<JsonNode> it = JSON.readTree(response.body()).path("objects").elements(); it.hasNext(); ) {
            JsonNode object = it.next();
            if (object.has("error")) {
                throw new IOException("LFS server refused " + operation + " of " + object.path("oid").asText() + ": "
                        + object.path("error").path("code").asInt() + " " + object.path("error").path("message").asText());
            }
            result.add(object);
        }
        return result;
    }

    private static LfsPointer pointerOf(JsonNode object) {
        return new LfsPointer(LongObjectId.fromString(object.path("oid").asText()), object.path("size").asLong());
    }

    private static HttpRequest.Builder request(JsonNode action) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(action.path("href").asText())).timeout(Duration.ofHours(1));
        action.path("header").fields().forEachRemaining(header -> {
            // The JDK client sets these itself and refuses them from callers.
            if (!java.util.Set.of("host", "connection", "content-length", "expect", "upgrade").contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue().asText());
            }
        });
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted during an LFS transfer");
        }
    }
}
