package dev.atoll.cli;

import dev.atoll.errors.AtollException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The {@code atoll} command line. Each subcommand is one class; user errors print
 * {@code error: what — what to do} and exit with {@link ExitCodes#USER_ERROR}; stack traces appear
 * only with {@code --debug}.
 */
@Command(name = "atoll",
        mixinStandardHelpOptions = true,
        versionProvider = AtollVersion.class,
        description = "MLOps for the git forge you already run: tracking, registry, code modules, CI pipelines, data diffs.",
        subcommands = {
                ServerCommand.class,
                ModelsCommand.class,
                DiffCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class AtollCommand implements Runnable {

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

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new AtollCommand());
        cli.setExecutionExceptionHandler(AtollCommand::handleError);
        return cli.execute(args);
    }

    private static int handleError(Exception error, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.matchedOption("--debug") != null
                || parsed.subcommands().stream().anyMatch(sub -> sub.matchedOption("--debug") != null);
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
