package dev.atoll.server;

import io.javalin.Javalin;

import java.util.List;

/** A group of HTTP routes for one feature; each handler parses, makes one core call, and maps back. */
public interface Routes {
    /** MLflow's REST roots: the API, and the same under {@code /ajax-api}, which MLflow's web UI calls. */
    List<String> MLFLOW_API_ROOTS = List.of("/api/2.0", "/ajax-api/2.0");

    /** Every root's {@code /mlflow/} prefix, for the routes of MLflow's services. */
    List<String> MLFLOW_PREFIXES = MLFLOW_API_ROOTS.stream().map(root -> root + "/mlflow/").toList();

    void addTo(Javalin app);
}
