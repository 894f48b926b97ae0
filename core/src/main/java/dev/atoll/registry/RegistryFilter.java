package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code filter} of {@code registered-models/search} and {@code model-versions/search}: clauses
 * joined by AND, each {@code <key> <op> <value>}. Keys: {@code name}, {@code tags.<key>} (backticks
 * or quotes around keys with odd characters), and for versions also {@code run_id},
 * {@code source_path} and {@code version_number}. Operators: {@code =}, {@code !=}, {@code LIKE},
 * {@code ILIKE} (with {@code %} and {@code _} wildcards), {@code IN} and {@code NOT IN} for
 * {@code run_id}, and {@code < <= > >=} for {@code version_number}. Strings are quoted with ' or ".
 */
public final class RegistryFilter {
    private static final Set<String> MODEL_KEYS = Set.of("name");
    private static final Set<String> VERSION_KEYS = Set.of("name", "run_id", "source_path", "version_number");
    private static final Set<String> LOGGED_MODEL_KEYS = Set.of("name", "source_run_id", "model_type", "status");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<str>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|(?<tick>`[^`]*`)|(?<op>!=|<=|>=|=|<|>|\\(|\\)|,)"
                    + "|(?<word>[A-Za-z_][A-Za-z0-9_.]*(?:`[^`]*`|\"[^\"]*\")?)|(?<num>-?\\d+))");

    /** One clause: {@code key} is {@code name}, {@code run_id}, ... or {@code tags.<key>}. */
    public record Clause(String key, String op, Object value) {
        boolean isTag() {
            return key.startsWith("tags.");
        }
    }

    private final List<Clause> clauses;

    private RegistryFilter(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    public List<Clause> clauses() {
        return clauses;
    }

    public static RegistryFilter forModels(String filter) {
        return parse(filter, MODEL_KEYS, "registered models");
    }

    public static RegistryFilter forVersions(String filter) {
        return parse(filter, VERSION_KEYS, "model versions");
    }

    public static RegistryFilter forLoggedModels(String filter) {
        return parse(filter, LOGGED_MODEL_KEYS, "logged models");
    }

    public boolean matches(LoggedModel model) {
        for (Clause c : clauses) {
            boolean ok = switch (c.key()) {
                case "name" -> compare(c, model.name());
                case "source_run_id" -> compare(c, model.sourceRunId());
                case "model_type" -> compare(c, model.modelType());
                case "status" -> compare(c, model.status().name());
                default -> matchesTag(c, model.tags());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(RegisteredModel model) {
        return clauses.stream().allMatch(c -> c.isTag() ? matchesTag(c, model.tags()) : compare(c, model.name()));
    }

    public boolean matches(ModelVersion version) {
        for (Clause c : clauses) {
            boolean ok = switch (c.key()) {
                case "name" -> compare(c, version.name());
                case "run_id" -> compare(c, version.runId());
                case "source_path" -> compare(c, version.source());
                case "version_number" -> compareNumber(c, version.version());
                default -> matchesTag(c, version.tags());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesTag(Clause c, List<Tag> tags) {
        String key = c.key().substring("tags.".length());
        String value = tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
        if (value == null) {
            // A missing tag is "not equal" to anything: MLflow 3 clients filter prompts out with
            // tags.`mlflow.prompt.is_prompt` != 'true' and expect every ordinary model back.
            return c.op().equals("!=") || c.op().equals("NOT IN");
        }
        return compare(c, value);
    }

    private static boolean compare(Clause c, String actual) {
        if (actual == null) {
            return false;
        }
        return switch (c.op()) {
            case "=" -> actual.equals(c.value());
            case "!=" -> !actual.equals(c.value());
            case "LIKE" -> like((String) c.value(), false).matcher(actual).matches();
            case "ILIKE" -> like((String) c.value(), true).matcher(actual).matches();
            case "IN" -> ((List<?>) c.value()).contains(actual);
            case "NOT IN" -> !((List<?>) c.value()).contains(actual);
            default -> throw new IllegalStateException("unexpected operator " + c.op());
        };
    }

    private static boolean compareNumber(Clause c, long actual) {
        long expected = (Long) c.value();
        return switch (c.op()) {
            case "=" -> actual == expected;
            case "!=" -> actual != expected;
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case ">" -> actual > expected;
            case ">=" -> actual >= expected;
            default -> throw new IllegalStateException("unexpected operator " + c.op());
        };
    }

    /** SQL LIKE as a regex: % is any run, _ one character, everything else literal. */
    static Pattern like(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '%' || ch == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(ch == '%' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    // ---- parsing

    private static RegistryFilter parse(String filter, Set<String> keys, String what) {
        if (filter == null || filter.isBlank()) {
            return new RegistryFilter(List.of());
        }
        List<String[]> tokens = tokenize(filter);
        List<Clause> clauses = new ArrayList<>();
        int[] at = {0};
        while (true) {
            clauses.add(clause(filter, tokens, at, keys, what));
            if (at[0] == tokens.size()) {
                break;
            }
            String[] and = tokens.get(at[0]++);
            if (!and[0].equals("word") || !and[1].equalsIgnoreCase("AND")) {
                throw invalid(filter, "expected AND between clauses but found '" + and[1] + "'");
            }
        }
        return new RegistryFilter(clauses);
    }

    private static Clause clause(String filter, List<String[]> tokens, int[] at, Set<String> keys, String what) {
        String[] keyToken = next(filter, tokens, at, "a key");
        String key = keyToken[1];
        if (keyToken[0].equals("word") && key.toLowerCase(Locale.ROOT).startsWith("tags.")) {
            String tagKey = unquote(key.substring(5));
            if (tagKey.isEmpty()) {
                throw invalid(filter, "the tag key after 'tags.' is empty");
            }
            key = "tags." + tagKey;
        } else if (keyToken[0].equals("word") && key.toLowerCase(Locale.ROOT).startsWith("attributes.")) {
            key = key.substring("attributes.".length()).toLowerCase(Locale.ROOT);
        } else if (keyToken[0].equals("word")) {
            key = key.toLowerCase(Locale.ROOT);
        } else {
            throw invalid(filter, "expected a key but found '" + key + "'");
        }
        if (!key.startsWith("tags.") && !keys.contains(key)) {
            throw invalid(filter, "invalid attribute key '" + key + "'; " + what + " can be filtered on "
                    + String.join(", ", keys.stream().sorted().toList()) + " and tags.<key>");
        }
        String op = operator(filter, tokens, at);
        Object value;
        if (op.equals("IN") || op.equals("NOT IN")) {
            if (!key.equals("run_id")) {
                throw invalid(filter, op + " is only supported for run_id, not for '" + key + "'");
            }
            value = list(filter, tokens, at);
        } else if (key.equals("version_number")) {
            String[] number = next(filter, tokens, at, "a number");
            if (!number[0].equals("num") || op.contains("LIKE")) {
                throw invalid(filter, "version_number compares with =, !=, <, <=, >, >= to a whole number, not '" + number[1] + "'");
            }
            value = Long.parseLong(number[1]);
        } else {
            if (Set.of("<", "<=", ">", ">=").contains(op)) {
                throw invalid(filter, "operator '" + op + "' is not supported for '" + key + "'; use =, !=, LIKE or ILIKE");
            }
            String[] string = next(filter, tokens, at, "a quoted string");
            if (!string[0].equals("str")) {
                throw invalid(filter, "the value for '" + key + "' must be a quoted string, not '" + string[1] + "'");
            }
            value = unquote(string[1]);
        }
        return new Clause(key, op, value);
    }

    private static String operator(String filter, List<String[]> tokens, int[] at) {
        String[] token = next(filter, tokens, at, "an operator");
        String text = token[1].toUpperCase(Locale.ROOT);
        if (token[0].equals("op") && Set.of("=", "!=", "<", "<=", ">", ">=").contains(text)) {
            return text;
        }
        if (token[0].equals("word") && Set.of("LIKE", "ILIKE", "IN").contains(text)) {
            return text;
        }
        if (token[0].equals("word") && text.equals("NOT")) {
            String[] in = next(filter, tokens, at, "IN after NOT");
            if (in[1].equalsIgnoreCase("IN")) {
                return "NOT IN";
            }
        }
        throw invalid(filter, "unsupported operator '" + token[1] + "'; use =, !=, LIKE, ILIKE, IN or NOT IN");
    }

    private static List<String> list(String filter, List<String[]> tokens, int[] at) {
        if (!next(filter, tokens, at, "'('")[1].equals("(")) {
            throw invalid(filter, "IN needs a parenthesised list of quoted strings, e.g. ('a', 'b')");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            String[] value = next(filter, tokens, at, "a quoted string");
            if (!value[0].equals("str")) {
                throw invalid(filter, "IN lists hold quoted strings, not '" + value[1] + "'");
            }
            values.add(unquote(value[1]));
            String[] separator = next(filter, tokens, at, "',' or ')'");
            if (separator[1].equals(")")) {
                return values;
            }
            if (!separator[1].equals(",")) {
                throw invalid(filter, "expected ',' or ')' in the IN list but found '" + separator[1] + "'");
            }
        }
    }

    private static String[] next(String filter, List<String[]> tokens, int[] at, String expected) {
        if (at[0] >= tokens.size()) {
            throw invalid(filter, "expected " + expected + " but the filter ended");
        }
        return tokens.get(at[0]++);
    }

    private static List<String[]> tokenize(String filter) {
        List<String[]> tokens = new ArrayList<>();
        var matcher = TOKEN.matcher(filter);
        int position = 0;
        while (position < filter.length()) {
            while (position < filter.length() && Character.isWhitespace(filter.charAt(position))) {
                position++;
            }
            if (position == filter.length()) {
                break;
            }
            if (!matcher.find(position) || matcher.start() != position) {
                throw invalid(filter, "unexpected character '" + filter.charAt(position) + "' at position " + position);
            }
            for (String group : List.of("str", "tick", "op", "word", "num")) {
                if (matcher.group(group) != null) {
                    tokens.add(new String[] {group.equals("tick") ? "word" : group, matcher.group(group)});
                }
            }
            position = matcher.end();
        }
        return tokens;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("'") || text.startsWith("\"") || text.startsWith("`"))
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            String inner = text.substring(1, text.length() - 1);
            return inner.replaceAll("\\\\(.)", "$1");
        }
        return text;
    }

    private static AtollException invalid(String filter, String rule) {
        return AtollException.invalidParameter("Invalid filter '" + filter + "': " + rule + ".");
    }

    /** For tests and messages: the keys each search accepts. */
    static Map<String, Set<String>> keys() {
        return Map.of("models", MODEL_KEYS, "versions", VERSION_KEYS);
    }
}
