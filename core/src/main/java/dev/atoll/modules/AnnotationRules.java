package dev.atoll.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The meaning of the decorators once parsed: which arguments each takes, which are required, which
 * values are allowed. Problems are collected with the position of the offending argument.
 */
final class AnnotationRules {
    private static final List<String> MODULE_KEYS =
            List.of("name", "author", "type", "description", "input_type", "output_type", "visibility");
    private static final Set<String> MODULE_REQUIRED = Set.of("name", "author", "description", "input_type", "visibility");
    private static final List<String> PARAMETER_KEYS = List.of("name", "type", "required", "default_value", "description");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String file;
    private final List<Problem> problems;
    private AnnotationParser.Decorator module;
    private Map<String, Object> moduleArguments;
    private final List<ModuleParameter> parameters = new ArrayList<>();

    AnnotationRules(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void accept(AnnotationParser.Decorator decorator) {
        if (decorator.name().equals("parameter")) {
            parameter(decorator);
        } else if (module != null) {
            problem(decorator.at(), "second module annotation @" + decorator.name() + " (the first is @" + module.name()
                    + " on line " + module.at().line() + ") — an entry point declares exactly one module");
        } else {
            module = decorator;
            moduleArguments = arguments(decorator, MODULE_KEYS);
            for (String key : MODULE_KEYS) {
                Object value = moduleArguments.get(key);
                if (value != null && !(value instanceof String)) {
                    problem(decorator.at(), "@" + decorator.name() + " argument '" + key + "' must be a string but is "
                            + PythonLiterals.render(value) + " — quote it");
                    moduleArguments.remove(key);
                }
            }
            MODULE_REQUIRED.stream().sorted().filter(key -> !moduleArguments.containsKey(key)).forEach(key -> problem(decorator.at(),
                    "@" + decorator.name() + " is missing the required argument '" + key + "' — add " + key + "=\"...\""));
            if (decorator.name().equals(ModuleType.DATA_PROCESSOR.decorator()) && !moduleArguments.containsKey("output_type")) {
                problem(decorator.at(), "@data_processor is missing the required argument 'output_type' — add output_type=\"...\"");
            }
            Object visibility = moduleArguments.get("visibility");
            if (visibility instanceof String text && visibility(text).isEmpty()) {
                problem(decorator.at(), "@" + decorator.name() + " visibility \"" + text + "\" is not PUBLIC or PRIVATE — use one of them");
            }
        }
    }

    Optional<ModuleAnnotations> finish() {
        if (module == null) {
            problems.add(Problem.ofFile(file, "no @data_processor, @data_visualization or @model annotation found — "
                    + "decorate the entry point's init_params() with one (see docs/modules.md)"));
            return Optional.empty();
        }
        Map<String, Object> args = moduleArguments;
        return Optional.of(new ModuleAnnotations(
                ModuleType.ofDecorator(module.name()).orElseThrow(),
                (String) args.get("name"),
                (String) args.get("author"),
                (String) args.get("type"),
                (String) args.get("description"),
                (String) args.get("input_type"),
                (String) args.get("output_type"),
                args.get("visibility") instanceof String text ? visibility(text).orElse(Visibility.PRIVATE) : Visibility.PRIVATE,
                parameters));
    }

    private void parameter(AnnotationParser.Decorator decorator) {
        Map<String, Object> args = arguments(decorator, PARAMETER_KEYS);
        Object name = args.get("name");
        Object type = args.get("type");
        if (!(name instanceof String text) || !PARAMETER_NAME.matcher(text).matches()) {
            problem(decorator.at(), name == null
                    ? "@parameter is missing the required argument 'name' — add name=\"...\""
                    : "@parameter name " + PythonLiterals.render(name) + " is not a valid parameter name — use letters, digits, '_' or '-', starting with a letter or '_'");
            return;
        }
        String parameterName = (String) name;
        Optional<ParameterType> parameterType = type instanceof String typeText ? parameterType(typeText) : Optional.empty();
        if (parameterType.isEmpty()) {
            problem(decorator.at(), "@parameter '" + parameterName + "' type " + (type == null ? "is missing" : PythonLiterals.render(type) + " is not allowed")
                    + " — use one of STRING, INTEGER, FLOAT, BOOLEAN, LIST, DICTIONARY");
            return;
        }
        Object required = args.getOrDefault("required", Boolean.FALSE);
        if (!(required instanceof Boolean)) {
            problem(decorator.at(), "@parameter '" + parameterName + "' required=" + PythonLiterals.render(required) + " is not True or False — use one of them");
            return;
        }
        Object defaultValue = args.get("default_value");
        if (defaultValue != null && defaultValue != AnnotationParser.NONE && !parameterType.get().accepts(defaultValue)) {
            problem(decorator.at(), "@parameter '" + parameterName + "' default_value " + PythonLiterals.render(defaultValue)
                    + " is not a " + parameterType.get() + " — change the default or the type");
            return;
        }
        Object description = args.getOrDefault("description", "");
        if (!(description instanceof String)) {
            problem(decorator.at(), "@parameter '" + parameterName + "' description must be a string — quote it");
            return;
        }
        if (parameters.stream().anyMatch(existing -> existing.name().equals(parameterName))) {
            problem(decorator.at(), "@parameter '" + parameterName + "' is declared twice — remove one");
            return;
        }
        String rendered = defaultValue == null || defaultValue == AnnotationParser.NONE ? null : PythonLiterals.render(defaultValue);
        parameters.add(new ModuleParameter(parameterName, parameterType.get(), (Boolean) required, rendered, (String) description));
    }

    /** Maps positional and keyword arguments to keys, reporting unknown, repeated and surplus ones. */
    private Map<String, Object> arguments(AnnotationParser.Decorator decorator, List<String> keys) {
        Map<String, Object> values = new LinkedHashMap<>();
        int position = 0;
        for (AnnotationParser.Argument argument : decorator.arguments()) {
            String key;
            if (argument.keyword() == null) {
                if (position >= keys.size()) {
                    problem(argument.at(), "@" + decorator.name() + " takes at most " + keys.size() + " positional arguments — name the extra argument");
                    continue;
                }
                key = keys.get(position++);
            } else {
                key = argument.keyword();
                if (!keys.contains(key)) {
                    problem(argument.at(), "@" + decorator.name() + " has no argument '" + key + "' — expected one of " + String.join(", ", keys));
                    continue;
                }
            }
            if (values.containsKey(key)) {
                problem(argument.at(), "@" + decorator.name() + " argument '" + key + "' is given twice — keep one");
                continue;
            }
            values.put(key, argument.value());
        }
        return values;
    }

    private static Optional<ParameterType> parameterType(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT);
        normal = switch (normal) {
            case "STR" -> "STRING";
            case "INT" -> "INTEGER";
            case "BOOL" -> "BOOLEAN";
            case "DICT" -> "DICTIONARY";
            default -> normal;
        };
        for (ParameterType type : ParameterType.values()) {
            if (type.name().equals(normal)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static Optional<Visibility> visibility(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT);
        for (Visibility visibility : Visibility.values()) {
            if (visibility.name().equals(normal)) {
                return Optional.of(visibility);
            }
        }
        return Optional.empty();
    }

    private void problem(PythonToken at, String message) {
        problems.add(new Problem(file, at.line(), at.column(), message));
    }
}
