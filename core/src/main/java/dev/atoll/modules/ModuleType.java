package dev.atoll.modules;

import java.util.Arrays;
import java.util.Optional;

/** What a code module does, named by the decorator that declares it on the entry point. */
public enum ModuleType {
    DATA_PROCESSOR("data_processor"),
    DATA_VISUALIZATION("data_visualization"),
    MODEL("model");

    private final String decorator;

    ModuleType(String decorator) {
        this.decorator = decorator;
    }

    public String decorator() {
        return decorator;
    }

    public static Optional<ModuleType> ofDecorator(String name) {
        return Arrays.stream(values()).filter(type -> type.decorator.equals(name)).findFirst();
    }

    /** Accepts {@code data_processor}, {@code DATA_PROCESSOR} or {@code data-processor}. */
    public static Optional<ModuleType> parse(String text) {
        String normal = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(type -> type.name().equals(normal)).findFirst();
    }
}
