package dev.atoll.modules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into tokens: enough of Python's lexical grammar to find decorators reliably
 * (strings of every quoting style, comments, bracket-aware logical lines, line continuations), so a
 * {@code @} inside a string or comment is never mistaken for a decorator. Indentation is not needed
 * for annotations and is not tracked.
 */
final class PythonTokenizer {
    private static final String THREE_CHAR_OPERATORS = "**= //= >>= <<= ...";
    private static final String TWO_CHAR_OPERATORS = "** // == != <= >= -> += -= *= /= %= &= |= ^= >> << := @=";

    private final String file;
    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    PythonTokenizer(String file, String source) {
        this.file = file;
        this.source = source;
    }

    List<PythonToken> tokenize() {
        List<PythonToken> tokens = new ArrayList<>();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\n') {
                if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != PythonToken.Kind.NEWLINE) {
                    tokens.add(token(PythonToken.Kind.NEWLINE, "\n", pos));
                }
                newLine(pos + 1);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
                newLine(pos + 2);
            } else if (startsString()) {
                tokens.add(string());
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(token(PythonToken.Kind.NAME, source.substring(start, pos), start));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1)))) {
                tokens.add(number());
            } else {
                tokens.add(operator());
            }
        }
        if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != PythonToken.Kind.NEWLINE) {
            tokens.add(token(PythonToken.Kind.NEWLINE, "\n", pos));
        }
        tokens.add(token(PythonToken.Kind.END, "", pos));
        return tokens;
    }

    private void newLine(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private PythonToken token(PythonToken.Kind kind, String text, int start) {
        return new PythonToken(kind, text, line, start - lineStart + 1);
    }

    private boolean startsString() {
        int i = pos;
        while (i < source.length() && i - pos < 2 && "rRbBuUfF".indexOf(source.charAt(i)) >= 0) {
            i++;
        }
        return i < source.length() && (source.charAt(i) == '"' || source.charAt(i) == '\'');
    }

    private PythonToken string() {
        int start = pos;
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        boolean raw = false;
        while ("rRbBuUfF".indexOf(source.charAt(pos)) >= 0) {
            raw |= source.charAt(pos) == 'r' || source.charAt(pos) == 'R';
            pos++;
        }
        char quote = source.charAt(pos);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= source.length()) {
                throw new AnnotationSyntaxException(new Problem(file, startLine, startColumn,
                        "unterminated string starting here — close it with " + (triple ? String.valueOf(quote).repeat(3) : quote)));
            }
            char c = source.charAt(pos);
            if (!triple && c == '\n') {
                throw new AnnotationSyntaxException(new Problem(file, startLine, startColumn,
                        "string not closed before the end of the line — add the closing " + quote));
            }
            if (triple ? source.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\\' && pos + 1 < source.length()) {
                char next = source.charAt(pos + 1);
                if (raw) {
                    value.append(c).append(next);
                } else {
                    value.append(switch (next) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case 'r' -> "\r";
                        case '0' -> "\0";
                        case '\n' -> "";
                        default -> String.valueOf(next);
                    });
                }
                if (next == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            value.append(c);
            pos++;
        }
        assert start <= pos;
        return new PythonToken(PythonToken.Kind.STRING, value.toString(), startLine, startColumn);
    }

    private PythonToken number() {
        int start = pos;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && (source.charAt(pos - 1) == 'e' || source.charAt(pos - 1) == 'E')
                    && !source.substring(start, pos).startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        return token(PythonToken.Kind.NUMBER, source.substring(start, pos), start);
    }

    private PythonToken operator() {
        int start = pos;
        for (String candidates : List.of(THREE_CHAR_OPERATORS, TWO_CHAR_OPERATORS)) {
            for (String op : candidates.split(" ")) {
                if (source.startsWith(op, pos)) {
                    pos += op.length();
                    return token(PythonToken.Kind.OPERATOR, op, start);
                }
            }
        }
        char c = source.charAt(pos++);
        if ("([{".indexOf(c) >= 0) {
            depth++;
        } else if (")]}".indexOf(c) >= 0 && depth > 0) {
            depth--;
        }
        return token(PythonToken.Kind.OPERATOR, String.valueOf(c), start);
    }
}
