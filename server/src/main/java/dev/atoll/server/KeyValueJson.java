package dev.atoll.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Function;

/**
 * MLflow's key-value lists (tags, params) as JSON: an array of {@code {key, value}} objects. An empty
 * list writes no field and a null value no {@code value}, as protobuf's JSON leaves unset fields out.
 */
public final class KeyValueJson {
    private KeyValueJson() {
    }

    public static <T> void put(ObjectNode parent, String field, List<T> items, Function<T, String> key, Function<T, String> value) {
        if (items.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray(field);
        for (T item : items) {
            ObjectNode pair = array.addObject().put("key", key.apply(item));
            String v = value.apply(item);
            if (v != null) {
                pair.put("value", v);
            }
        }
    }
}
