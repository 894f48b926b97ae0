package dev.atoll.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one mapping from failures to MLflow's error shape {@code {"error_code": ..., "message": ...}}
 * with the code's HTTP status. Unexpected failures are logged with their stack trace and answered
 * 500 INTERNAL_ERROR without one. Requests Jetty refuses before any route runs get the same shape.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERED = "atoll.error-answered";

    private ErrorResponses() {
    }

    static void install(Javalin app) {
        app.exception(AtollException.class, (error, ctx) -> answer(ctx, error.code(), error.getMessage()));
        // Javalin's own refusals, such as a body over the size limit (413, which it answers in plain text).
        app.exception(HttpResponseException.class, (error, ctx) -> {
            if (error.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                long size = ctx.req().getContentLengthLong();
                answer(ctx, ErrorCode.INVALID_PARAMETER_VALUE, "Request body" + (size >= 0 ? " of " + size + " bytes" : "")
                        + " is over this server's limit of " + AtollServer.MAX_REQUEST_BYTES + " bytes; send less per request.");
            } else {
                answer(ctx, error.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST, error.getMessage());
            }
        });
        app.exception(Exception.class, (error, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), error);
            answer(ctx, ErrorCode.INTERNAL_ERROR, "Internal error: " + error.getClass().getSimpleName()
                    + ". The server log has the details.");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, ErrorCode.ENDPOINT_NOT_FOUND, "No endpoint " + ctx.method() + " " + ctx.path()
                        + ". See docs/server.md for the endpoints this server has.");
            }
        });
        app.error(405, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, ErrorCode.BAD_REQUEST, "Method " + ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    /**
     * Jetty refuses some request lines before Javalin sees them (a path that climbs above "/", a NUL,
     * an ambiguous encoding, an over-long URI) with an HTML page; this makes that answer MLflow's JSON
     * error too, so a client (and the artifact traversal corpus) sees one error shape everywhere.
     */
    static void answerUnparsableRequests(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorHandler() {
            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                fields.put(HttpHeader.CONTENT_TYPE, "application/json");
                String what = reason == null ? "HTTP " + status : reason;
                ObjectNode body = JSON.createObjectNode();
                if (status == 400) {
                    body.put("error_code", ErrorCode.INVALID_PARAMETER_VALUE.name());
                    body.put("message", "Invalid request: " + what + ". Paths may not climb above '/', hold NUL or use ambiguous encodings.");
                } else {
                    body.put("error_code", ErrorCode.BAD_REQUEST.name());
                    body.put("message", "Request refused before routing: " + what + " (HTTP " + status + ").");
                }
                return ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8));
            }
        }));
    }

    public static void answer(Context ctx, ErrorCode code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", code.name());
        body.put("message", message);
        ctx.attribute(ANSWERED, true);
        ctx.status(code.httpStatus()).contentType("application/json").result(body.toString());
    }
}
