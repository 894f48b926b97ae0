package dev.atoll.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Tag;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of one MLflow request, read with the types of MLflow's protos: the one request parser
 * of every route group (tracking, artifacts, registry, logged models).
 *
 * <p>Fields come from the JSON body, or from the query string: always for a GET, and for a DELETE
 * that has no body (clients that put its fields in the URL). int64 and int32 fields accept
 * JSON numbers and strings, since protobuf's JSON (the MLflow Java client) writes them as strings;
 * enums their name or their number. A field of the wrong type is INVALID_PARAMETER_VALUE naming the
 * field, the value and the type it must have; a missing required field is MLflow's "Missing value
 * for required parameter"; a body that is not one JSON object is MALFORMED_REQUEST.
 */
public final class RequestFields {
    /** FastDoubleParser: parseDouble dominates reading a 1000-metric batch on Java 17. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    /** Refuses content after the object: {@code {"name": "a"} junk} is malformed, not a request for "a". */
    private static final ObjectReader BODY = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int SHOWN_VALUE_LENGTH = 100;

    private final JsonNode node;
    private final String prefix;

    private RequestFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The fields of a request: its JSON body, or its query string for a GET and for a DELETE without a body. */
    public static RequestFields of(Context ctx) {
        String method = ctx.method().name();
        if ("GET".equals(method)) {
            return fromQuery(ctx.queryParamMap());
        }
        byte[] body = ctx.bodyAsBytes();
        return "DELETE".equals(method) && isBlank(body) ? fromQuery(ctx.queryParamMap()) : fromBody(body);
    }

    /** The fields of a JSON body, which must be one JSON object and nothing after it; an empty body has none. */
    public static RequestFields fromBody(byte[] body) {
        if (isBlank(body)) {
            return new RequestFields(JSON.createObjectNode(), "");
        }
        JsonNode parsed;
        try {
            parsed = BODY.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST, "Malformed request body: not valid JSON ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST, "Malformed request body: " + e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new AtollException(ErrorCode.MALFORMED_REQUEST,
                    "Malformed request body: expected a JSON object, got " + (parsed == null ? "nothing" : parsed.getNodeType()));
        }
        return new RequestFields(parsed, "");
    }

    /** The fields of a query string; a name given more than once is a list. */
    public static RequestFields fromQuery(Map<String, List<String>> query) {
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

    public String string(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, value, "a string");
        }
        return value.textValue();
    }

    /** A string that must be given and not be empty. */
    public String requiredString(String name) {
        return required(string(name), name);
    }

    /** A string that MLflow reads as "" when it is absent, as proto2 does: the value of a tag or param. */
    public String stringOrEmpty(String name) {
        String value = string(name);
        return value == null ? "" : value;
    }

    public Long int64(String name) {
        return integer(name, Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
    }

    public Integer int32(String name) {
        Long value = integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer");
        return value == null ? null : value.intValue();
    }

    private Long integer(String name, long min, long max, String expected) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        long parsed;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            parsed = value.longValue();
        } else if (value.isTextual()) {
            try {
                parsed = Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrongType(name, value, expected);
            }
        } else {
            throw wrongType(name, value, expected);
        }
        if (parsed < min || parsed > max) {
            throw wrongType(name, value, expected);
        }
        return parsed;
    }

    /** A double; protobuf's JSON writes NaN and infinities as the strings "NaN", "Infinity", "-Infinity". */
    public Double float64(String name) {
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

    /** A bool: JSON true or false, or (from a query string) the text true or false in any case. */
    public Boolean bool(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        throw wrongType(name, value, "true or false");
    }

    /** A repeated string field; a single value counts as a list of one (query strings). */
    public List<String> strings(String name) {
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

    /** A repeated message field; each item's fields are named {@code name[i].field} in messages. */
    public List<RequestFields> objects(String name) {
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
    public RequestFields object(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, value, "an object");
        }
        return new RequestFields(value, path(name) + ".");
    }

    /**
     * An enum field by its name (any case), e.g. {@code view_type=ACTIVE_ONLY}, or by its number in
     * the proto, as a JSON number or text; the proto's numbers start at 1 in the enum's order.
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        Integer number = value.isIntegralNumber() && value.canConvertToInt() ? Integer.valueOf(value.intValue()) : null;
        if (value.isTextual()) {
            String text = value.textValue().trim();
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            if (text.matches("\\d{1,9}")) {
                number = Integer.parseInt(text);
            }
        }
        if (number != null && number >= 1 && number <= constants.length) {
            return constants[number - 1];
        }
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name());
        }
        throw AtollException.invalidParameter("Invalid value " + shown(value) + " for parameter '" + path(name)
                + "' supplied. It must be one of " + names + ".");
    }

    /** {@code run_id}, or its older name {@code run_uuid} that MLflow still accepts; required. */
    public String runId() {
        String runId = string("run_id");
        if (runId == null || runId.isEmpty()) {
            runId = string("run_uuid");
        }
        return required(runId, "run_id");
    }

    /** A repeated {@code {key, value}} field of tags: the key is required, an absent value is "". */
    public List<Tag> tags(String name) {
        List<Tag> tags = new ArrayList<>();
        for (RequestFields tag : objects(name)) {
            tags.add(new Tag(tag.requiredString("key"), tag.stringOrEmpty("value")));
        }
        return tags;
    }

    /** A repeated {@code {key, value}} field of params: the key is required, an absent value is "". */
    public List<Param> params(String name) {
        List<Param> params = new ArrayList<>();
        for (RequestFields param : objects(name)) {
            params.add(new Param(param.requiredString("key"), param.stringOrEmpty("value")));
        }
        return params;
    }

    /**
     * Fails with MLflow's message when a required field is absent: null, an empty string or (a
     * repeated field) an empty list.
     */
    public <T> T required(T value, String name) {
        if (value == null || (value instanceof String s && s.isEmpty()) || (value instanceof Collection<?> c && c.isEmpty())) {
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
        return AtollException.invalidParameter("Invalid value " + shown(value) + " for parameter '" + path(name)
                + "' supplied: expected " + expected + ".");
    }

    private static String shown(JsonNode value) {
        String shown = value.toString();
        return shown.length() > SHOWN_VALUE_LENGTH ? shown.substring(0, SHOWN_VALUE_LENGTH) + "..." : shown;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
