package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryFilterTest {

    @Test
    void likeTreatsPercentAndUnderscoreAsWildcardsAndEverythingElseLiterally() {
        assertThat(RegistryFilter.like("a%c", false).matcher("abbbc").matches()).isTrue();
        assertThat(RegistryFilter.like("a_c", false).matcher("abc").matches()).isTrue();
        assertThat(RegistryFilter.like("a_c", false).matcher("abbc").matches()).isFalse();
        assertThat(RegistryFilter.like("a.c", false).matcher("abc").matches()).isFalse();
        assertThat(RegistryFilter.like("(x)*", false).matcher("(x)*").matches()).isTrue();
        assertThat(RegistryFilter.like("ABC", true).matcher("abc").matches()).isTrue();
        assertThat(RegistryFilter.like("ABC", false).matcher("abc").matches()).isFalse();
    }

    @Test
    void parsesQuotedKeysAndValuesInEitherQuotes() {
        RegistryFilter filter = RegistryFilter.forVersions("tags.`my key` = \"it's\" AND run_id NOT IN ('a','b') and version_number > 3");
        assertThat(filter.clauses()).containsExactly(
                new RegistryFilter.Clause("tags.my key", "=", "it's"),
                new RegistryFilter.Clause("run_id", "NOT IN", java.util.List.of("a", "b")),
                new RegistryFilter.Clause("version_number", ">", 3L));
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> RegistryFilter.forModels("name = 'x' AND")).isInstanceOf(AtollException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> RegistryFilter.forModels("name ~ 'x'")).hasMessageContaining("unexpected character '~'");
        assertThatThrownBy(() -> RegistryFilter.forModels("name IN ('x')")).hasMessageContaining("only supported for run_id");
        assertThatThrownBy(() -> RegistryFilter.forVersions("version_number = 'x'")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RegistryFilter.forModels("tags. = 'x'")).isInstanceOf(AtollException.class);
    }
}
