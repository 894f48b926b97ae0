package dev.atoll.cli;

import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleCheck;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleQuery;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ModuleValidator;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.Problem;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code atoll modules ...}: check a code module, and search the module catalogue. */
@Command(name = "modules", mixinStandardHelpOptions = true, description = "Validate code modules and search the module catalogue.",
        subcommands = {ModulesCommand.Validate.class, ModulesCommand.Search.class})
public final class ModulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exits 1 and lists every problem, one {@code file:line:column: message} per line. */
    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a code module (MLproject, annotations, requirements, entry point) without building it.")
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

    /** {@code atoll modules search}: lists the catalogue, filtered by name, type and parameter. */
    @Command(name = "search", mixinStandardHelpOptions = true, aliases = "list", description = "List published modules, filtered by name, type and parameter.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--name", description = "name contains this text (case-insensitive)")
        String name;

        @Option(names = "--type", description = "data_processor, data_visualization or model")
        String type;

        @Option(names = "--parameter", description = "has a parameter of this name")
        String parameter;

        @Mixin
        CatalogueOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModuleType moduleType = type == null ? null : ModuleType.parse(type).orElseThrow(() -> AtollException.invalidParameter(
                    "--type '" + type + "' is not a module type — use data_processor, data_visualization or model"));
            List<ModuleVersion> found = store.withCatalogue(false, catalogue -> catalogue.search(new ModuleQuery(name, moduleType, parameter, store.user)));
            PrintWriter out = spec.commandLine().getOut();
            if (found.isEmpty()) {
                out.println("no modules match — publish one with 'atoll publish'");
                return ExitCodes.OK;
            }
            out.printf("%-24s %-12s %-18s %-10s %-12s %s%n", "NAME", "VERSION", "TYPE", "VISIBILITY", "OWNER", "PARAMETERS");
            for (ModuleVersion v : found) {
                out.printf("%-24s %-12s %-18s %-10s %-12s %s%n", v.name(), v.version(), v.type().decorator(), v.visibility(), v.owner(),
                        v.parameters().stream().map(ModuleParameter::name).collect(Collectors.joining(",")));
            }
            return ExitCodes.OK;
        }
    }

    /** Where the catalogue is (a JDBC URL: {@code atoll server}'s SQLite file by default) and who is asking. */
    static final class CatalogueOptions {
        @Option(names = "--db", defaultValue = "${env:ATOLL_DB:-jdbc:sqlite:atoll-data/atoll.db}",
                description = "JDBC URL of Atoll's metadata store, the one 'atoll server --db' uses (env ATOLL_DB; default: ${DEFAULT-VALUE})")
        String url;

        @Option(names = "--user", defaultValue = "${env:ATOLL_USER:-${sys:user.name}}",
                description = "who you are: private modules are listed only to their owner (env ATOLL_USER; default: ${DEFAULT-VALUE})")
        String user;

        /** Runs {@code work} on the catalogue; {@code create} makes an embedded SQLite file that does not exist yet. */
        <T> T withCatalogue(boolean create, Function<ModuleCatalogue, T> work) {
            if (!create && url.startsWith("jdbc:sqlite:")) {
                String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "");
                if (!Files.exists(Path.of(file))) {
                    throw AtollException.notFound("no module catalogue at " + Path.of(file).toAbsolutePath()
                            + " — publish a module first, or point --db (or ATOLL_DB) at the server's database");
                }
            }
            try (Database database = Database.open(url)) {
                return work.apply(new JdbcModuleCatalogue(database));
            }
        }
    }
}
