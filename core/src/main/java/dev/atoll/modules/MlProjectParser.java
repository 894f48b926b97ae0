package dev.atoll.modules;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code MLproject} files as MLflow does (entry points, typed parameters with defaults, command
 * templates) but strictly: every problem is reported with its line and column, taken from SnakeYAML's
 * node graph.
 */
public final class MlProjectParser {
    private static final Set<String> TYPES = Set.of("float", "int", "string", "path", "uri");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "entry_points", "python_env", "conda_env", "docker_env");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private MlProjectParser(String file) {
        this.file = file;
    }

    public static MlProjectScan parse(String file, String yaml) {
        return new MlProjectParser(file).read(yaml);
    }

    private MlProjectScan read(String yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new Problem(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem() + " — fix the syntax"));
            return result(null);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            problems.add(Problem.ofFile(file, "not valid YAML: " + e.getMessage() + " — fix the syntax"));
            return result(null);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(root == null
                    ? Problem.ofFile(file, "is empty — declare name and entry_points (see docs/modules.md)")
                    : problem(root, "must be a mapping with name and entry_points"));
            return result(null);
        }
        Map<String, Node> top = mapping(mapping, "MLproject");
        top.keySet().stream().filter(key -> !TOP_LEVEL_KEYS.contains(key)).forEach(key -> problems.add(problem(
                keyNode(mapping, key), "unknown key '" + key + "' — expected one of " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL_KEYS)))));
        String name = scalar(top.get("name"), "name");
        if (top.get("name") == null) {
            problems.add(problem(mapping, "missing 'name' — add name: <module-name>"));
        }
        Map<String, MlProject.EntryPoint> entryPoints = new LinkedHashMap<>();
        Node entries = top.get("entry_points");
        if (entries == null) {
            problems.add(problem(mapping, "missing 'entry_points' — add an entry point 'main' with its command"));
        } else if (!(entries instanceof MappingNode entryMapping)) {
            problems.add(problem(entries, "'entry_points' must be a mapping of entry point names to {parameters, command}"));
        } else {
            mapping(entryMapping, "entry_points").forEach((entryName, node) -> entryPoint(entryName, node).ifPresent(e -> entryPoints.put(entryName, e)));
        }
        return result(problems.isEmpty() ? new MlProject(name, entryPoints) : null);
    }

    private Optional<MlProject.EntryPoint> entryPoint(String name, Node node) {
        String where = "entry point '" + name + "'";
        if (!(node instanceof MappingNode mapping)) {
            problems.add(problem(node, where + " must be a mapping with 'command' and optional 'parameters'"));
            return Optional.empty();
        }
        Map<String, Node> fields = mapping(mapping, where);
        fields.keySet().stream().filter(key -> !key.equals("command") && !key.equals("parameters")).forEach(key -> problems.add(
                problem(keyNode(mapping, key), where + " has unknown key '" + key + "' — expected 'command' or 'parameters'")));
        String command = scalar(fields.get("command"), where + " command");
        if (fields.get("command") == null) {
            problems.add(problem(mapping, where + " has no 'command' — add command: \"python <script>.py ...\""));
        }
        List<MlProject.Parameter> parameters = new ArrayList<>();
        Node parameterNode = fields.get("parameters");
        if (parameterNode instanceof MappingNode parameterMapping) {
            mapping(parameterMapping, where + " parameters").forEach((parameterName, spec) -> parameter(where, parameterName, spec).ifPresent(parameters::add));
        } else if (parameterNode != null && !(parameterNode instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
            problems.add(problem(parameterNode, where + " parameters must be a mapping of names to types"));
        }
        if (command != null) {
            Set<String> declared = new LinkedHashSet<>();
            parameters.forEach(p -> declared.add(p.name()));
            Matcher matcher = PLACEHOLDER.matcher(command);
            while (matcher.find()) {
                if (!declared.contains(matcher.group(1))) {
                    problems.add(problem(fields.get("command"), where + " command uses {" + matcher.group(1)
                            + "} but no parameter of that name is declared — declare it under parameters"));
                }
            }
        }
        return Optional.of(new MlProject.EntryPoint(name, command, parameters, mapping.getStartMark().getLine() + 1));
    }

    private Optional<MlProject.Parameter> parameter(String where, String name, Node spec) {
        String what = where + " parameter '" + name + "'";
        String type;
        String defaultValue = null;
        Node typeNode = spec;
        if (spec instanceof ScalarNode scalar) {
            type = scalar.getValue();
        } else if (spec instanceof MappingNode mapping) {
            Map<String, Node> fields = mapping(mapping, what);
            fields.keySet().stream().filter(key -> !key.equals("type") && !key.equals("default")).forEach(key -> problems.add(
                    problem(keyNode(mapping, key), what + " has unknown key '" + key + "' — expected 'type' or 'default'")));
            typeNode = fields.getOrDefault("type", mapping);
            type = fields.containsKey("type") ? scalar(fields.get("type"), what + " type") : "string";
            if (fields.containsKey("default")) {
                defaultValue = scalar(fields.get("default"), what + " default");
                if (defaultValue != null && type != null && !defaultFits(type, defaultValue)) {
                    problems.add(problem(fields.get("default"), what + " default '" + defaultValue + "' is not a valid " + type
                            + " — change the default or the type"));
                    return Optional.empty();
                }
            }
        } else {
            problems.add(problem(spec, what + " must be a type name or {type, default}"));
            return Optional.empty();
        }
        if (type == null || !TYPES.contains(type)) {
            problems.add(problem(typeNode, what + " type '" + type + "' is not allowed — use one of float, int, string, path, uri"));
            return Optional.empty();
        }
        return Optional.of(new MlProject.Parameter(name, type, defaultValue));
    }

    private static boolean defaultFits(String type, String value) {
        try {
            switch (type) {
                case "int" -> new BigDecimal(value).toBigIntegerExact();
                case "float" -> Double.parseDouble(value);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    private Map<String, Node> mapping(MappingNode mapping, String where) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (values.containsKey(key.getValue())) {
                    problems.add(problem(key, where + " has key '" + key.getValue() + "' twice (first on line "
                            + (keyNode(mapping, key.getValue()).getStartMark().getLine() + 1) + ") — keep one"));
                    continue;
                }
                values.put(key.getValue(), tuple.getValueNode());
            } else {
                problems.add(problem(tuple.getKeyNode(), where + " has a key that is not a plain name"));
            }
        }
        return values;
    }

    private static Node keyNode(MappingNode mapping, String key) {
        return mapping.getValue().stream().map(NodeTuple::getKeyNode)
                .filter(node -> node instanceof ScalarNode scalar && scalar.getValue().equals(key)).findFirst().orElse(mapping);
    }

    private String scalar(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(problem(node, what + " must be a single value, not a list or mapping"));
        return null;
    }

    private Problem problem(Node node, String message) {
        return new Problem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message);
    }

    private MlProjectScan result(MlProject project) {
        return new MlProjectScan(Optional.ofNullable(project), problems);
    }
}
