package dev.atoll.modules;

import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleValidatorTest {
    @TempDir
    Path dir;

    @Test
    void acceptsTheDataProcessorFixture() {
        ModuleCheck check = ModuleValidator.validate(ModuleFixtures.copy("normalise", dir));

        assertThat(check.problems()).isEmpty();
        CodeModule module = check.orThrow();
        assertThat(module.name()).isEqualTo("normalise");
        assertThat(module.entryPointScript()).isEqualTo("main.py");
        assertThat(module.annotations().type()).isEqualTo(ModuleType.DATA_PROCESSOR);
        assertThat(module.annotations().parameters()).extracting(ModuleParameter::name).containsExactly("input", "output", "scale", "columns");
    }

    @Test
    void acceptsTheTrainerFixture() {
        CodeModule module = ModuleValidator.validate(ModuleFixtures.copy("linear-trainer", dir)).orThrow();

        assertThat(module.annotations().type()).isEqualTo(ModuleType.MODEL);
        assertThat(module.main().parameter("epochs")).map(MlProject.Parameter::defaultValue).contains("200");
    }

    @Test
    void listsEveryProblemOfABrokenModule() {
        ModuleCheck check = ModuleValidator.validate(ModuleFixtures.copy("broken-everything", dir));

        assertThat(check.module()).isEmpty();
        assertThat(check.problems()).extracting(Problem::toString).containsExactly(
                "MLproject:5:36: entry point 'main' parameter 'rate' default 'fast' is not a valid float — change the default or the type",
                "MLproject:6:14: entry point 'main' command uses {rate} but no parameter of that name is declared — declare it under parameters",
                "requirements.txt:1:1: 'numpy' is not pinned — write numpy==<version> (pip freeze shows the installed one)",
                "requirements.txt:3:1: 'pandas' is listed twice (first on line 2) — keep one pin");
        assertThatThrownBy(check::orThrow).isInstanceOf(AtollException.class)
                .hasMessageStartingWith("4 problem(s) in the code module — fix them and run again:\n  MLproject:5:36");
    }

    @Test
    void reportsMalformedAnnotationsAndBadModuleNameOnceTheMlProjectParses() throws IOException {
        ModuleFixtures.copy("broken-everything", dir);
        Files.writeString(dir.resolve("MLproject"), "name: Broken Module\nentry_points:\n  main:\n    parameters: {rate: float}\n    command: python main.py\n");
        Files.writeString(dir.resolve("requirements.txt"), "numpy==1.26.4\n");

        assertThat(ModuleValidator.validate(dir).problems()).extracting(Problem::toString).containsExactly(
                "MLproject:1:1: name 'Broken Module' is not a valid module name — use lower-case letters, digits and single '-', '_' or '.' separators",
                "main.py:4:1: expected ',' or ')' after an argument of @data_processor but found '@'",
                "main.py: no @data_processor, @data_visualization or @model annotation found — decorate the entry point's init_params() with one (see docs/modules.md)");
    }

    @Test
    void reportsAMissingEntryPointScript() {
        assertThat(ModuleValidator.validate(ModuleFixtures.copy("missing-entry-point", dir)).problems()).extracting(Problem::toString)
                .containsExactly("run.py: is missing — create the entry point or fix the 'main' command in MLproject");
    }

    @Test
    void reportsMissingFilesAndParametersTheTwoDescriptionsDisagreeOn() throws IOException {
        assertThat(ModuleValidator.validate(dir).problems()).extracting(Problem::toString).containsExactly(
                "MLproject: is missing — create it with 'atoll init --kind code'",
                "requirements.txt: is missing — list every package as name==version");

        ModuleFixtures.copy("linear-trainer", dir);
        Files.writeString(dir.resolve("MLproject"), Files.readString(dir.resolve("MLproject"))
                .replace("epochs: {type: int, default: 200}", "epochs: {type: float, default: 200}")
                .replace("data: path", "data: path\n      seed: int"));
        assertThat(ModuleValidator.validate(dir).problems()).extracting(Problem::message).containsExactly(
                "parameter 'epochs' is float in MLproject but INTEGER in its @parameter annotation — make them agree",
                "parameter 'seed' has no @parameter annotation on the entry point — annotate it so the catalogue lists it");
    }
}
