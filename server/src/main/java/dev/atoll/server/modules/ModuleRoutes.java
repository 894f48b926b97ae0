package dev.atoll.server.modules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleQuery;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.server.RequestFields;
import dev.atoll.server.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.function.Function;

/**
 * {@code /api/atoll/modules}: the module catalogue over HTTP. Each handler parses the request, makes one
 * catalogue call and writes JSON; failures are thrown and {@code ErrorResponses} answers them in
 * MLflow's {@code {"error_code", "message"}} shape.
 * <ul>
 *   <li>{@code GET /api/atoll/modules?name=&type=&parameter=} — search; {@code {"modules": [...]}}</li>
 *   <li>{@code GET /api/atoll/modules/{name}/{version}} — one version; {@code {"module": {...}}}</li>
 * </ul>
 * Private modules are visible only to their owner; to anyone else they do not exist (404), so their
 * names do not leak.
 */
public final class ModuleRoutes implements Routes {
    public static final String PATH = "/api/atoll/modules";

    private final ModuleCatalogue catalogue;
    private final Function<Context, String> viewer;

    /** {@code viewer} names the authenticated user of a request, or null for anonymous. */
    public ModuleRoutes(ModuleCatalogue catalogue, Function<Context, String> viewer) {
        this.catalogue = catalogue;
        this.viewer = viewer;
    }

    /** Every request is anonymous: only public modules are listed. */
    public static final Function<Context, String> ANONYMOUS = ctx -> null;

    /** The user named by a header a trusted authenticating proxy sets (e.g. {@code X-Forwarded-User}). */
    public static Function<Context, String> trustedHeader(String header) {
        return ctx -> ctx.header(header);
    }

    @Override
    public void addTo(Javalin app) {
        app.get(PATH, json(this::search));
        app.get(PATH + "/{name}/{version}", json(this::get));
    }

    private ObjectNode search(Context ctx) {
        RequestFields in = RequestFields.of(ctx);
        ModuleType type = null;
        String typeParam = in.string("type");
        if (typeParam != null && !typeParam.isBlank()) {
            type = ModuleType.parse(typeParam).orElseThrow(() -> AtollException.invalidParameter(
                    "type '" + typeParam + "' is not a module type — use data_processor, data_visualization or model"));
        }
        ModuleQuery query = new ModuleQuery(in.string("name"), type, in.string("parameter"), viewer.apply(ctx));
        ObjectNode body = ModuleJson.object();
        ArrayNode modules = body.putArray("modules");
        catalogue.search(query).forEach(v -> modules.add(ModuleJson.of(v)));
        return body;
    }

    private ObjectNode get(Context ctx) {
        String name = ctx.pathParam("name");
        String version = ctx.pathParam("version");
        ModuleVersion found = catalogue.find(name, version, viewer.apply(ctx)).orElseThrow(() -> AtollException.notFound(
                "module " + name + "@" + version + " does not exist (or is private) — list modules with GET " + PATH));
        ObjectNode body = ModuleJson.object();
        body.set("module", ModuleJson.of(found));
        return body;
    }

    private static Handler json(Function<Context, ObjectNode> handler) {
        return ctx -> ctx.contentType("application/json").result(ModuleJson.write(handler.apply(ctx)));
    }
}
