package dev.atoll.registry;

import java.util.Map;

/**
 * A registry change that webhooks announce. The payload is plain data (strings, numbers, maps,
 * lists) that the dispatcher renders as JSON.
 */
public record RegistryEvent(Type type, long time, Map<String, Object> payload) {

    public enum Type {
        MODEL_VERSION_CREATED("model_version.created"),
        MODEL_VERSION_ALIAS_SET("model_version_alias.set"),
        MODEL_VERSION_ALIAS_DELETED("model_version_alias.deleted"),
        MODEL_VERSION_STAGE_CHANGED("model_version.stage_changed");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the {@code X-Atoll-Event} header and the payload's {@code event} field. */
        public String wireName() {
            return wireName;
        }
    }
}
