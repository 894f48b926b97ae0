package dev.atoll.server.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.artifacts.ArtifactService;
import dev.atoll.registry.LoggedModel;
import dev.atoll.registry.LoggedModelService;
import dev.atoll.registry.ModelVersion;
import dev.atoll.registry.RegisteredModel;
import dev.atoll.registry.RegistryService;
import dev.atoll.server.PageResponse;
import dev.atoll.server.RequestFields;
import dev.atoll.server.Routes;
import dev.atoll.server.artifacts.ArtifactRoutes;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Page;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.atoll.server.registry.RegistryJson.JSON;

/**
 * MLflow's model registry REST API ({@code model_registry.proto}) under {@code /api/2.0/mlflow/}
 * and {@code /ajax-api/2.0/mlflow/}, MLflow 3's logged models with the run outputs that point at
 * them ({@code runs/outputs}), plus Atoll's registry extras under {@code /api/atoll/registry/}:
 * audit history, lineage and the webhook delivery log. Each handler parses, makes one service call
 * and renders MLflow's JSON.
 */
public final class RegistryRoutes implements Routes {

    private final RegistryService registry;
    private final LoggedModelService loggedModels;
    private final ArtifactService artifacts;

    public RegistryRoutes(RegistryService registry, LoggedModelService loggedModels, ArtifactService artifacts) {
        this.registry = registry;
        this.loggedModels = loggedModels;
        this.artifacts = artifacts;
    }

    @Override
    public void addTo(Javalin app) {
        for (String prefix : Routes.MLFLOW_PREFIXES) {
            route(app, prefix, HandlerType.POST, "registered-models/create", this::createModel);
            route(app, prefix, HandlerType.GET, "registered-models/get",
                    (in, ctx) -> modelResponse(registry.getRegisteredModel(in.requiredString("name"))));
            route(app, prefix, HandlerType.POST, "registered-models/rename",
                    (in, ctx) -> modelResponse(registry.renameRegisteredModel(in.requiredString("name"), in.requiredString("new_name"), actor(ctx))));
            route(app, prefix, HandlerType.PATCH, "registered-models/update",
                    (in, ctx) -> modelResponse(registry.updateRegisteredModel(in.requiredString("name"), in.string("description"), actor(ctx))));
            route(app, prefix, HandlerType.DELETE, "registered-models/delete", (in, ctx) -> {
                registry.deleteRegisteredModel(in.requiredString("name"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "registered-models/search", this::searchModels);
            route(app, prefix, HandlerType.GET, "registered-models/get-latest-versions", this::latestVersions);
            route(app, prefix, HandlerType.POST, "registered-models/get-latest-versions", this::latestVersions);
            route(app, prefix, HandlerType.POST, "registered-models/set-tag", (in, ctx) -> {
                registry.setRegisteredModelTag(in.requiredString("name"), in.requiredString("key"), in.stringOrEmpty("value"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "registered-models/delete-tag", (in, ctx) -> {
                registry.deleteRegisteredModelTag(in.requiredString("name"), in.requiredString("key"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.POST, "registered-models/alias", (in, ctx) -> {
                registry.setAlias(in.requiredString("name"), in.requiredString("alias"), in.requiredString("version"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "registered-models/alias", (in, ctx) -> {
                registry.deleteAlias(in.requiredString("name"), in.requiredString("alias"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "registered-models/alias",
                    (in, ctx) -> versionResponse(registry.getModelVersionByAlias(in.requiredString("name"), in.requiredString("alias"))));

            route(app, prefix, HandlerType.POST, "model-versions/create", (in, ctx) -> versionResponse(registry.createModelVersion(
                    in.requiredString("name"), in.requiredString("source"), in.string("run_id"), in.tags("tags"), in.string("run_link"),
                    in.string("description"), in.string("model_id"), actor(ctx))));
            route(app, prefix, HandlerType.GET, "model-versions/get",
                    (in, ctx) -> versionResponse(registry.getModelVersion(in.requiredString("name"), in.requiredString("version"))));
            route(app, prefix, HandlerType.PATCH, "model-versions/update", (in, ctx) -> versionResponse(
                    registry.updateModelVersion(in.requiredString("name"), in.requiredString("version"), in.string("description"), actor(ctx))));
            route(app, prefix, HandlerType.DELETE, "model-versions/delete", (in, ctx) -> {
                registry.deleteModelVersion(in.requiredString("name"), in.requiredString("version"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "model-versions/search", this::searchVersions);
            route(app, prefix, HandlerType.POST, "model-versions/transition-stage", (in, ctx) -> versionResponse(registry.transitionStage(
                    in.requiredString("name"), in.requiredString("version"), in.requiredString("stage"),
                    Boolean.TRUE.equals(in.bool("archive_existing_versions")), actor(ctx))));
            route(app, prefix, HandlerType.GET, "model-versions/get-download-uri", (in, ctx) -> {
                ObjectNode response = JSON.createObjectNode();
                response.put("artifact_uri", registry.getModelVersionDownloadUri(in.requiredString("name"), in.requiredString("version")));
                return response;
            });
            route(app, prefix, HandlerType.POST, "model-versions/set-tag", (in, ctx) -> {
                registry.setModelVersionTag(in.requiredString("name"), in.requiredString("version"), in.requiredString("key"),
                        in.stringOrEmpty("value"), actor(ctx));
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "model-versions/delete-tag", (in, ctx) -> {
                registry.deleteModelVersionTag(in.requiredString("name"), in.requiredString("version"), in.requiredString("key"), actor(ctx));
                return JSON.createObjectNode();
            });
        }
        for (String prefix : Routes.MLFLOW_PREFIXES) {
            addLoggedModelRoutes(app, prefix + "logged-models");
            // MLflow 3's log_model calls it inside a run, before it registers the model.
            route(app, prefix, HandlerType.POST, "runs/outputs", (in, ctx) -> {
                loggedModels.logOutputs(in.requiredString("run_id"), modelOutputs(in));
                return JSON.createObjectNode();
            });
        }
        app.get("/ajax-api/2.0/mlflow/logged-models/{model_id}/artifacts/files", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            ArtifactRoutes.send(ctx, artifacts.downloadBelow(loggedModels.get(ctx.pathParam("model_id")).artifactUri(),
                    in.requiredString("artifact_file_path")));
        });
        app.get("/model-versions/get-artifact", this::getArtifact);
        app.get("/ajax-api/2.0/mlflow/model-versions/get-artifact", this::getArtifact);

        route(app, "/api/atoll/registry/", HandlerType.GET, "history", (in, ctx) -> {
            Integer offset = in.int32("offset");
            Integer max = in.int32("max_results");
            ArrayNode entries = JSON.createArrayNode();
            registry.history(in.string("name"), offset == null ? 0 : offset, max == null ? 1000 : max)
                    .forEach(e -> entries.add(RegistryJson.audit(e)));
            ObjectNode response = JSON.createObjectNode();
            response.set("entries", entries);
            return response;
        });
        route(app, "/api/atoll/registry/", HandlerType.GET, "lineage", (in, ctx) -> {
            ObjectNode response = JSON.createObjectNode();
            response.set("lineage", RegistryJson.lineage(registry.lineage(in.requiredString("name"), in.requiredString("version"))));
            return response;
        });
        route(app, "/api/atoll/registry/", HandlerType.GET, "webhook-deliveries", (in, ctx) -> {
            Integer offset = in.int32("offset");
            Integer max = in.int32("max_results");
            ArrayNode deliveries = JSON.createArrayNode();
            registry.webhookDeliveries(offset == null ? 0 : offset, max == null ? 100 : max)
                    .forEach(d -> deliveries.add(RegistryJson.delivery(d)));
            ObjectNode response = JSON.createObjectNode();
            response.set("deliveries", deliveries);
            return response;
        });
    }

    /** MLflow 3's logged-models API, which its clients call while logging and registering a model. */
    private void addLoggedModelRoutes(Javalin app, String base) {
        route(app, base, HandlerType.POST, "/search", (in, ctx) -> {
            Page<LoggedModel> page = loggedModels.search(in.strings("experiment_ids"), in.string("filter"), in.int32("max_results"),
                    in.string("page_token"));
            return PageResponse.of("models", page, LoggedModelJson::model);
        });
        route(app, base, HandlerType.POST, "", (in, ctx) -> loggedModelResponse(loggedModels.create(in.requiredString("experiment_id"),
                in.string("name"), in.string("model_type"), in.string("source_run_id"), in.params("params"), in.tags("tags"), actor(ctx))));
        route(app, base, HandlerType.GET, "/{model_id}", (in, ctx) -> loggedModelResponse(loggedModels.get(ctx.pathParam("model_id"))));
        route(app, base, HandlerType.PATCH, "/{model_id}", (in, ctx) -> loggedModelResponse(
                loggedModels.finalizeModel(ctx.pathParam("model_id"),
                        in.required(in.enumValue("status", LoggedModel.Status.class), "status").name())));
        route(app, base, HandlerType.DELETE, "/{model_id}", (in, ctx) -> {
            loggedModels.delete(ctx.pathParam("model_id"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.PATCH, "/{model_id}/tags", (in, ctx) -> {
            loggedModels.setTags(ctx.pathParam("model_id"), in.tags("tags"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.DELETE, "/{model_id}/tags/{tag_key}", (in, ctx) -> {
            loggedModels.deleteTag(ctx.pathParam("model_id"), ctx.pathParam("tag_key"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.POST, "/{model_id}/params", (in, ctx) -> {
            loggedModels.logParams(ctx.pathParam("model_id"), in.params("params"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.GET, "/{model_id}/artifacts/directories", (in, ctx) -> {
            return ArtifactRoutes.listing(artifacts.listBelow(loggedModels.get(ctx.pathParam("model_id")).artifactUri(),
                    in.string("artifact_directory_path"), in.string("page_token")));
        });
    }

    private static ObjectNode loggedModelResponse(LoggedModel model) {
        ObjectNode response = JSON.createObjectNode();
        response.set("model", LoggedModelJson.model(model));
        return response;
    }

    @FunctionalInterface
    private interface JsonHandler {
        ObjectNode handle(RequestFields in, Context ctx);
    }

    private static void route(Javalin app, String prefix, HandlerType method, String path, JsonHandler handler) {
        Handler h = ctx -> ctx.contentType("application/json").result(handler.handle(RequestFields.of(ctx), ctx).toString());
        app.addHttpHandler(method, prefix + path, h);
    }

    private ObjectNode createModel(RequestFields in, Context ctx) {
        return modelResponse(registry.createRegisteredModel(in.requiredString("name"), in.tags("tags"), in.string("description"), actor(ctx)));
    }

    private ObjectNode searchModels(RequestFields in, Context ctx) {
        Page<RegisteredModel> page = registry.searchRegisteredModels(in.string("filter"), in.int32("max_results"),
                in.strings("order_by"), in.string("page_token"));
        return PageResponse.of("registered_models", page, RegistryJson::model);
    }

    private ObjectNode searchVersions(RequestFields in, Context ctx) {
        Page<ModelVersion> page = registry.searchModelVersions(in.string("filter"), in.int32("max_results"),
                in.strings("order_by"), in.string("page_token"));
        return PageResponse.of("model_versions", page, RegistryJson::version);
    }

    private ObjectNode latestVersions(RequestFields in, Context ctx) {
        List<ModelVersion> latest = registry.getLatestVersions(in.requiredString("name"), in.strings("stages"));
        return PageResponse.of("model_versions", new Page<>(latest, null), RegistryJson::version);
    }

    private void getArtifact(Context ctx) throws java.io.IOException {
        RequestFields in = RequestFields.of(ctx);
        String uri = registry.getModelVersionDownloadUri(in.requiredString("name"), in.requiredString("version"));
        ArtifactRoutes.send(ctx, artifacts.downloadBelow(uri, in.requiredString("path")));
    }

    /** The {@code models} of MLflow 3's LogOutputs: {@code [{"model_id", "step"}]}, both required. */
    private static List<LoggedModelOutput> modelOutputs(RequestFields in) {
        List<LoggedModelOutput> outputs = new ArrayList<>();
        for (RequestFields model : in.objects("models")) {
            outputs.add(new LoggedModelOutput(model.requiredString("model_id"), model.required(model.int64("step"), "step")));
        }
        return outputs;
    }

    /** Who makes the change: the basic-auth user MLflow clients send, else {@code X-Atoll-User}, else "anonymous". */
    private static String actor(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return decoded.substring(0, colon);
                }
            } catch (IllegalArgumentException ignored) {
                // not base64: fall through to the header
            }
        }
        String header = ctx.header("X-Atoll-User");
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }

    private static ObjectNode modelResponse(RegisteredModel model) {
        ObjectNode response = JSON.createObjectNode();
        response.set("registered_model", RegistryJson.model(model));
        return response;
    }

    private static ObjectNode versionResponse(ModelVersion version) {
        ObjectNode response = JSON.createObjectNode();
        response.set("model_version", RegistryJson.version(version));
        return response;
    }
}
