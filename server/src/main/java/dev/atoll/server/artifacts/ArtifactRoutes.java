package dev.atoll.server.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.artifacts.ArtifactEntry;
import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.ArtifactStore;
import dev.atoll.errors.AtollException;
import dev.atoll.server.PageResponse;
import dev.atoll.server.RequestFields;
import dev.atoll.tracking.Page;
import dev.atoll.server.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MLflow's artifact endpoints: the {@code mlflow-artifacts} proxy (upload, download, list, delete,
 * multipart upload) and the run artifact listing and download ({@code artifacts/list},
 * {@code get-artifact}). Content streams between the socket and the store in both directions.
 *
 * <p>The artifact path is taken from the raw request URI, not from the router's decoded and
 * normalised path parameter, so a {@code ..} that the HTTP layer would quietly resolve is seen and
 * refused; a before-handler refuses traversal in URIs the router would have sent elsewhere.
 */
public final class ArtifactRoutes implements Routes {
    private static final String PROXY = "/mlflow-artifacts/artifacts";
    private static final String MPU = "/mlflow-artifacts/mpu/";
    private static final int MAX_PARTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactService artifacts;

    public ArtifactRoutes(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void addTo(Javalin app) {
        app.before(ArtifactRoutes::refuseTraversalInRawUri);
        for (String api : Routes.MLFLOW_API_ROOTS) {
            app.get(api + PROXY, this::listProxy);
            app.put(api + PROXY + "/<path>", ctx -> {
                try (InputStream body = ctx.req().getInputStream()) {
                    artifacts.upload(rawTail(ctx, PROXY + "/"), body);
                }
                ctx.json(JSON.createObjectNode());
            });
            app.get(api + PROXY + "/<path>", ctx -> send(ctx, artifacts.download(rawTail(ctx, PROXY + "/"))));
            app.delete(api + PROXY + "/<path>", ctx -> {
                artifacts.delete(rawTail(ctx, PROXY + "/"));
                ctx.json(JSON.createObjectNode());
            });
            app.post(api + MPU + "create/<path>", this::createMultipartUpload);
            app.post(api + MPU + "complete/<path>", this::completeMultipartUpload);
            app.post(api + MPU + "abort/<path>", this::abortMultipartUpload);
            app.put(api + MPU + "upload/<path>", this::uploadPart);
            app.get(api + "/mlflow/artifacts/list", this::listRunArtifacts);
        }
        app.get("/get-artifact", this::getArtifact);
        app.get("/ajax-api/2.0/mlflow/get-artifact", this::getArtifact);
    }

    private void listProxy(Context ctx) {
        List<ArtifactEntry> entries = artifacts.list(RequestFields.of(ctx).string("path"));
        ctx.json(PageResponse.of("files", new Page<>(entries, null), ArtifactRoutes::fileInfo));
    }

    private void listRunArtifacts(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        ctx.json(listing(artifacts.listRunArtifacts(in.runId(), in.string("path"), in.string("page_token"))));
    }

    /** A listing of files below a root as MLflow's ListArtifacts answers it: {@code root_uri}, {@code files}, {@code next_page_token}. */
    public static ObjectNode listing(ArtifactService.RunListing listing) {
        ObjectNode response = JSON.createObjectNode().put("root_uri", listing.rootUri());
        response.setAll(PageResponse.of("files", new Page<>(listing.files(), listing.nextPageToken()), ArtifactRoutes::fileInfo));
        return response;
    }

    private void getArtifact(Context ctx) throws IOException {
        RequestFields in = RequestFields.of(ctx);
        send(ctx, artifacts.downloadRunArtifact(in.runId(), in.requiredString("path")));
    }

    private void createMultipartUpload(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        String directory = rawTail(ctx, MPU + "create/");
        String path = in.requiredString("path");
        int numParts = partNumber(in, "num_parts");
        String uploadId = artifacts.createMultipartUpload(directory, path);
        String target = ArtifactPath.parse(directory).resolve(ArtifactPath.parse(path)).toString();
        String base = ctx.scheme() + "://" + ctx.host() + apiPrefix(ctx) + MPU + "upload/" + encodePath(target);
        ObjectNode response = JSON.createObjectNode();
        response.put("upload_id", uploadId);
        ArrayNode credentials = response.putArray("credentials");
        for (int part = 1; part <= numParts; part++) {
            ObjectNode credential = credentials.addObject();
            credential.put("part_number", part);
            credential.put("url", base + "?upload_id=" + uploadId + "&part_number=" + part);
            credential.putObject("headers");
        }
        ctx.json(response);
    }

    private void uploadPart(Context ctx) throws IOException {
        // The body is the part's content: the fields are in the query string.
        RequestFields in = RequestFields.fromQuery(ctx.queryParamMap());
        String uploadId = in.requiredString("upload_id");
        int partNumber = partNumber(in, "part_number");
        String etag;
        try (InputStream body = ctx.req().getInputStream()) {
            etag = artifacts.uploadPart(rawTail(ctx, MPU + "upload/"), uploadId, partNumber, body);
        }
        ctx.header("ETag", etag);
        ctx.json(JSON.createObjectNode());
    }

    private void completeMultipartUpload(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        List<ArtifactStore.CompletedPart> parts = new ArrayList<>();
        for (RequestFields part : in.required(in.objects("parts"), "parts")) {
            parts.add(new ArtifactStore.CompletedPart(partNumber(part, "part_number"), part.requiredString("etag").replace("\"", "")));
        }
        artifacts.completeMultipartUpload(rawTail(ctx, MPU + "complete/"), in.requiredString("path"), in.requiredString("upload_id"), parts);
        ctx.json(JSON.createObjectNode());
    }

    private void abortMultipartUpload(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        artifacts.abortMultipartUpload(rawTail(ctx, MPU + "abort/"), in.requiredString("path"), in.requiredString("upload_id"));
        ctx.json(JSON.createObjectNode());
    }

    /** Streams a file to the client, straight to the socket (no compression buffer, exact length). */
    public static void send(Context ctx, ArtifactService.Download download) throws IOException {
        try (InputStream in = download.content()) {
            ctx.status(200);
            ctx.res().setContentType(contentType(download.name()));
            ctx.res().setHeader("X-Content-Type-Options", "nosniff");
            ctx.res().setHeader("Content-Disposition", contentDisposition(download.name()));
            ctx.res().setContentLengthLong(download.size());
            OutputStream out = ctx.res().getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    /** An ASCII {@code filename} for old clients and the exact name as RFC 5987 {@code filename*}. */
    private static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ ()+,-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text types are served as text/plain so a browser never renders an uploaded page or script. */
    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.equals("mlmodel") || lower.matches(".*\\.(txt|log|yaml|yml|csv|md|py|html|htm|js|svg|xml)$")) {
            return "text/plain; charset=utf-8";
        }
        if (lower.matches(".*\\.(png|jpg|jpeg|gif)$")) {
            return "image/" + (lower.endsWith("jpg") ? "jpeg" : lower.substring(lower.lastIndexOf('.') + 1));
        }
        return "application/octet-stream";
    }

    private static ObjectNode fileInfo(ArtifactEntry entry) {
        ObjectNode file = JSON.createObjectNode();
        file.put("path", entry.path().toString());
        file.put("is_dir", entry.directory());
        if (!entry.directory()) {
            file.put("file_size", entry.size());
        }
        return file;
    }

    /** The artifact path after {@code marker} in the raw URI, percent-decoded once as the router would. */
    private static String rawTail(Context ctx, String marker) {
        String raw = ctx.req().getRequestURI();
        int at = raw.indexOf(marker);
        if (at < 0) {
            throw AtollException.invalidParameter("Invalid artifact request path '" + raw + "'.");
        }
        return decodeOnce(raw.substring(at + marker.length()));
    }

    private static void refuseTraversalInRawUri(Context ctx) {
        String raw = ctx.req().getRequestURI();
        int at = raw.indexOf("/mlflow-artifacts/");
        if (at < 0) {
            return;
        }
        String tail = raw.substring(at + "/mlflow-artifacts/".length());
        int slash = tail.indexOf('/');
        if (tail.startsWith("mpu/")) {
            slash = tail.indexOf('/', "mpu/".length());
        }
        if (slash >= 0) {
            ArtifactPath.parse(decodeOnce(tail.substring(slash + 1)));
        }
    }

    private static String decodeOnce(String raw) {
        String safe = raw.replace("+", "%2B").replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
        return URLDecoder.decode(safe, StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!encoded.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }

    private static String apiPrefix(Context ctx) {
        return ctx.req().getRequestURI().startsWith("/ajax-api/") ? "/ajax-api/2.0" : "/api/2.0";
    }

    /** A part number or count of parts: a whole number from 1 to 10000, as S3 allows. */
    private static int partNumber(RequestFields in, String name) {
        int value = in.required(in.int32(name), name);
        if (value < 1 || value > MAX_PARTS) {
            throw AtollException.invalidParameter("Invalid value " + value + " for parameter '" + name
                    + "' supplied: it must be a whole number from 1 to " + MAX_PARTS + ".");
        }
        return value;
    }
}
