package dev.atoll.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.registry.LoggedModelOutput;
import dev.atoll.tracking.Tag;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parameters of one registry request, wherever the client put them: the JSON body (POST,
 * PATCH, DELETE as MLflow's clients send them) or the query string (GET, and DELETE from clients
 * that send no body). Type errors name the field and the expected type.
 */
final class RegistryRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;
    private final JsonNode body;

    private RegistryRequest(Context ctx, JsonNode body) {
        this.ctx = ctx;
        this.body = body;
    }

    static RegistryRequest of(Context ctx) {
        String text = ctx.method().name().equals("GET") ? "" : ctx.body();
        if (text.isBlank()) {
            return new RegistryRequest(ctx, null);
        }
        try {
            JsonNode body = JSON.readTree(text);
            if (!body.isObject()) {
                throw AtollException.invalidParameter("Invalid request body: expected a JSON object, got " + body.getNodeType() + ".");
            }
            return new RegistryRequest(ctx, body);
        } catch (JsonProcessingException e) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST, "Malformed request body: it is not JSON (" + e.getOriginalMessage() + ").");
        }
    }

    String string(String field) {
        if (body != null && body.has(field) && !body.get(field).isNull()) {
            JsonNode value = body.get(field);
            if (!value.isValueNode() || value.isBoolean()) {
                throw AtollException.invalidParameter("Invalid value " + value + " for parameter '" + field + "' supplied: expected a string.");
            }
            return value.asText();
        }
        return ctx.queryParam(field);
    }

    String required(String field) {
        String value = string(field);
        if (value == null || value.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter '" + field + "'.");
        }
        return value;
    }

    Integer integer(String field) {
        String value = string(field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw AtollException.invalidParameter("Invalid value '" + value + "' for parameter '" + field + "' supplied: expected an integer.");
        }
    }

    boolean bool(String field) {
        if (body != null && body.has(field) && body.get(field).isBoolean()) {
            return body.get(field).asBoolean();
        }
        String value = string(field);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw AtollException.invalidParameter("Invalid value '" + value + "' for parameter '" + field + "' supplied: expected true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    List<String> strings(String field) {
        if (body != null && body.has(field) && !body.get(field).isNull()) {
            JsonNode value = body.get(field);
            if (!value.isArray()) {
                throw AtollException.invalidParameter("Invalid value " + value + " for parameter '" + field + "' supplied: expected a list of strings.");
            }
            List<String> values = new ArrayList<>();
            value.forEach(item -> values.add(item.asText()));
            return values;
        }
        List<String> query = ctx.queryParams(field);
        return query.isEmpty() ? null : query;
    }

    List<Tag> tags() {
        if (body == null || !body.has("tags") || body.get("tags").isNull()) {
            return List.of();
        }
        JsonNode tags = body.get("tags");
        if (!tags.isArray()) {
            throw AtollException.invalidParameter("Invalid value " + tags + " for parameter 'tags' supplied: expected a list of {key, value}.");
        }
        List<Tag> result = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isObject() || !tag.path("key").isTextual()) {
                throw AtollException.invalidParameter("Invalid tag " + tag + " in 'tags': each needs a string 'key' and a 'value'.");
            }
            result.add(new Tag(tag.get("key").asText(), tag.path("value").isNull() ? null : tag.path("value").asText(null)));
        }
        return result;
    }

    List<dev.atoll.tracking.Param> params() {
        if (body == null || !body.has("params") || body.get("params").isNull()) {
            return List.of();
        }
        JsonNode params = body.get("params");
        if (!params.isArray()) {
            throw AtollException.invalidParameter("Invalid value " + params + " for parameter 'params' supplied: expected a list of {key, value}.");
        }
        List<dev.atoll.tracking.Param> result = new ArrayList<>();
        for (JsonNode param : params) {
            if (!param.isObject() || !param.path("key").isTextual() || !param.has("value") || param.get("value").isNull()) {
                throw AtollException.invalidParameter("Invalid param " + param + " in 'params': each needs a string 'key' and a 'value'.");
            }
            result.add(new dev.atoll.tracking.Param(param.get("key").asText(), param.get("value").asText()));
        }
        return result;
    }

    /** The {@code models} of MLflow 3's LogOutputs: {@code [{"model_id", "step"}]}; step is an int64, a number or a string. */
    List<LoggedModelOutput> modelOutputs() {
        if (body == null || !body.has("models") || body.get("models").isNull()) {
            return List.of();
        }
        JsonNode models = body.get("models");
        if (!models.isArray()) {
            throw AtollException.invalidParameter("Invalid value " + models + " for parameter 'models' supplied: expected a list of {model_id, step}.");
        }
        List<LoggedModelOutput> result = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            JsonNode model = models.get(i);
            String field = "models[" + i + "]";
            if (!model.isObject() || !model.path("model_id").isTextual()) {
                throw AtollException.invalidParameter("Missing value for required parameter '" + field + ".model_id'.");
            }
            JsonNode step = model.get("step");
            if (step == null || step.isNull()) {
                throw AtollException.invalidParameter("Missing value for required parameter '" + field + ".step'.");
            }
            long parsed;
            if (step.isIntegralNumber() && step.canConvertToLong()) {
                parsed = step.longValue();
            } else if (step.isTextual() && step.textValue().strip().matches("-?\\d{1,18}")) {
                parsed = Long.parseLong(step.textValue().strip());
            } else {
                throw AtollException.invalidParameter("Invalid value " + step + " for parameter '" + field + ".step' supplied: expected an integer.");
            }
            result.add(new LoggedModelOutput(model.get("model_id").asText(), parsed));
        }
        return result;
    }

    /** A path parameter of the route, e.g. {@code model_id}. */
    String path(String name) {
        return ctx.pathParam(name);
    }

    /** Who makes the change: the basic-auth user MLflow clients send, else {@code X-Atoll-User}, else "anonymous". */
    String actor() {
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
}
