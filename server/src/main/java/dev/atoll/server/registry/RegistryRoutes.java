package dev.atoll.server.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.artifacts.ArtifactService;
import dev.atoll.registry.LoggedModel;
import dev.atoll.registry.LoggedModelService;
import dev.atoll.registry.ModelVersion;
import dev.atoll.registry.RegisteredModel;
import dev.atoll.registry.RegistryService;
import dev.atoll.server.Routes;
import dev.atoll.server.artifacts.ArtifactRoutes;
import dev.atoll.tracking.Page;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

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
    private static final String[] PREFIXES = {"/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/"};

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
        for (String prefix : PREFIXES) {
            route(app, prefix, HandlerType.POST, "registered-models/create", this::createModel);
            route(app, prefix, HandlerType.GET, "registered-models/get", r -> modelResponse(registry.getRegisteredModel(r.required("name"))));
            route(app, prefix, HandlerType.POST, "registered-models/rename",
                    r -> modelResponse(registry.renameRegisteredModel(r.required("name"), r.required("new_name"), r.actor())));
            route(app, prefix, HandlerType.PATCH, "registered-models/update",
                    r -> modelResponse(registry.updateRegisteredModel(r.required("name"), r.string("description"), r.actor())));
            route(app, prefix, HandlerType.DELETE, "registered-models/delete", r -> {
                registry.deleteRegisteredModel(r.required("name"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "registered-models/search", this::searchModels);
            route(app, prefix, HandlerType.GET, "registered-models/get-latest-versions", this::latestVersions);
            route(app, prefix, HandlerType.POST, "registered-models/get-latest-versions", this::latestVersions);
            route(app, prefix, HandlerType.POST, "registered-models/set-tag", r -> {
                registry.setRegisteredModelTag(r.required("name"), r.required("key"), r.string("value"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "registered-models/delete-tag", r -> {
                registry.deleteRegisteredModelTag(r.required("name"), r.required("key"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.POST, "registered-models/alias", r -> {
                registry.setAlias(r.required("name"), r.required("alias"), r.required("version"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "registered-models/alias", r -> {
                registry.deleteAlias(r.required("name"), r.required("alias"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "registered-models/alias",
                    r -> versionResponse(registry.getModelVersionByAlias(r.required("name"), r.required("alias"))));

            route(app, prefix, HandlerType.POST, "model-versions/create", r -> versionResponse(registry.createModelVersion(
                    r.required("name"), r.required("source"), r.string("run_id"), r.tags(), r.string("run_link"),
                    r.string("description"), r.string("model_id"), r.actor())));
            route(app, prefix, HandlerType.GET, "model-versions/get",
                    r -> versionResponse(registry.getModelVersion(r.required("name"), r.required("version"))));
            route(app, prefix, HandlerType.PATCH, "model-versions/update", r -> versionResponse(
                    registry.updateModelVersion(r.required("name"), r.required("version"), r.string("description"), r.actor())));
            route(app, prefix, HandlerType.DELETE, "model-versions/delete", r -> {
                registry.deleteModelVersion(r.required("name"), r.required("version"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.GET, "model-versions/search", this::searchVersions);
            route(app, prefix, HandlerType.POST, "model-versions/transition-stage", r -> versionResponse(registry.transitionStage(
                    r.required("name"), r.required("version"), r.required("stage"), r.bool("archive_existing_versions"), r.actor())));
            route(app, prefix, HandlerType.GET, "model-versions/get-download-uri", r -> {
                ObjectNode response = JSON.createObjectNode();
                response.put("artifact_uri", registry.getModelVersionDownloadUri(r.required("name"), r.required("version")));
                return response;
            });
            route(app, prefix, HandlerType.POST, "model-versions/set-tag", r -> {
                registry.setModelVersionTag(r.required("name"), r.required("version"), r.required("key"), r.string("value"), r.actor());
                return JSON.createObjectNode();
            });
            route(app, prefix, HandlerType.DELETE, "model-versions/delete-tag", r -> {
                registry.deleteModelVersionTag(r.required("name"), r.required("version"), r.required("key"), r.actor());
                return JSON.createObjectNode();
            });
        }
        for (String prefix : PREFIXES) {
            addLoggedModelRoutes(app, prefix + "logged-models");
            // MLflow 3's log_model calls it inside a run, before it registers the model.
            route(app, prefix, HandlerType.POST, "runs/outputs", r -> {
                loggedModels.logOutputs(r.required("run_id"), r.modelOutputs());
                return JSON.createObjectNode();
            });
        }
        app.get("/ajax-api/2.0/mlflow/logged-models/{model_id}/artifacts/files", ctx -> {
            RegistryRequest r = RegistryRequest.of(ctx);
            ArtifactRoutes.send(ctx, artifacts.downloadBelow(loggedModels.get(r.path("model_id")).artifactUri(),
                    r.required("artifact_file_path")));
        });
        app.get("/model-versions/get-artifact", this::getArtifact);
        app.get("/ajax-api/2.0/mlflow/model-versions/get-artifact", this::getArtifact);

        route(app, "/api/atoll/registry/", HandlerType.GET, "history", r -> {
            Integer offset = r.integer("offset");
            Integer max = r.integer("max_results");
            ArrayNode entries = JSON.createArrayNode();
            registry.history(r.string("name"), offset == null ? 0 : offset, max == null ? 1000 : max)
                    .forEach(e -> entries.add(RegistryJson.audit(e)));
            ObjectNode response = JSON.createObjectNode();
            response.set("entries", entries);
            return response;
        });
        route(app, "/api/atoll/registry/", HandlerType.GET, "lineage", r -> {
            ObjectNode response = JSON.createObjectNode();
            response.set("lineage", RegistryJson.lineage(registry.lineage(r.required("name"), r.required("version"))));
            return response;
        });
        route(app, "/api/atoll/registry/", HandlerType.GET, "webhook-deliveries", r -> {
            Integer offset = r.integer("offset");
            Integer max = r.integer("max_results");
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
        route(app, base, HandlerType.POST, "/search", r -> {
            List<String> experimentIds = r.strings("experiment_ids");
            Page<LoggedModel> page = loggedModels.search(experimentIds, r.string("filter"), r.integer("max_results"), r.string("page_token"));
            ObjectNode response = JSON.createObjectNode();
            ArrayNode models = response.putArray("models");
            page.items().forEach(m -> models.add(LoggedModelJson.model(m)));
            if (page.nextPageToken() != null) {
                response.put("next_page_token", page.nextPageToken());
            }
            return response;
        });
        route(app, base, HandlerType.POST, "", r -> loggedModelResponse(loggedModels.create(r.required("experiment_id"),
                r.string("name"), r.string("model_type"), r.string("source_run_id"), r.params(), r.tags(), r.actor())));
        route(app, base, HandlerType.GET, "/{model_id}", r -> loggedModelResponse(loggedModels.get(r.path("model_id"))));
        route(app, base, HandlerType.PATCH, "/{model_id}", r -> loggedModelResponse(
                loggedModels.finalizeModel(r.path("model_id"), loggedModelStatus(r.required("status")))));
        route(app, base, HandlerType.DELETE, "/{model_id}", r -> {
            loggedModels.delete(r.path("model_id"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.PATCH, "/{model_id}/tags", r -> {
            loggedModels.setTags(r.path("model_id"), r.tags());
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.DELETE, "/{model_id}/tags/{tag_key}", r -> {
            loggedModels.deleteTag(r.path("model_id"), r.path("tag_key"));
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.POST, "/{model_id}/params", r -> {
            loggedModels.logParams(r.path("model_id"), r.params());
            return JSON.createObjectNode();
        });
        route(app, base, HandlerType.GET, "/{model_id}/artifacts/directories", r -> {
            ArtifactService.RunListing listing = artifacts.listBelow(loggedModels.get(r.path("model_id")).artifactUri(),
                    r.string("artifact_directory_path"), r.string("page_token"));
            ObjectNode response = JSON.createObjectNode();
            response.put("root_uri", listing.rootUri());
            ArrayNode files = response.putArray("files");
            listing.files().forEach(entry -> {
                ObjectNode file = files.addObject().put("path", entry.path().toString()).put("is_dir", entry.directory());
                if (!entry.directory()) {
                    file.put("file_size", entry.size());
                }
            });
            if (listing.nextPageToken() != null) {
                response.put("next_page_token", listing.nextPageToken());
            }
            return response;
        });
    }

    /** Proto JSON sends the enum's name; some clients send its number. */
    private static String loggedModelStatus(String status) {
        return switch (status) {
            case "1" -> "LOGGED_MODEL_PENDING";
            case "2" -> "LOGGED_MODEL_READY";
            case "3" -> "LOGGED_MODEL_UPLOAD_FAILED";
            default -> status;
        };
    }

    private static ObjectNode loggedModelResponse(LoggedModel model) {
        ObjectNode response = JSON.createObjectNode();
        response.set("model", LoggedModelJson.model(model));
        return response;
    }

    @FunctionalInterface
    private interface JsonHandler {
        ObjectNode handle(RegistryRequest request);
    }

    private static void route(Javalin app, String prefix, HandlerType method, String path, JsonHandler handler) {
        Handler h = ctx -> ctx.contentType("application/json").result(handler.handle(RegistryRequest.of(ctx)).toString());
        app.addHttpHandler(method, prefix + path, h);
    }

    private ObjectNode createModel(RegistryRequest r) {
        return modelResponse(registry.createRegisteredModel(r.required("name"), r.tags(), r.string("description"), r.actor()));
    }

    private ObjectNode searchModels(RegistryRequest r) {
        Page<RegisteredModel> page = registry.searchRegisteredModels(r.string("filter"), r.integer("max_results"),
                r.strings("order_by"), r.string("page_token"));
        ObjectNode response = JSON.createObjectNode();
        if (!page.items().isEmpty()) {
            ArrayNode models = response.putArray("registered_models");
            page.items().forEach(m -> models.add(RegistryJson.model(m)));
        }
        if (page.nextPageToken() != null) {
            response.put("next_page_token", page.nextPageToken());
        }
        return response;
    }

    private ObjectNode searchVersions(RegistryRequest r) {
        Page<ModelVersion> page = registry.searchModelVersions(r.string("filter"), r.integer("max_results"),
                r.strings("order_by"), r.string("page_token"));
        ObjectNode response = JSON.createObjectNode();
        if (!page.items().isEmpty()) {
            ArrayNode versions = response.putArray("model_versions");
            page.items().forEach(v -> versions.add(RegistryJson.version(v)));
        }
        if (page.nextPageToken() != null) {
            response.put("next_page_token", page.nextPageToken());
        }
        return response;
    }

    private ObjectNode latestVersions(RegistryRequest r) {
        List<ModelVersion> latest = registry.getLatestVersions(r.required("name"), r.strings("stages"));
        ObjectNode response = JSON.createObjectNode();
        if (!latest.isEmpty()) {
            ArrayNode versions = response.putArray("model_versions");
            latest.forEach(v -> versions.add(RegistryJson.version(v)));
        }
        return response;
    }

    private void getArtifact(Context ctx) throws java.io.IOException {
        RegistryRequest r = RegistryRequest.of(ctx);
        String uri = registry.getModelVersionDownloadUri(r.required("name"), r.required("version"));
        ArtifactRoutes.send(ctx, artifacts.downloadBelow(uri, r.required("path")));
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
