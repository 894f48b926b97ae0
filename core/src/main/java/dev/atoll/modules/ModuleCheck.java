package dev.atoll.modules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of validating a code module directory: the module when valid, and every problem found. */
public record ModuleCheck(Optional<CodeModule> module, List<Problem> problems) {

    public ModuleCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The module, or an error listing every problem, one per line. */
    public CodeModule orThrow() {
        if (!valid()) {
            throw dev.atoll.errors.AtollException.invalidParameter(problems.size() + " problem(s) in the code module — fix them and run again:\n"
                    + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        return module.orElseThrow();
    }
}
