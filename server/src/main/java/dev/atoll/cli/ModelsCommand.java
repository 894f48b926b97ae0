package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.artifacts.ArtifactUris;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code atoll models}: the model registry from the command line, through the server's REST API
 * (so it works against any Atoll or MLflow server): list, show (with lineage), register, alias,
 * promote, history, download.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Registered models: list, show, register, alias, promote, history, download.")
public final class ModelsCommand implements Runnable {
    /**
     * Jackson and the HTTP client load about 1,400 classes (0.3–0.5 s); picocli builds this command
     * for every command line, {@code atoll diff} and {@code --version} too, so both wait for first use.
     */
    private static final class Lazy {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Option(names = "--tracking-uri", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Server URL (default: $MLFLOW_TRACKING_URI, else http://127.0.0.1:5000).")
    String trackingUri;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private HttpClient http;

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "list", description = "List registered models with their latest versions and aliases.")
    int list(@Option(names = "--filter", description = "e.g. \"name LIKE 'fraud%'\"") String filter,
             @Option(names = "--max", defaultValue = "100") int max) {
        String token = null;
        int shown = 0;
        out().printf("%-32s %-10s %-24s %s%n", "NAME", "LATEST", "ALIASES", "UPDATED");
        do {
            StringBuilder query = new StringBuilder("max_results=" + Math.min(max - shown, 1000));
            if (filter != null) {
                query.append("&filter=").append(encode(filter));
            }
            if (token != null) {
                query.append("&page_token=").append(encode(token));
            }
            JsonNode page = get("/api/2.0/mlflow/registered-models/search?" + query);
            for (JsonNode model : page.path("registered_models")) {
                List<String> latest = new ArrayList<>();
                model.path("latest_versions").forEach(v -> latest.add("v" + v.path("version").asText()));
                List<String> aliases = new ArrayList<>();
                model.path("aliases").forEach(a -> aliases.add(a.path("alias").asText() + "=v" + a.path("version").asText()));
                out().printf("%-32s %-10s %-24s %s%n", model.path("name").asText(), latest.isEmpty() ? "-" : latest.get(latest.size() - 1),
                        aliases.isEmpty() ? "-" : String.join(",", aliases), time(model.path("last_updated_timestamp").asLong()));
                shown++;
            }
            token = page.path("next_page_token").asText(null);
        } while (token != null && shown < max);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a model and its versions, or one version with its lineage.")
    int show(@Parameters(paramLabel = "NAME") String name,
             @Option(names = "--version", description = "Show this version (or @alias) with its lineage.") String version) {
        if (version != null) {
            String number = resolveVersion(name, version);
            JsonNode v = get("/api/2.0/mlflow/model-versions/get?name=" + encode(name) + "&version=" + number).path("model_version");
            out().printf("%s version %s  stage %s  status %s%n", name, number, v.path("current_stage").asText(), v.path("status").asText());
            out().printf("source:      %s%n", v.path("source").asText());
            printIfPresent("description", v.path("description"));
            printIfPresent("aliases", v.path("aliases"));
            JsonNode lineage = get("/api/atoll/registry/lineage?name=" + encode(name) + "&version=" + number).path("lineage");
            out().println("lineage:");
            for (String field : List.of("run_id", "experiment_id", "run_link", "code_repository", "code_commit", "data_repository",
                    "data_commit", "ci_job_url", "ci_job_id")) {
                if (lineage.has(field)) {
                    out().printf("  %-16s %s%n", field, lineage.path(field).asText());
                }
            }
            lineage.path("module_versions").fields().forEachRemaining(e ->
                    out().printf("  module           %s@%s%n", e.getKey(), e.getValue().asText()));
            return ExitCodes.OK;
        }
        JsonNode model = get("/api/2.0/mlflow/registered-models/get?name=" + encode(name)).path("registered_model");
        out().printf("%s%n", model.path("name").asText());
        printIfPresent("description", model.path("description"));
        model.path("tags").forEach(t -> out().printf("tag:         %s=%s%n", t.path("key").asText(), t.path("value").asText()));
        model.path("aliases").forEach(a -> out().printf("alias:       %s -> v%s%n", a.path("alias").asText(), a.path("version").asText()));
        out().printf("%-8s %-11s %-20s %s%n", "VERSION", "STAGE", "CREATED", "SOURCE");
        JsonNode versions = get("/api/2.0/mlflow/model-versions/search?filter=" + encode("name = '" + name.replace("'", "\\'") + "'")
                + "&order_by=" + encode("version_number DESC"));
        for (JsonNode v : versions.path("model_versions")) {
            out().printf("%-8s %-11s %-20s %s%n", v.path("version").asText(), v.path("current_stage").asText(),
                    time(v.path("creation_timestamp").asLong()), v.path("source").asText());
        }
        return ExitCodes.OK;
    }

    @Command(name = "register", description = "Register SOURCE (runs:/<run>/<path>, models:/<model_id>, s3://...) as a new version of NAME.")
    int register(@Parameters(paramLabel = "NAME") String name,
                 @Parameters(paramLabel = "SOURCE") String source,
                 @Option(names = "--run-id") String runId,
                 @Option(names = "--description") String description,
                 @Option(names = "--tag", description = "key=value, repeatable") Map<String, String> tags) {
        try {
            get("/api/2.0/mlflow/registered-models/get?name=" + encode(name));
        } catch (AtollException e) {
            if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                throw e;
            }
            send("POST", "/api/2.0/mlflow/registered-models/create", Lazy.JSON.createObjectNode().put("name", name));
        }
        ObjectNode body = Lazy.JSON.createObjectNode().put("name", name).put("source", source);
        if (runId != null) {
            body.put("run_id", runId);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (tags != null) {
            var array = body.putArray("tags");
            tags.forEach((k, v) -> array.addObject().put("key", k).put("value", v));
        }
        JsonNode version = send("POST", "/api/2.0/mlflow/model-versions/create", body).path("model_version");
        out().printf("registered %s version %s (source %s)%n", name, version.path("version").asText(), source);
        return ExitCodes.OK;
    }

    @Command(name = "alias", description = "Point ALIAS of NAME at VERSION, or remove it with --delete.")
    int alias(@Parameters(paramLabel = "NAME") String name,
              @Parameters(paramLabel = "ALIAS") String alias,
              @Parameters(paramLabel = "VERSION", arity = "0..1") String version,
              @Option(names = "--delete") boolean delete) {
        if (delete) {
            send("DELETE", "/api/2.0/mlflow/registered-models/alias", Lazy.JSON.createObjectNode().put("name", name).put("alias", alias));
            out().printf("removed alias %s of %s%n", alias, name);
            return ExitCodes.OK;
        }
        if (version == null) {
            throw AtollException.invalidParameter("missing VERSION for alias " + alias + " — give a version number, or --delete to remove the alias");
        }
        send("POST", "/api/2.0/mlflow/registered-models/alias",
                Lazy.JSON.createObjectNode().put("name", name).put("alias", alias).put("version", version));
        out().printf("%s@%s -> version %s%n", name, alias, version);
        return ExitCodes.OK;
    }

    @Command(name = "promote", description = "Move VERSION of NAME to STAGE (None, Staging, Production, Archived).")
    int promote(@Parameters(paramLabel = "NAME") String name,
                @Parameters(paramLabel = "VERSION") String version,
                @Parameters(paramLabel = "STAGE") String stage,
                @Option(names = "--archive-existing", description = "Archive the versions now in STAGE.") boolean archive) {
        JsonNode result = send("POST", "/api/2.0/mlflow/model-versions/transition-stage", Lazy.JSON.createObjectNode()
                .put("name", name).put("version", version).put("stage", stage).put("archive_existing_versions", archive));
        out().printf("%s version %s is now in %s%n", name, version, result.path("model_version").path("current_stage").asText());
        return ExitCodes.OK;
    }

    @Command(name = "history", description = "The audit history: who changed what, when, from what to what.")
    int history(@Parameters(paramLabel = "NAME", arity = "0..1") String name,
                @Option(names = "--max", defaultValue = "100") int max) {
        JsonNode entries = get("/api/atoll/registry/history?max_results=" + max + (name == null ? "" : "&name=" + encode(name))).path("entries");
        out().printf("%-20s %-12s %-32s %-20s %s%n", "WHEN", "WHO", "ACTION", "MODEL", "CHANGE");
        for (JsonNode e : entries) {
            String target = e.path("name").asText() + (e.has("version") ? " v" + e.path("version").asText() : "");
            String change = e.has("field") ? e.path("field").asText() + ": " + e.path("value_before").asText("-") + " -> "
                    + e.path("value_after").asText("-") : "";
            out().printf("%-20s %-12s %-32s %-20s %s%n", time(e.path("timestamp").asLong()), e.path("user_id").asText("-"),
                    e.path("action").asText(), target, change);
        }
        return ExitCodes.OK;
    }

    @Command(name = "download", description = "Download the files of VERSION (a number or @alias) of NAME into a directory.")
    int download(@Parameters(paramLabel = "NAME") String name,
                 @Parameters(paramLabel = "VERSION") String version,
                 @Option(names = {"-o", "--output"}, defaultValue = ".") Path output) throws IOException {
        String number = resolveVersion(name, version);
        String uri = get("/api/2.0/mlflow/model-versions/get-download-uri?name=" + encode(name) + "&version=" + number)
                .path("artifact_uri").asText();
        ArtifactPath root = ArtifactUris.storePath(uri);
        Path target = Files.createDirectories(output.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + number));
        int[] counts = {0};
        long[] bytes = {0};
        downloadTree(root, ArtifactPath.ROOT, target, counts, bytes);
        out().printf("downloaded %d files (%d bytes) of %s version %s to %s%n", counts[0], bytes[0], name, number, target);
        return ExitCodes.OK;
    }

    private void downloadTree(ArtifactPath root, ArtifactPath relative, Path target, int[] counts, long[] bytes) throws IOException {
        JsonNode listing = get("/api/2.0/mlflow-artifacts/artifacts?path=" + encode(root.resolve(relative).toString()));
        for (JsonNode file : listing.path("files")) {
            // The server's names are checked like any client input before they become local paths.
            ArtifactPath child = relative.resolve(ArtifactPath.parse(file.path("path").asText()));
            Path local = target.resolve(child.toString());
            if (file.path("is_dir").asBoolean()) {
                Files.createDirectories(local);
                downloadTree(root, child, target, counts, bytes);
                continue;
            }
            HttpResponse<InputStream> response = exchange(HttpRequest.newBuilder(url("/api/2.0/mlflow-artifacts/artifacts/"
                    + encodePath(root.resolve(child).toString()))).GET(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw error(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                Files.createDirectories(local.getParent());
                bytes[0] += Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                counts[0]++;
            }
        }
    }

    private String resolveVersion(String name, String version) {
        if (version.startsWith("@")) {
            return get("/api/2.0/mlflow/registered-models/alias?name=" + encode(name) + "&alias=" + encode(version.substring(1)))
                    .path("model_version").path("version").asText();
        }
        return version;
    }

    private void printIfPresent(String label, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            out().printf("%-12s %s%n", label + ":", value.isArray() ? value.toString() : value.asText());
        }
    }

    // ---- HTTP

    private URI url(String pathAndQuery) {
        String base = trackingUri != null ? trackingUri : System.getenv().getOrDefault("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000");
        return URI.create(base.replaceAll("/+$", "") + pathAndQuery);
    }

    private JsonNode get(String pathAndQuery) {
        return json(exchange(HttpRequest.newBuilder(url(pathAndQuery)).GET(), HttpResponse.BodyHandlers.ofString()));
    }

    private JsonNode send(String method, String path, ObjectNode body) {
        return json(exchange(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .header("X-Atoll-User", System.getProperty("user.name", "cli"))
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())), HttpResponse.BodyHandlers.ofString()));
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        URI uri = request.build().uri();
        try {
            if (http == null) {
                http = HttpClient.newHttpClient();
            }
            return http.send(request.build(), handler);
        } catch (ConnectException e) {
            throw new AtollException(ErrorCode.TEMPORARILY_UNAVAILABLE, "cannot reach the Atoll server at " + uri.getScheme() + "://"
                    + uri.getAuthority() + " — start it with 'atoll server' or pass --tracking-uri");
        } catch (IOException e) {
            throw new AtollException(ErrorCode.TEMPORARILY_UNAVAILABLE, "request to " + uri + " failed (" + e.getMessage()
                    + ") — check that the server is running and reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtollException(ErrorCode.INTERNAL_ERROR, "interrupted while waiting for " + uri);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw error(response.statusCode(), response.body());
        }
        try {
            return Lazy.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AtollException(ErrorCode.INTERNAL_ERROR, "the server answered with something that is not JSON — is --tracking-uri an Atoll server?");
        }
    }

    private static AtollException error(int status, String body) {
        try {
            JsonNode error = Lazy.JSON.readTree(body);
            ErrorCode code = ErrorCode.valueOf(error.path("error_code").asText("INTERNAL_ERROR"));
            return new AtollException(code, error.path("message").asText(body));
        } catch (IOException | IllegalArgumentException e) {
            return new AtollException(ErrorCode.INTERNAL_ERROR, "the server answered HTTP " + status + " — is --tracking-uri an Atoll server?");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            parts.add(encode(segment).replace("+", "%20"));
        }
        return String.join("/", parts);
    }

    private static String time(long millis) {
        return millis == 0 ? "-" : Instant.ofEpochMilli(millis).toString().substring(0, 19).replace('T', ' ');
    }
}
