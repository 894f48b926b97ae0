package dev.atoll.modules;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ModuleCatalogue} adapter must do; each adapter's test extends this with a real store. */
public abstract class ModuleCatalogueContract {
    private ModuleCatalogue catalogue;

    protected abstract ModuleCatalogue createCatalogue() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        catalogue = createCatalogue();
    }

    public static ModuleVersion version(String name, String version, ModuleType type, Visibility visibility, String owner, String content,
                                        ModuleParameter... parameters) {
        return new ModuleVersion(name, version, type, visibility, owner, name + " module", "does " + name, "TABULAR", "TABULAR",
                "c0ffee" + version, "127.0.0.1:5000/" + name + ":" + version, "sha256:" + content.repeat(64).substring(0, 64),
                content, List.of(parameters), Instant.parse("2026-11-23T08:00:00Z").plusSeconds(version.hashCode() & 0xffff));
    }

    private static final ModuleParameter SCALE = new ModuleParameter("scale", ParameterType.FLOAT, false, "1.0", "factor");
    private static final ModuleParameter EPOCHS = new ModuleParameter("epochs", ParameterType.INTEGER, true, null, "steps");

    @Test
    void recordsAVersionWithItsParametersAndReadsItBack() {
        ModuleVersion normalise = version("normalise", "1.0.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "a", SCALE, EPOCHS);

        assertThat(catalogue.record(normalise)).isEqualTo(ModuleCatalogue.Recorded.CREATED);

        assertThat(catalogue.get("normalise", "1.0.0")).contains(normalise);
        assertThat(catalogue.find("normalise", "1.0.0", null)).contains(normalise);
        assertThat(catalogue.get("normalise", "2.0.0")).isEmpty();
    }

    @Test
    void republishingTheSameContentIsAcceptedAndDifferentContentIsRefusedLeavingTheRecordAsItWas() {
        ModuleVersion first = version("trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "a", EPOCHS);
        catalogue.record(first);

        assertThat(catalogue.record(first)).isEqualTo(ModuleCatalogue.Recorded.UNCHANGED);
        ModuleVersion changed = version("trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "ana", "b", SCALE);
        assertThatThrownBy(() -> catalogue.record(changed))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
                .hasMessageContaining("module trainer@1.0.0 is already published with different content (commit c0ffee1.0.0")
                .hasMessageEndingWith("published versions never change; publish a new version");
        assertThat(catalogue.get("trainer", "1.0.0")).contains(first);
    }

    @Test
    void refusesAVersionThatCannotBeAnImageTag() {
        assertThatThrownBy(() -> catalogue.record(version("x", "1.0 beta", ModuleType.MODEL, Visibility.PUBLIC, "ana", "a")))
                .hasMessageStartingWith("module version '1.0 beta' is not valid");
        assertThat(catalogue.search(ModuleQuery.all("ana"))).isEmpty();
    }

    @Test
    void searchesByNameTypeAndParameterAndListsPrivateModulesOnlyToTheirOwner() {
        catalogue.record(version("normalise", "1.0.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "a", SCALE));
        catalogue.record(version("normalise", "1.1.0", ModuleType.DATA_PROCESSOR, Visibility.PUBLIC, "ana", "b", SCALE, EPOCHS));
        catalogue.record(version("linear-trainer", "1.0.0", ModuleType.MODEL, Visibility.PUBLIC, "bo", "c", EPOCHS));
        catalogue.record(version("secret_sauce", "0.1", ModuleType.MODEL, Visibility.PRIVATE, "bo", "d", EPOCHS));

        assertThat(catalogue.search(ModuleQuery.all(null))).extracting(ModuleVersion::coordinates)
                .containsExactly("linear-trainer@1.0.0", "normalise@1.1.0", "normalise@1.0.0");
        assertThat(catalogue.search(ModuleQuery.all("bo"))).extracting(ModuleVersion::coordinates)
                .containsExactly("linear-trainer@1.0.0", "normalise@1.1.0", "normalise@1.0.0", "secret_sauce@0.1");
        assertThat(catalogue.search(new ModuleQuery("NORMAL", null, null, null))).extracting(ModuleVersion::coordinates)
                .containsExactly("normalise@1.1.0", "normalise@1.0.0");
        assertThat(catalogue.search(new ModuleQuery(null, ModuleType.MODEL, null, "ana"))).extracting(ModuleVersion::coordinates)
                .containsExactly("linear-trainer@1.0.0");
        assertThat(catalogue.search(new ModuleQuery(null, null, "epochs", "bo"))).extracting(ModuleVersion::coordinates)
                .containsExactly("linear-trainer@1.0.0", "normalise@1.1.0", "secret_sauce@0.1");
        assertThat(catalogue.search(new ModuleQuery("_", null, null, "bo"))).extracting(ModuleVersion::coordinates)
                .as("'_' is matched literally, not as a LIKE wildcard").containsExactly("secret_sauce@0.1");
        assertThat(catalogue.find("secret_sauce", "0.1", "ana")).isEmpty();
        assertThat(catalogue.find("secret_sauce", "0.1", "bo")).isPresent();
    }
}
