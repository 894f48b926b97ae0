package dev.atoll.modules;

import java.util.Optional;

/**
 * A catalogue search: name contains {@code nameContains} (case-insensitive), of {@code type}, having a
 * parameter called {@code parameter}; every criterion is optional. {@code viewer} is who asks (null:
 * anonymous) — private modules are listed only to their owner.
 */
public record ModuleQuery(String nameContains, ModuleType type, String parameter, String viewer) {

    public static ModuleQuery all(String viewer) {
        return new ModuleQuery(null, null, null, viewer);
    }

    public Optional<String> name() {
        return Optional.ofNullable(nameContains).filter(s -> !s.isBlank());
    }

    public Optional<String> parameterName() {
        return Optional.ofNullable(parameter).filter(s -> !s.isBlank());
    }
}
