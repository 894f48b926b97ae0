package dev.atoll.server.mlflow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.server.PageResponse;
import dev.atoll.server.RequestFields;
import dev.atoll.server.Routes;
import dev.atoll.tracking.Dataset;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Page;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.TrackingLimits;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.ViewType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/**
 * MLflow's tracking API ({@code service.proto}) under {@code /api/2.0/mlflow/} and
 * {@code /ajax-api/2.0/mlflow/}: each handler reads the request's fields, makes one
 * {@link TrackingService} call and writes MLflow's response.
 */
public final class TrackingRoutes implements Routes {
    private final TrackingService tracking;

    public TrackingRoutes(TrackingService tracking) {
        this.tracking = tracking;
    }

    @Override
    public void addTo(Javalin app) {
        post(app, "experiments/create", this::createExperiment);
        get(app, "experiments/get", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            Experiment experiment = tracking.getExperiment(in.requiredString("experiment_id"));
            respond(ctx, "experiment", TrackingJson.experiment(experiment));
        });
        get(app, "experiments/get-by-name", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            Experiment experiment = tracking.getExperimentByName(in.requiredString("experiment_name"));
            respond(ctx, "experiment", TrackingJson.experiment(experiment));
        });
        get(app, "experiments/search", this::searchExperiments);
        post(app, "experiments/search", this::searchExperiments);
        post(app, "experiments/update", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.updateExperiment(in.requiredString("experiment_id"), in.requiredString("new_name"));
            empty(ctx);
        });
        post(app, "experiments/delete", ctx -> {
            tracking.deleteExperiment(RequestFields.of(ctx).requiredString("experiment_id"));
            empty(ctx);
        });
        post(app, "experiments/restore", ctx -> {
            tracking.restoreExperiment(RequestFields.of(ctx).requiredString("experiment_id"));
            empty(ctx);
        });
        post(app, "experiments/set-experiment-tag", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.setExperimentTag(in.requiredString("experiment_id"), in.requiredString("key"), in.stringOrEmpty("value"));
            empty(ctx);
        });
        post(app, "experiments/delete-experiment-tag", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.deleteExperimentTag(in.requiredString("experiment_id"), in.requiredString("key"));
            empty(ctx);
        });

        post(app, "runs/create", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            Run run = tracking.createRun(in.requiredString("experiment_id"), in.string("user_id"), in.string("run_name"),
                    in.int64("start_time"), in.tags("tags"));
            respond(ctx, "run", TrackingJson.run(run));
        });
        get(app, "runs/get", ctx -> respond(ctx, "run", TrackingJson.run(tracking.getRun(RequestFields.of(ctx).runId()))));
        post(app, "runs/update", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            var info = tracking.updateRun(in.runId(), in.enumValue("status", RunStatus.class), in.int64("end_time"),
                    in.string("run_name"));
            respond(ctx, "run_info", TrackingJson.runInfo(info));
        });
        post(app, "runs/delete", ctx -> {
            tracking.deleteRun(RequestFields.of(ctx).runId());
            empty(ctx);
        });
        post(app, "runs/restore", ctx -> {
            tracking.restoreRun(RequestFields.of(ctx).runId());
            empty(ctx);
        });
        post(app, "runs/log-metric", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.logMetric(in.runId(), in.requiredString("key"), in.required(in.float64("value"), "value"),
                    in.required(in.int64("timestamp"), "timestamp"), in.int64("step"));
            empty(ctx);
        });
        post(app, "runs/log-parameter", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.logParam(in.runId(), in.requiredString("key"), in.stringOrEmpty("value"));
            empty(ctx);
        });
        post(app, "runs/set-tag", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.setTag(in.runId(), in.requiredString("key"), in.stringOrEmpty("value"));
            empty(ctx);
        });
        post(app, "runs/delete-tag", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.deleteTag(in.runId(), in.requiredString("key"));
            empty(ctx);
        });
        post(app, "runs/log-batch", this::logBatch);
        post(app, "runs/log-inputs", this::logInputs);
        post(app, "runs/log-model", ctx -> {
            RequestFields in = RequestFields.of(ctx);
            tracking.logModel(in.runId(), in.requiredString("model_json"));
            empty(ctx);
        });
        post(app, "runs/search", this::searchRuns);
        get(app, "runs/search", this::searchRuns);
        get(app, "metrics/get-history", this::metricHistory);
    }

    private void createExperiment(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        String id = tracking.createExperiment(in.requiredString("name"), in.string("artifact_location"),
                in.tags("tags"));
        ObjectNode body = TrackingJson.object().put("experiment_id", id);
        json(ctx, body);
    }

    private void searchExperiments(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        Page<Experiment> page = tracking.searchExperiments(in.string("filter"), in.strings("order_by"),
                in.int32("max_results"), in.string("page_token"), in.enumValue("view_type", ViewType.class));
        json(ctx, PageResponse.of("experiments", page, TrackingJson::experiment));
    }

    private void searchRuns(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        Page<Run> page = tracking.searchRuns(in.strings("experiment_ids"), in.string("filter"),
                in.enumValue("run_view_type", ViewType.class), in.int32("max_results"), in.strings("order_by"),
                in.string("page_token"));
        json(ctx, PageResponse.of("runs", page, TrackingJson::run));
    }

    /** A body over MLflow's 1 MB is refused by its announced length before it is read, or after if none was announced. */
    private void logBatch(Context ctx) {
        long announced = ctx.req().getContentLengthLong();
        if (announced > TrackingLimits.MAX_BATCH_REQUEST_BYTES) {
            throw batchTooLarge(announced);
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > TrackingLimits.MAX_BATCH_REQUEST_BYTES) {
            throw batchTooLarge(raw.length);
        }
        RequestFields in = RequestFields.fromBody(raw);
        String runId = in.runId();
        List<Metric> metrics = new ArrayList<>();
        for (RequestFields metric : in.objects("metrics")) {
            metrics.add(new Metric(metric.requiredString("key"), metric.required(metric.float64("value"), "value"),
                    metric.required(metric.int64("timestamp"), "timestamp"), orZero(metric.int64("step"))));
        }
        tracking.logBatch(runId, metrics, in.params("params"), in.tags("tags"));
        empty(ctx);
    }

    private static AtollException batchTooLarge(long size) {
        return AtollException.invalidParameter("Batched logging API requests must be at most "
                + TrackingLimits.MAX_BATCH_REQUEST_BYTES + " bytes, got a request of size " + size + ".");
    }

    private void logInputs(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        String runId = in.runId();
        List<DatasetInput> inputs = new ArrayList<>();
        for (RequestFields input : in.objects("datasets")) {
            RequestFields dataset = input.required(input.object("dataset"), "dataset");
            inputs.add(new DatasetInput(input.tags("tags"), new Dataset(dataset.string("name"), dataset.string("digest"),
                    dataset.string("source_type"), dataset.string("source"), dataset.string("schema"), dataset.string("profile"))));
        }
        tracking.logInputs(runId, inputs);
        empty(ctx);
    }

    /**
     * A paged request is answered from a page; a whole history streams from the database into the
     * response, so a million points never sit in memory, as objects or as JSON.
     */
    private void metricHistory(Context ctx) throws Exception {
        RequestFields in = RequestFields.of(ctx);
        String runId = in.runId();
        String key = in.requiredString("metric_key");
        Integer maxResults = in.int32("max_results");
        String pageToken = in.string("page_token");
        if (maxResults == null && (pageToken == null || pageToken.isEmpty())) {
            // The response starts at the first point, so an unknown run (checked by the service
            // before any point) still gets MLflow's error instead of half a JSON body.
            JsonGenerator[] json = {null};
            tracking.streamMetricHistory(runId, key, point -> {
                if (json[0] == null) {
                    ctx.contentType("application/json");
                    json[0] = TrackingJson.MAPPER.getFactory().createGenerator(ctx.outputStream());
                    json[0].writeStartObject();
                    json[0].writeArrayFieldStart("metrics");
                }
                TrackingJson.writeMetric(json[0], point);
            });
            if (json[0] == null) {
                empty(ctx);
                return;
            }
            try (JsonGenerator out = json[0]) {
                out.writeEndArray();
                out.writeEndObject();
            }
            return;
        }
        Page<Metric> page = tracking.getMetricHistory(runId, key, maxResults, pageToken);
        json(ctx, PageResponse.of("metrics", page, TrackingJson::metric));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static void respond(Context ctx, String field, ObjectNode value) {
        ObjectNode body = TrackingJson.object();
        body.set(field, value);
        json(ctx, body);
    }

    private static void empty(Context ctx) {
        json(ctx, TrackingJson.object());
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    private static void get(Javalin app, String path, Handler handler) {
        Routes.MLFLOW_PREFIXES.forEach(prefix -> app.addHttpHandler(HandlerType.GET, prefix + path, handler));
    }

    private static void post(Javalin app, String path, Handler handler) {
        Routes.MLFLOW_PREFIXES.forEach(prefix -> app.addHttpHandler(HandlerType.POST, prefix + path, handler));
    }
}
