package dev.atoll.modules;

import java.util.List;

/** What the decorators on a Python entry point say about its module. */
public record ModuleAnnotations(
        ModuleType type,
        String name,
        String author,
        String category,
        String description,
        String inputType,
        String outputType,
        Visibility visibility,
        List<ModuleParameter> parameters) {

    public ModuleAnnotations {
        parameters = List.copyOf(parameters);
    }
}
