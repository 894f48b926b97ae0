package dev.atoll.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@code atoll diff} command line read without picocli, for the plain case. Picocli's start (its
 * classes, proxies for the annotations of every option, the help model) took about 45 ms of each
 * diff, a third of a small one; the diff itself needs five values. This reads only the command
 * lines it reads exactly as picocli does: operands, {@code --key}, {@code --format},
 * {@code --output} and {@code --repo} (as {@code --name value} or {@code --name=value}, each at most
 * once), and {@code --debug} once, before or after {@code diff}. On anything else (help, a mistake, an option it does not know,
 * {@code --}, an {@code @file}) it returns null and picocli reads the line, with its usage and
 * messages. {@code DiffArgumentsTest} checks that the two agree.
 */
record DiffArguments(List<String> operands, String key, ReportFormat format, Path output, Path repo, boolean debug) {
    private static final String DEBUG = "--debug";
    /** The options with a value; {@code DiffArgumentsTest} checks that they are all of DiffCommand's. */
    static final Set<String> VALUED = Set.of("--key", "--format", "--output", "--repo");

    /** The arguments of a plain diff command line, or null for picocli to read. */
    static DiffArguments parse(String... args) {
        int at = 0;
        boolean debug = false;
        if (at < args.length && args[at].equals(DEBUG)) {
            debug = true;
            at++;
        }
        if (at >= args.length || !args[at].equals("diff")) {
            return null;
        }
        List<String> operands = new ArrayList<>();
        int lastOperandAt = -1;
        String key = null;
        String format = null;
        String output = null;
        String repo = null;
        for (int i = at + 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DEBUG)) {
                if (debug) {
                    return null; // picocli refuses an option given twice
                }
                debug = true;
                continue;
            }
            if (!arg.startsWith("-")) {
                if (arg.startsWith("@")) {
                    return null; // picocli reads an argument file there
                }
                // Picocli takes operands in runs, each of at least two (arity 2..*): read them as one run.
                if (operands.isEmpty() ? i + 1 >= args.length || args[i + 1].startsWith("-") : lastOperandAt != i - 1) {
                    return null;
                }
                operands.add(arg);
                lastOperandAt = i;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!VALUED.contains(name)) {
                return null;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return null;
            }
            switch (name) {
                case "--key" -> {
                    if (key != null) {
                        return null;
                    }
                    key = value;
                }
                case "--format" -> {
                    if (format != null) {
                        return null;
                    }
                    format = value;
                }
                case "--output" -> {
                    if (output != null) {
                        return null;
                    }
                    output = value;
                }
                default -> {
                    if (repo != null) {
                        return null;
                    }
                    repo = value;
                }
            }
        }
        if (operands.size() < 2) {
            return null;
        }
        try {
            return new DiffArguments(List.copyOf(operands), key, format == null ? ReportFormat.markdown : ReportFormat.valueOf(format),
                    output == null ? null : Path.of(output), repo == null ? null : Path.of(repo), debug);
        } catch (IllegalArgumentException unreadable) {
            return null; // an unknown format, or a path the system refuses (InvalidPathException): picocli says which
        }
    }

    /** The diff command with these arguments, as picocli would have filled it. */
    DiffCommand command() {
        DiffCommand command = new DiffCommand();
        command.arguments = new ArrayList<>(operands);
        command.key = key;
        command.format = format;
        command.repo = repo;
        command.output = new ReportOutput();
        command.output.output = output;
        return command;
    }
}
