package dev.atoll.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.errors.AtollException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code page_token} of MLflow's search endpoints: base64 of the JSON {@code {"offset": N}},
 * byte for byte what MLflow's {@code SearchUtils.create_page_token} produces, so tokens from either
 * server read the same. Clients treat it as opaque and pass back {@code next_page_token} unchanged.
 */
public final class PageToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_CHARS = 60;

    private PageToken() {
    }

    public static String encode(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must be >= 0, was " + offset);
        }
        // Python's json.dumps writes ": " between key and value; keep that for identical tokens.
        String json = "{\"offset\": " + offset + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; null or empty means the first page (offset 0). */
    public static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(token, "could not base64-decode (" + e.getMessage() + ")");
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(token, "could not base64-decode to UTF-8 text");
        }
        JsonNode json;
        try {
            json = JSON.readTree(decoded);
        } catch (IOException e) {
            throw invalid(token, "decoded value=" + shown(decoded) + " is not JSON");
        }
        JsonNode offset = json == null ? null : json.get("offset");
        if (offset == null || offset.isNull()) {
            throw invalid(token, "parsed value=" + shown(decoded) + " has no \"offset\"");
        }
        long value;
        if (offset.isIntegralNumber() && offset.canConvertToLong()) {
            value = offset.asLong();
        } else if (offset.isTextual() && offset.asText().matches("\\d{1,10}")) {
            // MLflow reads the offset with int(...), which also accepts a numeric string.
            value = Long.parseLong(offset.asText());
        } else {
            throw invalid(token, "offset " + shown(offset.toString()) + " is not a whole number");
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw invalid(token, "offset " + value + " is out of range 0.." + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static AtollException invalid(String token, String why) {
        return AtollException.invalidParameter("Invalid page token '" + shown(token) + "', " + why
                + ". Pass the next_page_token of the previous response unchanged, or omit page_token for the first page.");
    }

    private static String shown(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }
}
