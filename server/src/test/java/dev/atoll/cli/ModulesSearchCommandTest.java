package dev.atoll.cli;

import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogueContract;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ParameterType;
import dev.atoll.modules.Visibility;
import dev.atoll.modules.store.jdbc.JdbcModuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesSearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void searchesTheCatalogueByNameTypeAndParameter() {
        String url = "jdbc:sqlite:" + dir.resolve("atoll.db");
        try (Database database = Database.open(url)) {
            JdbcModuleCatalogue catalogue = new JdbcModuleCatalogue(database);
            ModuleParameter epochs = new ModuleParameter("epochs", ParameterType.INTEGER, false, "200", "steps");
            catalogue.record(ModuleCatalogueContract.version("normalise", "1.0.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "a",
                    new ModuleParameter("scale", ParameterType.FLOAT, false, "1.0", "factor")));
            catalogue.record(ModuleCatalogueContract.version("linear-trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "b", epochs));
            catalogue.record(ModuleCatalogueContract.version("bo-trainer", "0.1", ModuleType.MODEL, Visibility.PRIVATE, "bo", "c", epochs));
        }

        CliRun all = CliRun.of("modules", "search", "--db", url, "--user", "ana");
        CliRun models = CliRun.of("modules", "list", "--db", url, "--user", "bo", "--type", "model", "--parameter", "epochs");
        CliRun none = CliRun.of("modules", "search", "--db", url, "--user", "ana", "--name", "bo-");
        CliRun badType = CliRun.of("modules", "search", "--db", url, "--type", "trainer");
        CliRun noCatalogue = CliRun.of("modules", "search", "--db", "jdbc:sqlite:" + dir.resolve("nowhere/atoll.db"));

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines()).hasSize(3).element(1).asString()
                .startsWith("linear-trainer").contains("1.0.0", "model", "PUBLIC", "ana", "epochs");
        assertThat(all.out()).contains("normalise").doesNotContain("bo-trainer");
        assertThat(models.out().lines()).extracting(line -> line.split("\\s+")[0]).containsExactly("NAME", "bo-trainer", "linear-trainer");
        assertThat(none.out()).isEqualTo("no modules match — publish one with 'atoll publish'\n");
        assertThat(badType.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badType.err()).contains("error: --type 'trainer' is not a module type — use data_processor, data_visualization or model");
        assertThat(noCatalogue.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(noCatalogue.err()).startsWith("error: no module catalogue at " + dir.resolve("nowhere/atoll.db") + " — publish a module first");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }
}
