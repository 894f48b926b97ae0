package dev.atoll.modules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code MLproject} file (MLflow Projects format): a name and its entry points. */
public record MlProject(String name, Map<String, EntryPoint> entryPoints) {

    public MlProject {
        entryPoints = Map.copyOf(entryPoints);
    }

    /** One entry point: a command template whose {@code {placeholders}} name its parameters. */
    public record EntryPoint(String name, String command, List<Parameter> parameters, int line) {
        public EntryPoint {
            parameters = List.copyOf(parameters);
        }

        public Optional<Parameter> parameter(String parameterName) {
            return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
        }
    }

    /** A typed parameter: {@code float}, {@code int}, {@code string}, {@code path} or {@code uri}, default or null. */
    public record Parameter(String name, String type, String defaultValue) {
    }
}
