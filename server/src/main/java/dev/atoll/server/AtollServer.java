package dev.atoll.server;

import dev.atoll.errors.ErrorCode;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The standalone HTTP server: route groups (MLflow tracking, artifacts, registry, ...), MLflow's error
 * shape, {@code GET /health}, one access-log line per request, and a graceful stop that finishes the
 * requests already accepted before it closes what the server owns.
 */
public final class AtollServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.atoll.server.access");
    private static final Logger LOG = LoggerFactory.getLogger(AtollServer.class);
    private static final String STARTED = "atoll.started";
    private static final String ADMITTED = "atoll.admitted";
    /** The largest request body the server reads; a larger one is refused in MLflow's error shape. */
    static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;

    private final Javalin app;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final AutoCloseable owned;
    private final Duration drainTimeout;

    /**
     * @param routes the route groups to serve
     * @param owned  closed after the last request has finished (the store), or null
     */
    public AtollServer(List<Routes> routes, AutoCloseable owned, Duration drainTimeout) {
        this.owned = owned;
        this.drainTimeout = drainTimeout;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.disableCompression();
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(server -> server.setStopTimeout(drainTimeout.toMillis()));
            ErrorResponses.answerUnparsableRequests(config);
            config.requestLogger.http((ctx, ms) -> {
                if (ctx.attribute(ADMITTED) != null) {
                    inFlight.exit();
                }
                ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            });
        });
        app.before(ctx -> {
            ctx.attribute(STARTED, System.nanoTime());
            if (!inFlight.enter()) {
                ErrorResponses.answer(ctx, ErrorCode.TEMPORARILY_UNAVAILABLE, "The server is shutting down; retry on the next one.");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.attribute(ADMITTED, true);
        });
        app.get("/health", ctx -> ctx.result("OK"));
        ErrorResponses.install(app);
        routes.forEach(group -> group.addTo(app));
    }

    /** Starts serving and returns the bound port (0 asks for a free one). */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** Refuses new requests, waits for the running ones, stops HTTP, then closes what the server owns. */
    public void stop() {
        try {
            if (!inFlight.drain(drainTimeout)) {
                LOG.warn("Requests still running after {}; stopping anyway", drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", owned, e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
