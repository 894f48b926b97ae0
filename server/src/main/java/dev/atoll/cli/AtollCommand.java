package dev.atoll.cli;

import dev.atoll.errors.AtollException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code atoll} command line. Each subcommand is one class; user errors print
 * {@code error: what — what to do} and exit with {@link ExitCodes#USER_ERROR}; stack traces appear
 * only with {@code --debug}.
 */
@Command(name = "atoll",
        mixinStandardHelpOptions = true,
        versionProvider = AtollVersion.class,
        description = "MLOps for the git forge you already run: tracking, registry, code modules, CI pipelines, data diffs.")
public final class AtollCommand implements Runnable {
    /**
     * The subcommands by name, in help order. Picocli reads every subcommand it is given by
     * reflection (0.1–0.2 s for all of them), so a command line gets only the one it names. In a
     * holder class: a plain diff, read without picocli, never makes these method references.
     */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = subcommands();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("server", ServerCommand::new);
        all.put("init", InitCommand::new);
        all.put("modules", ModulesCommand::new);
        all.put("publish", PublishCommand::new);
        all.put("models", ModelsCommand::new);
        all.put("diff", DiffCommand::new);
        all.put("report", ReportCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * The command line for these arguments: with only the subcommand the first one names, else
     * (options first, {@code help}, a mistyped name) with all of them, for help and suggestions.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new AtollCommand());
        boolean one = args.length > 0 && Subcommands.ALL.containsKey(args[0]) && !args[0].equals("help");
        Subcommands.ALL.forEach((name, command) -> {
            if (!one || name.equals(args[0])) {
                cli.addSubcommand(name, command.get());
            }
        });
        return cli;
    }

    /**
     * Runs the CLI and returns its exit code; tests call this instead of {@link #main}. A plain
     * {@code diff} command line runs without picocli ({@link DiffArguments}); any other goes through it.
     */
    public static int execute(String... args) {
        DiffArguments diff = DiffArguments.parse(args);
        return diff != null ? execute(diff) : executeWithPicocli(args);
    }

    /** Runs the CLI through picocli, whatever the command line. */
    static int executeWithPicocli(String... args) {
        CommandLine cli = commandLine(args);
        cli.setExecutionExceptionHandler(AtollCommand::handleError);
        return cli.execute(args);
    }

    private static int execute(DiffArguments diff) {
        // Writers as picocli makes them: the platform's charset, the error stream flushed on each line.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, Charset.defaultCharset())), true);
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, Charset.defaultCharset())), true);
        try {
            return diff.command().run(out, err);
        } catch (Exception error) {
            return handleError(error, err, diff.debug());
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handleError(Exception error, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.matchedOption("--debug") != null
                || parsed.subcommands().stream().anyMatch(sub -> sub.matchedOption("--debug") != null);
        return handleError(error, cli.getErr(), debug);
    }

    private static int handleError(Exception error, PrintWriter err, boolean debug) {
        if (error instanceof AtollException atoll) {
            err.println("error: " + atoll.getMessage());
            if (debug) {
                atoll.printStackTrace(err);
            }
            return ExitCodes.USER_ERROR;
        }
        err.println("error: unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage()
                + " — run again with --debug and report the stack trace");
        if (debug) {
            error.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
