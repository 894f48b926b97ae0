package dev.atoll.modules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code requirements.txt}: each requirement must be pinned with {@code ==} to an exact
 * version, so a published module builds the same image every time. Blank lines and comments are
 * allowed; pip options ({@code -r}, {@code -e}, {@code --index-url}, URLs) are refused because they
 * make the build depend on something outside the file.
 */
public final class RequirementsParser {
    private RequirementsParser() {
    }

    public record Scan(List<Requirement> requirements, List<Problem> problems) {
        public Scan {
            requirements = List.copyOf(requirements);
            problems = List.copyOf(problems);
        }
    }

    public static Scan parse(String file, String text) {
        List<Requirement> requirements = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Requirement> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            int column = firstNonBlank(line) + 1;
            String content = line.strip();
            try {
                Requirement requirement = requirement(content, lineNumber);
                Requirement earlier = seen.putIfAbsent(requirement.normalizedName(), requirement);
                if (earlier != null) {
                    problems.add(new Problem(file, lineNumber, column, "'" + requirement.name() + "' is listed twice (first on line "
                            + earlier.line() + ") — keep one pin"));
                } else {
                    requirements.add(requirement);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, lineNumber, column, "'" + content + "' " + e.getMessage()));
            }
        }
        return new Scan(requirements, problems);
    }

    /** Scans {@code name[extras] == version [; marker]} character by character. */
    private static Requirement requirement(String content, int line) {
        if (content.startsWith("-")) {
            throw new IllegalArgumentException("is a pip option — list pinned packages only (name==version)");
        }
        if (content.contains("://") || content.contains(" @ ")) {
            throw new IllegalArgumentException("is a URL requirement — publish the package to an index and pin it as name==version");
        }
        int i = 0;
        while (i < content.length() && isNameChar(content.charAt(i))) {
            i++;
        }
        String name = content.substring(0, i);
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            throw new IllegalArgumentException("is malformed: expected a package name — write name==version");
        }
        i = skipBlanks(content, i);
        if (i < content.length() && content.charAt(i) == '[') {
            int close = content.indexOf(']', i);
            if (close < 0) {
                throw new IllegalArgumentException("is malformed: extras '[' is not closed — write name[extra]==version");
            }
            i = skipBlanks(content, close + 1);
        }
        if (i >= content.length()) {
            throw new IllegalArgumentException("is not pinned — write " + name + "==<version> (pip freeze shows the installed one)");
        }
        if (!content.startsWith("==", i) || content.startsWith("===", i)) {
            throw new IllegalArgumentException("is not pinned with '==' — write " + name + "==<exact version>");
        }
        i = skipBlanks(content, i + 2);
        int versionStart = i;
        while (i < content.length() && isVersionChar(content.charAt(i))) {
            i++;
        }
        String version = content.substring(versionStart, i);
        if (version.isEmpty() || !Character.isDigit(version.charAt(0))) {
            throw new IllegalArgumentException("is malformed: expected a version after '==' — write " + name + "==1.2.3");
        }
        if (version.contains("*")) {
            throw new IllegalArgumentException("is not pinned: '" + version + "' is a wildcard — write an exact version");
        }
        i = skipBlanks(content, i);
        if (i < content.length()) {
            if (content.charAt(i) == ',') {
                throw new IllegalArgumentException("has more than one version clause — pin one exact version with ==");
            }
            if (content.charAt(i) != ';') {
                throw new IllegalArgumentException("is malformed: unexpected '" + content.substring(i) + "' after the version");
            }
        }
        return new Requirement(name, version, line);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    private static boolean isVersionChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '!' || c == '+' || c == '-' || c == '_' || c == '*';
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int firstNonBlank(String text) {
        return skipBlanks(text, 0);
    }

    /** pip treats {@code #} as a comment at the line start or after whitespace. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
