package dev.atoll.server.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of one MLflow request, from a JSON body (POST) or the query string (GET), read with the
 * types of MLflow's protos. int64 fields accept JSON numbers and strings, since protobuf's JSON (the
 * MLflow Java client) writes them as strings. A field of the wrong type is INVALID_PARAMETER_VALUE
 * naming the field and the value.
 */
final class RequestFields {
    private static final ObjectMapper JSON = TrackingJson.MAPPER;
    /** Refuses content after the object: {@code {"name": "a"} junk} is malformed, not a request for "a". */
    private static final ObjectReader BODY = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonNode node;
    private final String prefix;

    private RequestFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static RequestFields of(Context ctx) {
        return "GET".equals(ctx.method().name()) ? fromQuery(ctx.queryParamMap()) : fromBody(ctx.bodyAsBytes());
    }

    static RequestFields fromBody(byte[] body) {
        if (body.length == 0) {
            return new RequestFields(JSON.createObjectNode(), "");
        }
        JsonNode parsed;
        try {
            parsed = BODY.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST, "Malformed request body: not valid JSON ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST, "Malformed request body: " + e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST,
                    "Malformed request body: expected a JSON object, got " + (parsed == null ? "nothing" : parsed.getNodeType()));
        }
        return new RequestFields(parsed, "");
    }

    static RequestFields fromQuery(Map<String, List<String>> query) {
        ObjectNode object = JSON.createObjectNode();
        query.forEach((key, values) -> {
            if (values.size() == 1) {
                object.put(key, values.get(0));
            } else {
                ArrayNode array = object.putArray(key);
                values.forEach(array::add);
            }
        });
        return new RequestFields(object, "");
    }

    String string(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, value, "a string");
        }
        return value.textValue();
    }

    Long int64(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrongType(name, value, "a 64-bit integer");
            }
        }
        throw wrongType(name, value, "a 64-bit integer");
    }

    Integer int32(String name) {
        Long value = int64(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(name, field(name), "a 32-bit integer");
        }
        return value.intValue();
    }

    /** A double; protobuf's JSON writes NaN and infinities as the strings "NaN", "Infinity", "-Infinity". */
    Double float64(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw wrongType(name, value, "a number");
                    }
            }
        }
        throw wrongType(name, value, "a number");
    }

    /** A repeated string field; a single value counts as a list of one (query strings). */
    List<String> strings(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual()) {
                    throw wrongType(name + "[" + i + "]", item, "a string");
                }
                result.add(item.textValue());
            }
        } else if (value.isTextual()) {
            result.add(value.textValue());
        } else {
            throw wrongType(name, value, "a list of strings");
        }
        return result;
    }

    /** A repeated message field. */
    List<RequestFields> objects(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, value, "a list of objects");
        }
        List<RequestFields> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw wrongType(name + "[" + i + "]", item, "an object");
            }
            result.add(new RequestFields(item, path(name) + "[" + i + "]."));
        }
        return result;
    }

    /** A nested message field, or null. */
    RequestFields object(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, value, "an object");
        }
        return new RequestFields(value, path(name) + ".");
    }

    /** An enum field by its name, e.g. view_type=ACTIVE_ONLY. */
    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.textValue().trim())) {
                    return constant;
                }
            }
        } else if (value.isIntegralNumber()) {
            int index = value.intValue() - 1;
            E[] constants = type.getEnumConstants();
            if (index >= 0 && index < constants.length) {
                return constants[index];
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw AtollException.invalidParameter("Invalid value " + value + " for parameter '" + path(name)
                + "' supplied. It must be one of " + names + ".");
    }

    /** Fails with MLflow's message when a required field is absent. */
    <T> T required(T value, String name) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw AtollException.invalidParameter("Missing value for required parameter '" + path(name)
                    + "'. See the API docs for more information about request parameters.");
        }
        return value;
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private String path(String name) {
        return prefix + name;
    }

    private AtollException wrongType(String name, JsonNode value, String expected) {
        String shown = value.toString();
        if (shown.length() > 100) {
            shown = shown.substring(0, 100) + "...";
        }
        return AtollException.invalidParameter("Invalid value " + shown + " for parameter '" + path(name)
                + "' supplied: expected " + expected + ".");
    }
}
