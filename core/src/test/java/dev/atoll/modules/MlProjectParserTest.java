package dev.atoll.modules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MlProjectParserTest {

    @Test
    void readsEntryPointsTypedParametersDefaultsAndCommands() {
        String yaml = """
                name: normalise
                python_env: python_env.yaml
                entry_points:
                  main:
                    parameters:
                      data: path
                      scale: {type: float, default: 0.5}
                      epochs: {type: int, default: 10}
                      label: {default: "x"}
                    command: "python main.py --data {data} --scale {scale} --epochs {epochs} --label {label}"
                  validate:
                    command: python check.py
                """;

        MlProjectScan scan = MlProjectParser.parse("MLproject", yaml);

        assertThat(scan.problems()).isEmpty();
        MlProject project = scan.project().orElseThrow();
        assertThat(project.name()).isEqualTo("normalise");
        assertThat(project.entryPoints()).containsOnlyKeys("main", "validate");
        assertThat(project.entryPoints().get("main").parameters()).containsExactly(
                new MlProject.Parameter("data", "path", null),
                new MlProject.Parameter("scale", "float", "0.5"),
                new MlProject.Parameter("epochs", "int", "10"),
                new MlProject.Parameter("label", "string", "x"));
        assertThat(project.entryPoints().get("validate").command()).isEqualTo("python check.py");
    }

    @Test
    void reportsEveryProblemWithItsPosition() {
        String yaml = """
                name: broken
                entry_point:
                  main: {}
                entry_points:
                  main:
                    parameters:
                      rate: {type: double, default: 1}
                      epochs: {type: int, default: 2.5}
                      batch: {type: int, dflt: 3}
                    command: "python main.py {rate} {missing}"
                  other:
                    parameters: {a: string}
                """;

        assertThat(MlProjectParser.parse("MLproject", yaml).problems()).extracting(Problem::toString).containsExactly(
                "MLproject:2:1: unknown key 'entry_point' — expected one of conda_env, docker_env, entry_points, name, python_env",
                "MLproject:7:20: entry point 'main' parameter 'rate' type 'double' is not allowed — use one of float, int, string, path, uri",
                "MLproject:8:36: entry point 'main' parameter 'epochs' default '2.5' is not a valid int — change the default or the type",
                "MLproject:9:26: entry point 'main' parameter 'batch' has unknown key 'dflt' — expected 'type' or 'default'",
                "MLproject:10:14: entry point 'main' command uses {rate} but no parameter of that name is declared — declare it under parameters",
                "MLproject:10:14: entry point 'main' command uses {missing} but no parameter of that name is declared — declare it under parameters",
                "MLproject:12:5: entry point 'other' has no 'command' — add command: \"python <script>.py ...\"");
    }

    @Test
    void reportsYamlSyntaxErrorsAndDuplicateKeys() {
        assertThat(MlProjectParser.parse("MLproject", "name: [unclosed\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("MLproject:2:1: not valid YAML"));
        assertThat(MlProjectParser.parse("MLproject", "name: a\nname: b\nentry_points: {}\n").problems()).extracting(Problem::toString)
                .containsExactly("MLproject:2:1: MLproject has key 'name' twice (first on line 1) — keep one");
        assertThat(MlProjectParser.parse("MLproject", "").problems()).extracting(Problem::toString)
                .containsExactly("MLproject: is empty — declare name and entry_points (see docs/modules.md)");
    }
}
