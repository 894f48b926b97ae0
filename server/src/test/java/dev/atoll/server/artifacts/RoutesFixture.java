package dev.atoll.server.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Javalin on a free loopback port with the given route groups and MLflow's error shape, for the
 * route tests of artifacts and the registry. (The real server, AtollServer, wires the same route
 * classes with its own exception mapper.)
 */
public final class RoutesFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;

    private RoutesFixture(Javalin app) {
        this.app = app;
    }

    public static RoutesFixture start(Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            ArtifactRoutes.answerUnparsableRequestsInMlflowShape(config);
        });
        app.exception(AtollException.class, (e, ctx) -> {
            ctx.status(e.code().httpStatus());
            ctx.json(Map.of("error_code", e.code().name(), "message", e.getMessage()));
        });
        app.exception(UncheckedIOException.class, (e, ctx) -> {
            ctx.status(500);
            ctx.json(Map.of("error_code", ErrorCode.INTERNAL_ERROR.name(), "message", String.valueOf(e.getMessage())));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ctx.status(e.getStatus());
            ctx.json(Map.of("error_code", e.getStatus() == 404 ? ErrorCode.ENDPOINT_NOT_FOUND.name() : ErrorCode.BAD_REQUEST.name(),
                    "message", e.getMessage()));
        });
        routes.accept(app);
        app.start("127.0.0.1", 0);
        return new RoutesFixture(app);
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        app.stop();
    }

    static ObjectMapper json() {
        return JSON;
    }
}
