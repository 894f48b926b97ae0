package dev.atoll.modules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a decoded annotation literal back as Python source, for messages and stored defaults. */
final class PythonLiterals {
    private PythonLiterals() {
    }

    static String render(Object value) {
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonLiterals::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> render(e.getKey()) + ": " + render(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
