package dev.atoll.server.modules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleVersion;

/** The JSON shape of a catalogue entry on {@code /api/atoll/modules} (snake_case, like MLflow's API). */
final class ModuleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModuleJson() {
    }

    static ObjectNode of(ModuleVersion v) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("name", v.name())
                .put("version", v.version())
                .put("type", v.type().decorator())
                .put("visibility", v.visibility().name())
                .put("owner", v.owner())
                .put("display_name", v.displayName())
                .put("description", v.description())
                .put("input_type", v.inputType())
                .put("output_type", v.outputType())
                .put("git_commit", v.gitCommit())
                .put("image", v.image())
                .put("image_digest", v.imageDigest())
                .put("content_digest", v.contentDigest())
                .put("published_at", v.publishedAt().toEpochMilli());
        ArrayNode parameters = node.putArray("parameters");
        for (ModuleParameter p : v.parameters()) {
            parameters.addObject()
                    .put("name", p.name())
                    .put("type", p.type().name())
                    .put("required", p.required())
                    .put("default_value", p.defaultValue())
                    .put("description", p.description());
        }
        return node;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
