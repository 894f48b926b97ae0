package dev.atoll.modules;

/** A malformed annotation or Python token, located; the parser turns it into a {@link Problem}. */
final class AnnotationSyntaxException extends RuntimeException {
    private final transient Problem problem;

    AnnotationSyntaxException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
