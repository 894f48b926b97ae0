package dev.atoll.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code core} the framework-free domain that DESIGN.md promises, and keeps its feature
 * packages to the dependencies drawn in {@code docs/architecture.puml}.
 */
class CoreArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.atoll");
    }

    @Test
    void coreUsesNoFrameworkTypes() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "hudson..", "jenkins..", "org.kohsuke.stapler..",
                "org.gitlab4j..",
                "io.javalin..", "org.eclipse.jetty..",
                "jakarta.servlet..", "javax.servlet..",
                "com.github.dockerjava..")
                .because("core is the framework-free domain; frameworks live in adapters (DESIGN.md)");
        rule.check(core);
    }

    @Test
    void featurePackagesFollowThePackageDiagram() throws MalformedURLException {
        URL diagram = diagram().toUri().toURL();
        classes().should(PlantUmlArchCondition.adhereToPlantUmlDiagram(diagram, consideringOnlyDependenciesInDiagram()))
                .because("docs/architecture.puml is the design; change both together")
                .check(core);
    }

    @Test
    void everyFeaturePackageIsInTheDiagram() throws Exception {
        String text = Files.readString(diagram());
        core.stream()
                .map(javaClass -> javaClass.getPackageName().split("\\."))
                .filter(parts -> parts.length >= 3)
                .map(parts -> "dev.atoll." + parts[2] + "..")
                .distinct()
                .forEach(feature -> assertThat(text)
                        .as("feature package %s must appear in docs/architecture.puml", feature)
                        .contains("<<" + feature + ">>"));
    }

    private static Path diagram() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/architecture.puml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/architecture.puml not found above " + here);
    }
}
