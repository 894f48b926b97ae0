package dev.atoll.diff.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** One line of a JSON Lines file as a record: top-level keys to text, nested values kept as JSON text, JSON null as null. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** The record on a line (keys in the line's order), or null when the line is blank or not a JSON object (then a problem names the line). */
    static Map<String, String> record(String source, int lineNumber, String line, ReadProblems problems) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException bad) {
            problems.add(source + " line " + lineNumber + ": not JSON (" + bad.getOriginalMessage() + ") — line skipped");
            return null;
        }
        if (!node.isObject()) {
            problems.add(source + " line " + lineNumber + ": a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not an object — line skipped");
            return null;
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            record.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
        }
        return record;
    }

    /** Adds the top-level keys of a line to {@code keys} (in order of first appearance) without building its values. */
    static void keys(String line, Map<String, Integer> keys) {
        if (line.isBlank()) {
            return;
        }
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.putIfAbsent(parser.currentName(), keys.size());
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException bad) {
            // Not JSON: the reading pass reports it with its line.
        }
    }
}
