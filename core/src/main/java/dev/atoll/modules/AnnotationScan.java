package dev.atoll.modules;

import java.util.List;
import java.util.Optional;

/** The result of reading the annotations of one entry point: what was found, and every problem. */
public record AnnotationScan(Optional<ModuleAnnotations> annotations, List<Problem> problems) {

    public AnnotationScan {
        problems = List.copyOf(problems);
    }
}
