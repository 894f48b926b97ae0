package dev.atoll.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MLReef-style annotations from a Python entry point. It tokenizes the whole file (so decorators
 * in strings or comments are ignored) and parses each decorator by recursive descent over the subset of
 * Python the annotations use: a dotted name, then a call whose arguments are literals (strings, numbers,
 * booleans, None, lists, tuples and dicts of those), positional or by keyword. Unknown decorators are
 * skipped. Every problem is collected with its {@code file:line:column}; parsing goes on at the next
 * line so one run reports them all.
 */
public final class AnnotationParser {

    /** Marks Python's {@code None}, which a Java map or list cannot hold as null. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final String file;
    private List<PythonToken> tokens;
    private int next;

    private AnnotationParser(String file) {
        this.file = file;
    }

    public static AnnotationScan parse(String file, String source) {
        return new AnnotationParser(file).scan(source);
    }

    private AnnotationScan scan(String source) {
        List<Problem> problems = new ArrayList<>();
        try {
            tokens = new PythonTokenizer(file, source).tokenize();
        } catch (AnnotationSyntaxException e) {
            problems.add(e.problem());
            return new AnnotationScan(java.util.Optional.empty(), problems);
        }
        AnnotationRules rules = new AnnotationRules(file, problems);
        boolean lineStart = true;
        while (peek().kind() != PythonToken.Kind.END) {
            PythonToken token = peek();
            if (lineStart && token.is("@")) {
                try {
                    Decorator decorator = decorator();
                    if (decorator != null) {
                        rules.accept(decorator);
                    }
                } catch (AnnotationSyntaxException e) {
                    problems.add(e.problem());
                    skipLine();
                }
                lineStart = true;
                continue;
            }
            advance();
            lineStart = token.kind() == PythonToken.Kind.NEWLINE;
        }
        return new AnnotationScan(rules.finish(), problems);
    }

    /** A decorator this parser understands: its short name, where it starts, and its arguments. */
    record Decorator(String name, PythonToken at, List<Argument> arguments) {
    }

    /** One argument of a decorator call; {@code keyword} is null for a positional argument. */
    record Argument(String keyword, Object value, PythonToken at) {
    }

    private Decorator decorator() {
        PythonToken at = advance();
        PythonToken name = expectName("a decorator name after '@'");
        String shortName = name.text();
        while (peek().is(".")) {
            advance();
            shortName = expectName("a name after '.'").text();
        }
        boolean known = shortName.equals("parameter") || ModuleType.ofDecorator(shortName).isPresent();
        if (!known) {
            skipLine();
            return null;
        }
        List<Argument> arguments = new ArrayList<>();
        if (peek().is("(")) {
            advance();
            while (!peek().is(")")) {
                arguments.add(argument());
                if (peek().is(",")) {
                    advance();
                } else if (!peek().is(")")) {
                    throw expected("',' or ')' after an argument of @" + shortName);
                }
            }
            advance();
        }
        if (peek().kind() != PythonToken.Kind.NEWLINE) {
            throw expected("end of line after the @" + shortName + "(...) decorator");
        }
        advance();
        return new Decorator(shortName, at, arguments);
    }

    private Argument argument() {
        PythonToken at = peek();
        if (at.kind() == PythonToken.Kind.NAME && tokens.get(next + 1).is("=")) {
            advance();
            advance();
            return new Argument(at.text(), literal(), at);
        }
        return new Argument(null, literal(), at);
    }

    private Object literal() {
        PythonToken token = peek();
        switch (token.kind()) {
            case STRING -> {
                StringBuilder value = new StringBuilder();
                while (peek().kind() == PythonToken.Kind.STRING) {
                    value.append(advance().text());
                }
                return value.toString();
            }
            case NUMBER -> {
                return number(advance(), false);
            }
            case NAME -> {
                switch (token.text()) {
                    case "True" -> {
                        advance();
                        return Boolean.TRUE;
                    }
                    case "False" -> {
                        advance();
                        return Boolean.FALSE;
                    }
                    case "None" -> {
                        advance();
                        return NONE;
                    }
                    default -> throw new AnnotationSyntaxException(new Problem(file, token.line(), token.column(),
                            "expected a literal (string, number, True, False, None, list or dict) but found name '"
                                    + token.text() + "' — annotation values are read without running the script, so write the value itself"));
                }
            }
            default -> {
                if (token.is("-") || token.is("+")) {
                    advance();
                    if (peek().kind() != PythonToken.Kind.NUMBER) {
                        throw expected("a number after '" + token.text() + "'");
                    }
                    return number(advance(), token.is("-"));
                }
                if (token.is("[") || token.is("(")) {
                    return sequence(token.is("[") ? "]" : ")");
                }
                if (token.is("{")) {
                    return dictionary();
                }
                throw expected("a literal (string, number, True, False, None, list or dict)");
            }
        }
    }

    private List<Object> sequence(String close) {
        advance();
        List<Object> items = new ArrayList<>();
        while (!peek().is(close)) {
            items.add(literal());
            if (peek().is(",")) {
                advance();
            } else if (!peek().is(close)) {
                throw expected("',' or '" + close + "' in a list");
            }
        }
        advance();
        return items;
    }

    private Map<Object, Object> dictionary() {
        advance();
        Map<Object, Object> entries = new LinkedHashMap<>();
        while (!peek().is("}")) {
            Object key = literal();
            if (!peek().is(":")) {
                throw expected("':' after a dict key");
            }
            advance();
            entries.put(key, literal());
            if (peek().is(",")) {
                advance();
            } else if (!peek().is("}")) {
                throw expected("',' or '}' in a dict");
            }
        }
        advance();
        return entries;
    }

    private Object number(PythonToken token, boolean negative) {
        String text = token.text().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        String signed = negative ? "-" + text : text;
        try {
            if (text.startsWith("0x")) {
                return Long.parseLong((negative ? "-" : "") + text.substring(2), 16);
            }
            if (text.startsWith("0o")) {
                return Long.parseLong((negative ? "-" : "") + text.substring(2), 8);
            }
            if (text.startsWith("0b")) {
                return Long.parseLong((negative ? "-" : "") + text.substring(2), 2);
            }
            if (text.contains(".") || text.contains("e")) {
                return Double.parseDouble(signed);
            }
            return Long.parseLong(signed);
        } catch (NumberFormatException e) {
            throw new AnnotationSyntaxException(new Problem(file, token.line(), token.column(),
                    "expected a number but found '" + token.text() + "' — write an integer like 3 or a float like 0.5"));
        }
    }

    private PythonToken expectName(String what) {
        if (peek().kind() != PythonToken.Kind.NAME) {
            throw expected(what);
        }
        return advance();
    }

    private AnnotationSyntaxException expected(String what) {
        PythonToken found = peek();
        return new AnnotationSyntaxException(new Problem(file, found.line(), found.column(),
                "expected " + what + " but found " + found.describe()));
    }

    private void skipLine() {
        while (peek().kind() != PythonToken.Kind.NEWLINE && peek().kind() != PythonToken.Kind.END) {
            advance();
        }
        if (peek().kind() == PythonToken.Kind.NEWLINE) {
            advance();
        }
    }

    private PythonToken peek() {
        return tokens.get(next);
    }

    private PythonToken advance() {
        PythonToken token = tokens.get(next);
        if (token.kind() != PythonToken.Kind.END) {
            next++;
        }
        return token;
    }
}
