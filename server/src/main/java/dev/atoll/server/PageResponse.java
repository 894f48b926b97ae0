package dev.atoll.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.tracking.Page;

import java.util.function.Function;

/**
 * A page of results as MLflow answers a search or listing: the items under their field, left out
 * when there are none (as MLflow's proto JSON leaves out an empty repeated field), and
 * {@code next_page_token} when another page exists.
 */
public final class PageResponse {
    private PageResponse() {
    }

    public static <T> ObjectNode of(String field, Page<T> page, Function<? super T, ? extends JsonNode> render) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (!page.items().isEmpty()) {
            ArrayNode items = response.putArray(field);
            page.items().forEach(item -> items.add(render.apply(item)));
        }
        if (page.nextPageToken() != null) {
            response.put("next_page_token", page.nextPageToken());
        }
        return response;
    }
}
