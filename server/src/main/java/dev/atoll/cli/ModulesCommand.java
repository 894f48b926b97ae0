package dev.atoll.cli;

import dev.atoll.modules.ModuleCheck;
import dev.atoll.modules.ModuleValidator;
import dev.atoll.modules.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code atoll modules ...}: check a code module, and search the module catalogue. */
@Command(name = "modules", description = "Validate code modules and search the module catalogue.",
        subcommands = {ModulesCommand.Validate.class})
public final class ModulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exits 1 and lists every problem, one {@code file:line:column: message} per line. */
    @Command(name = "validate", description = "Check a code module (MLproject, annotations, requirements, entry point) without building it.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The code module's directory (default: current directory).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModuleCheck check = ModuleValidator.validate(dir);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (check.valid()) {
                var module = check.orThrow();
                out.printf("ok: module %s (%s, %d parameter(s), entry point %s, %d pinned requirement(s))%n", module.name(),
                        module.annotations().type().decorator(), module.annotations().parameters().size(),
                        module.entryPointScript(), module.requirements().size());
                return ExitCodes.OK;
            }
            for (Problem problem : check.problems()) {
                err.println(dir.resolve(problem.file()).normalize() + problem.toString().substring(problem.file().length()));
            }
            err.printf("error: %d problem(s) in the code module %s — fix them and run 'atoll modules validate' again%n",
                    check.problems().size(), dir);
            return ExitCodes.USER_ERROR;
        }
    }
}
