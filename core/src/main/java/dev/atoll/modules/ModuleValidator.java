package dev.atoll.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a code module directory without building anything: the {@code MLproject}, the Python entry
 * point its {@code main} command runs (its annotations), that annotations and MLproject agree on the
 * parameters, and that {@code requirements.txt} pins every package. All problems are collected.
 */
public final class ModuleValidator {
    public static final String MAIN = "main";
    public static final String MLPROJECT = "MLproject";
    public static final String REQUIREMENTS = "requirements.txt";
    /** Module names become image repository names, so they follow Docker's rule for a path component. */
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    private ModuleValidator() {
    }

    public static ModuleCheck validate(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.ofFile(dir.toString(), "is not a directory — pass the code module's directory"));
            return new ModuleCheck(Optional.empty(), problems);
        }
        Optional<MlProject> project = read(dir, MLPROJECT, problems, "create it with 'atoll init --kind code'")
                .flatMap(text -> collect(MlProjectParser.parse(MLPROJECT, text), problems));
        List<Requirement> requirements = read(dir, REQUIREMENTS, problems, "list every package as name==version")
                .map(text -> {
                    RequirementsParser.Scan scan = RequirementsParser.parse(REQUIREMENTS, text);
                    problems.addAll(scan.problems());
                    return scan.requirements();
                }).orElse(List.of());
        ModuleAnnotations annotations = null;
        String script = null;
        if (project.isPresent()) {
            MlProject.EntryPoint main = project.get().entryPoints().get(MAIN);
            if (!MODULE_NAME.matcher(project.get().name()).matches()) {
                problems.add(new Problem(MLPROJECT, 1, 1, "name '" + project.get().name()
                        + "' is not a valid module name — use lower-case letters, digits and single '-', '_' or '.' separators"));
            }
            if (main == null) {
                problems.add(Problem.ofFile(MLPROJECT, "has no 'main' entry point — a code module runs its 'main' entry point"));
            } else {
                script = script(main, problems);
                if (script != null) {
                    annotations = annotations(dir, script, main, problems);
                }
            }
        }
        if (!problems.isEmpty() || annotations == null) {
            return new ModuleCheck(Optional.empty(), problems);
        }
        return new ModuleCheck(Optional.of(new CodeModule(project.get(), script, annotations, requirements)), problems);
    }

    private static Optional<MlProject> collect(MlProjectScan scan, List<Problem> problems) {
        problems.addAll(scan.problems());
        return scan.project();
    }

    /** The first {@code .py} word of the main command is the entry point script. */
    private static String script(MlProject.EntryPoint main, List<Problem> problems) {
        for (String word : main.command().trim().split("\\s+")) {
            if (word.endsWith(".py")) {
                if (word.startsWith("/") || word.contains("..") || word.contains("{")) {
                    problems.add(new Problem(MLPROJECT, main.line(), 1, "entry point 'main' runs '" + word
                            + "', which is not a path inside the module — use a relative path such as main.py"));
                    return null;
                }
                return word;
            }
        }
        problems.add(new Problem(MLPROJECT, main.line(), 1, "entry point 'main' command '" + main.command()
                + "' runs no .py script — write command: \"python <script>.py ...\""));
        return null;
    }

    private static ModuleAnnotations annotations(Path dir, String script, MlProject.EntryPoint main, List<Problem> problems) {
        Optional<String> source = read(dir, script, problems, "create the entry point or fix the 'main' command in MLproject");
        if (source.isEmpty()) {
            return null;
        }
        AnnotationScan scan = AnnotationParser.parse(script, source.get());
        problems.addAll(scan.problems());
        scan.annotations().ifPresent(found -> agree(found, main, problems));
        return scan.annotations().orElse(null);
    }

    /** The annotations and the MLproject describe the same parameters, so the catalogue and `mlflow run` agree. */
    private static void agree(ModuleAnnotations annotations, MlProject.EntryPoint main, List<Problem> problems) {
        for (ModuleParameter parameter : annotations.parameters()) {
            Optional<MlProject.Parameter> declared = main.parameter(parameter.name());
            if (declared.isEmpty()) {
                problems.add(new Problem(MLPROJECT, main.line(), 1, "entry point 'main' does not declare parameter '" + parameter.name()
                        + "' that the @parameter annotation declares — add it under parameters"));
            } else if (!parameter.type().matchesMlProjectType(declared.get().type())) {
                problems.add(new Problem(MLPROJECT, main.line(), 1, "parameter '" + parameter.name() + "' is " + declared.get().type()
                        + " in MLproject but " + parameter.type() + " in its @parameter annotation — make them agree"));
            }
        }
        for (MlProject.Parameter declared : main.parameters()) {
            if (annotations.parameters().stream().noneMatch(p -> p.name().equals(declared.name()))) {
                problems.add(new Problem(MLPROJECT, main.line(), 1, "parameter '" + declared.name()
                        + "' has no @parameter annotation on the entry point — annotate it so the catalogue lists it"));
            }
        }
    }

    private static Optional<String> read(Path dir, String name, List<Problem> problems, String advice) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.ofFile(name, "is missing — " + advice));
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(Problem.ofFile(name, "cannot be read as UTF-8 text (" + e.getMessage() + ") — save it as UTF-8"));
            return Optional.empty();
        }
    }
}
