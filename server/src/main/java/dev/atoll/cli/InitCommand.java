package dev.atoll.cli;

import dev.atoll.project.InitOptions;
import dev.atoll.project.InitStep;
import dev.atoll.project.RepositoryInitializer;
import dev.atoll.project.RepositoryKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code atoll init --kind data|code|ml [DIR]}: sets up an existing git repository; safe to run again. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Make an existing git repository a data, code or ML repository (idempotent; never overwrites your files).")
public final class InitCommand implements Callable<Integer> {
    @Option(names = "--kind", required = true, description = "data, code or ml", converter = KindConverter.class)
    RepositoryKind kind;

    @Option(names = "--lfs-pattern", description = "gitattributes pattern stored in Git LFS (data repositories; repeatable; default: common data files)")
    List<String> lfsPatterns;

    @Option(names = "--name", description = "module name (code repositories; default: the directory name)")
    String moduleName;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The repository's root (default: current directory).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<InitStep> steps = RepositoryInitializer.init(dir, new InitOptions(kind, lfsPatterns, moduleName));
        PrintWriter out = spec.commandLine().getOut();
        steps.forEach(out::println);
        boolean changed = steps.stream().anyMatch(s -> s.outcome() == InitStep.Outcome.CREATED || s.outcome() == InitStep.Outcome.UPDATED);
        out.println(changed ? kind.id() + " repository set up — review and commit: git add -A && git commit -m 'atoll init'"
                : "nothing to do: this is already a " + kind.id() + " repository");
        return ExitCodes.OK;
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<RepositoryKind> {
        @Override
        public RepositoryKind convert(String value) {
            for (RepositoryKind candidate : RepositoryKind.values()) {
                if (candidate.id().equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a repository kind — use data, code or ml");
        }
    }
}
