package dev.atoll.modules;

import java.util.List;
import java.util.Optional;

/** The result of reading an {@code MLproject} file: the project if it could be read, and every problem. */
public record MlProjectScan(Optional<MlProject> project, List<Problem> problems) {
    public MlProjectScan {
        problems = List.copyOf(problems);
    }
}
